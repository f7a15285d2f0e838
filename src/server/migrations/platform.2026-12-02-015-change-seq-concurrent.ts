/**
 * Writers that do not queue behind one row (PostgreSQL). Until now every write took its change
 * numbers by updating the single `change_counter` row and held that row lock until commit, so
 * numbers committed in order — and every write on every node waited for the one before it (a
 * national import blocked saves everywhere for a minute).
 *
 * Now numbers come from a sequence (no row lock) through `gtcm_reserve_seq(n)`, which also takes a
 * shared transaction-level advisory lock keyed by the first number: it is held until the writer
 * commits or rolls back, and every session sees it in `pg_locks`. `gtcm_change_horizon()` answers
 * the highest number below which every reservation has ended (committed or not): the analytics
 * engine advances its watermark only to it, so a transaction that commits after a later one is
 * never passed over. Both functions hold a session advisory lock on (key, 0) for the few
 * microseconds between the sequence and the lock table, so a reservation is never half-seen.
 * The key is per schema (`hashtext(current_schema())`): stores in other schemas of the database
 * are independent. The second half of the key is the number itself, an int4: the sequence may
 * reach 2^31 − 1 (about two thousand million rows written), far beyond a century of reports.
 *
 * SQLite has one writer at a time; it keeps the counter row.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export const concurrentChangeSeqMigration = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'postgres') return;
    const r = await sql<{ value: string }>`select value from change_counter where id = 1`.execute(db);
    const next = Number(r.rows[0]?.value ?? 0) + 1;
    await sql.raw(`create sequence change_seq minvalue 1 start with ${next}`).execute(db);
    await sql`
      create function gtcm_reserve_seq(n bigint) returns bigint language plpgsql as $$
      declare
        k int := hashtext(current_schema() || ':change_seq');
        first bigint;
      begin
        perform pg_advisory_lock(k, 0);
        begin
          first := nextval('change_seq');
          if n > 1 then perform setval('change_seq', first + n - 1); end if;
          perform pg_advisory_xact_lock_shared(k, first::int);
        exception when query_canceled or others then
          perform pg_advisory_unlock(k, 0);
          raise;
        end;
        perform pg_advisory_unlock(k, 0);
        return first;
      end $$`.execute(db);
    await sql`
      create function gtcm_change_horizon() returns bigint language plpgsql as $$
      declare
        k int := hashtext(current_schema() || ':change_seq');
        handed bigint;
        low bigint;
      begin
        perform pg_advisory_lock(k, 0);
        begin
          select case when is_called then last_value else last_value - 1 end into handed from change_seq;
          select min(objid::bigint) into low from pg_locks
            where locktype = 'advisory' and objsubid = 2 and objid::bigint > 0
              and classid::bigint = (k::bigint & 4294967295)
              and database = (select oid from pg_database where datname = current_database());
        exception when query_canceled or others then
          perform pg_advisory_unlock(k, 0);
          raise;
        end;
        perform pg_advisory_unlock(k, 0);
        return case when low is null then handed else least(handed, low - 1) end;
      end $$`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    if (dialect !== 'postgres') return;
    await sql`update change_counter set value = (select case when is_called then last_value else last_value - 1 end from change_seq) where id = 1`.execute(db);
    await sql`drop function gtcm_change_horizon()`.execute(db);
    await sql`drop function gtcm_reserve_seq(bigint)`.execute(db);
    await sql`drop sequence change_seq`.execute(db);
  },
});
