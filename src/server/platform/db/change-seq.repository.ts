/**
 * Where the change sequence stands, for the analytics engine: the highest number handed out, and
 * the horizon — the highest number at or below which every reservation has ended, so every row
 * that will ever carry such a number is committed (or was rolled back) and visible.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './database.js';
import { isPostgres } from './sql-helpers.js';

export class ChangeSeqRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The highest number handed out so far (committed or not). */
  async current(): Promise<number> {
    if (isPostgres(this.db)) {
      const r = await sql<{ v: string | number }>`select case when is_called then last_value else last_value - 1 end as v from change_seq`.execute(this.db);
      return Number(r.rows[0].v);
    }
    return this.counter();
  }

  /**
   * Every number up to this one belongs to a transaction that has ended. On PostgreSQL: below the
   * first number of the oldest reservation still open; on SQLite (one writer, numbers commit in
   * order) the counter itself.
   */
  async horizon(): Promise<number> {
    if (isPostgres(this.db)) {
      const r = await sql<{ v: string | number }>`select gtcm_change_horizon() as v`.execute(this.db);
      return Number(r.rows[0].v);
    }
    return this.counter();
  }

  private async counter(): Promise<number> {
    const r = await this.db.selectFrom('change_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(r.value);
  }
}
