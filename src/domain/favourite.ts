/** A saved analysis: whatever the analysis view chose, under a name, optionally pinned to the dashboard. */
export interface Favourite {
  id: number;
  name: string;
  config: Record<string, unknown>;
  pinned: boolean;
  createdAt: string;
}
