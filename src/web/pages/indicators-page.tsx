/** 指标视图 indicator view (being built). */
export function IndicatorsPage() {
  return <div data-testid="indicators-page">指标视图 indicator view</div>;
}
