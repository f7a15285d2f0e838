/** 机构视图 facility view (being built). */
export function FacilityViewPage() {
  return <div data-testid="facility-view-page">机构视图 facility view</div>;
}
