/** 分析 analysis (being built). */
export function AnalysisPage() {
  return <div data-testid="analysis-page">分析 analysis</div>;
}
