import type { Kysely } from 'kysely';
import type { DB } from '../database.js';

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto('session')
      .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, last_seen_at: s.lastSeenAt })
      .execute();
  }

  async get(id: string): Promise<SessionRecord | null> {
    const r = await this.db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, lastSeenAt: r.last_seen_at } : null;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('session').where('id', '=', id).execute();
  }

  /** Removes sessions idle since before the cut-off. */
  async deleteIdleSince(cutoff: string): Promise<void> {
    await this.db.deleteFrom('session').where('last_seen_at', '<', cutoff).execute();
  }
}
