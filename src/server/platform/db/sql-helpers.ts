/** Shared query pieces: ancestor-code columns by level, text search, insert batching. */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './database.js';
import type { DivisionLevel } from '../../../domain/org-unit.js';

export const FACILITY_LEVEL_COLUMN = {
  1: 'province_code',
  2: 'city_code',
  3: 'county_code',
  4: 'township_code',
  5: 'village_code',
} as const satisfies Record<DivisionLevel, string>;

export const DIVISION_LEVEL_COLUMN = {
  1: 'province_code',
  2: 'city_code',
  3: 'county_code',
  4: 'township_code',
} as const;

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
export function chunkSize(columns: number): number {
  return Math.max(1, Math.floor(30000 / columns));
}

export function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Case-insensitive "contains" on one or more text columns, the same on SQLite and PostgreSQL:
 * `%` and `_` in the text are matched literally.
 */
export function containsText(columns: string[], text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const parts = columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`);
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Runs fn in the caller's transaction, or in a new one when there is none: a write that takes
 * change-sequence numbers must commit together with them, or an engine could pass its number
 * before the row is there.
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Reserves n consecutive numbers of the change sequence for the caller's transaction and returns
 * the first. On PostgreSQL they come from a sequence, without a row lock, so writers on every node
 * go on side by side; the reservation stays visible (an advisory lock) until the transaction ends,
 * and the analytics engine does not pass it before then (`changeHorizon`). SQLite has one writer
 * at a time: the counter row serves, and numbers commit in order.
 */
export async function reserveSeq(db: Kysely<DB>, n: number): Promise<number> {
  if (isPostgres(db)) {
    const r = await sql<{ first: string | number }>`select gtcm_reserve_seq(${n}) as first`.execute(db);
    return Number(r.rows[0].first);
  }
  const r = await db
    .updateTable('change_counter')
    .set((eb) => ({ value: eb('value', '+', n) }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(r.value) - n + 1;
}

export function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
