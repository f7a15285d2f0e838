/** 年度监测报告 annual report (being built). */
export function AnnualReportPage() {
  return <div data-testid="annual-report-page">年度监测报告 annual report</div>;
}
