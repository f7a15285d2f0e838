/** favourites: its tables. Saved analyses. They join the store's DB type by declaration merging. */
import type { Generated } from 'kysely';

export interface FavouriteTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  config: string;
  pinned: number;
  created_at: string;
}

declare module '../../platform/db/database.js' {
  interface DB {
    favourite: FavouriteTable;
  }
}
