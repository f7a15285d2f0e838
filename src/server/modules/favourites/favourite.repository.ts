import type { Kysely } from 'kysely';
import type { Favourite } from '../../../domain/favourite.js';
import type { DB } from '../../platform/db/database.js';

export type { Favourite };

type Row = { id: number; name: string; config: string; pinned: number; created_at: string };
const toFavourite = (r: Row): Favourite => ({ id: r.id, name: r.name, config: JSON.parse(r.config) as Record<string, unknown>, pinned: r.pinned === 1, createdAt: r.created_at });

/** Saved analyses; every call names the owner, so nobody reaches another user's favourites. */
export class FavouriteRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(userId: number): Promise<Favourite[]> {
    const rows = await this.db.selectFrom('favourite').select(['id', 'name', 'config', 'pinned', 'created_at']).where('user_id', '=', userId).orderBy('id').execute();
    return rows.map(toFavourite);
  }

  async get(userId: number, id: number): Promise<Favourite | null> {
    const r = await this.db.selectFrom('favourite').select(['id', 'name', 'config', 'pinned', 'created_at']).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return r ? toFavourite(r) : null;
  }

  async insert(userId: number, f: { name: string; config: Record<string, unknown>; pinned: boolean }, at: string): Promise<Favourite> {
    const r = await this.db
      .insertInto('favourite')
      .values({ user_id: userId, name: f.name, config: JSON.stringify(f.config), pinned: f.pinned ? 1 : 0, created_at: at })
      .returning(['id', 'name', 'config', 'pinned', 'created_at'])
      .executeTakeFirstOrThrow();
    return toFavourite(r);
  }

  /** Changes name and/or pin; false when the user has no such favourite. */
  async update(userId: number, id: number, f: { name?: string; pinned?: boolean }): Promise<boolean> {
    const set: { name?: string; pinned?: number } = {};
    if (f.name !== undefined) set.name = f.name;
    if (f.pinned !== undefined) set.pinned = f.pinned ? 1 : 0;
    if (!Object.keys(set).length) return (await this.get(userId, id)) !== null;
    const r = await this.db.updateTable('favourite').set(set).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async delete(userId: number, id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('favourite').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async count(userId: number): Promise<number> {
    const r = await this.db.selectFrom('favourite').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
