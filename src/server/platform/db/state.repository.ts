import type { Kysely } from 'kysely';
import type { DB } from './database.js';

/** Small key/value facts about the store (initialised, demo seed, hierarchy version). */
export class StateRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get(key: string): Promise<string | null> {
    const r = await this.db.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('app_state')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
