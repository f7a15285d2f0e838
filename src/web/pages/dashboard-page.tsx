/** 首页 dashboard (being built). */
export function DashboardPage() {
  return <div data-testid="dashboard-page">首页 dashboard</div>;
}
