import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';

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

  /** Removes sessions idle since before the cut-off or created before the lifetime cut-off. */
  async deleteExpired(idleCutoff: string, createdCutoff: string): Promise<number> {
    const r = await this.db
      .deleteFrom('session')
      .where((eb) => eb.or([eb('last_seen_at', '<', idleCutoff), eb('created_at', '<', createdCutoff)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Ends every session of a user, except the one given (the caller's own, after a password change). */
  async deleteForUser(userId: number, exceptId?: string): Promise<number> {
    let q = this.db.deleteFrom('session').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async countForUser(userId: number): Promise<number> {
    const r = await this.db.selectFrom('session').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
