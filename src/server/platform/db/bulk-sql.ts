/**
 * Bulk statements for the hot paths of an import (thousands of rows per batch), written as SQL
 * text instead of through Kysely's builder: building and compiling a 30,000-value query tree
 * cost as long as storing the rows. Only repositories call these.
 *
 * - SQLite: multi-row `VALUES (?, …), …` and `IN (?, …)`, in chunks below its bound-parameter
 *   limit and of a few sizes only (full chunks, then powers of two), so that the statement cache
 *   (statement-cache.ts) compiles each once and keeps a bounded number of them.
 * - PostgreSQL: one array parameter per column — `select … from unnest($1::text[], …)` and
 *   `= any($1::text[])` — so a statement of 5,000 rows has a dozen parameters, not 75,000, and
 *   its text is the same for every chunk.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from './database.js';
import { chunks, chunkSize, isPostgres } from './sql-helpers.js';

export type PgColumnType = 'text' | 'bigint' | 'integer';

export interface BulkColumn {
  name: string;
  /** The column's type on PostgreSQL, for the cast of its array parameter. */
  pg: PgColumnType;
}

export interface Upsert {
  /** The unique key the conflict is on. */
  keys: string[];
  /** The columns replaced by the new row's on conflict. */
  update: string[];
}

/** Rows per PostgreSQL statement: the arrays of 5,000 rows stay a few megabytes. */
const PG_ROWS = 5000;

const q = (name: string) => `"${name}"`;

/** Inserts rows (each an array in the order of `columns`), or replaces them on a key conflict. */
export async function insertRows(db: Kysely<DB>, table: string, columns: BulkColumn[], rows: unknown[][], upsert?: Upsert): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => q(c.name)).join(', ');
  const conflict = upsert ? ` on conflict (${upsert.keys.map(q).join(', ')}) do update set ${upsert.update.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}` : '';
  if (isPostgres(db)) {
    const arrays = columns.map((c, i) => `$${i + 1}::${c.pg}[]`).join(', ');
    const text = `insert into ${q(table)} (${names}) select * from unnest(${arrays})${conflict}`;
    for (const part of chunks(rows, PG_ROWS))
      await db.executeQuery(CompiledQuery.raw(text, columns.map((_, i) => part.map((r) => r[i]))));
    return;
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const texts = new Map<number, string>();
  for (const part of sizedChunks(rows, chunkSize(columns.length))) {
    let text = texts.get(part.length);
    if (!text) texts.set(part.length, (text = `insert into ${q(table)} (${names}) values ${Array(part.length).fill(tuple).join(', ')}${conflict}`));
    await db.executeQuery(CompiledQuery.raw(text, flatten(part, columns.length)));
  }
}

/** Chunks of `size` rows, then the rest in powers of two (1,234 rows at 1,000: 1,000, 128, 64, 32, 8, 2). */
export function* sizedChunks<T>(rows: T[], size: number): Generator<T[]> {
  let i = 0;
  for (; i + size <= rows.length; i += size) yield rows.slice(i, i + size);
  for (let p = 2 ** Math.floor(Math.log2(size)); p >= 1; p /= 2) if (rows.length - i >= p) yield rows.slice(i, (i += p));
}

/** The rows' values one after the other (Array.prototype.flat is several times slower on 30,000 values). */
function flatten(rows: unknown[][], width: number): unknown[] {
  const out = new Array<unknown>(rows.length * width);
  let i = 0;
  for (const r of rows) for (let c = 0; c < width; c++) out[i++] = r[c];
  return out;
}

/** Values per SQLite `IN (…)` list: below its bound-parameter limit with room for the fixed ones. */
const SQLITE_IN = 1024;

function padded(values: string[]): string[] {
  const n = Math.min(SQLITE_IN, 2 ** Math.ceil(Math.log2(values.length)));
  const out = values.slice();
  while (out.length < n) out.push(values[0]);
  return out;
}

/**
 * The rows of `select <columns> from table where <equal> and <column> in (values)`: `equal`
 * holds fixed column values (`{ data_set: 'GTCM_ANNUAL', period: '2024' }`). Naming only the
 * columns needed matters: every column of every row becomes a JavaScript value.
 *
 * On PostgreSQL the rows are looked up by `column` alone, behind an `offset 0` fence, and
 * `equal` is applied to what that finds. The planner estimates `period = '2025'` from
 * statistics: while a new period is being imported (or before ANALYZE has seen it) it takes it
 * for one row and scans the whole period through the (data_set, period, status) index instead
 * of looking the keys up — 0.4 s a batch, growing with every batch. The fence keeps those
 * conditions out of the lookup's plan, so it takes the index on `column` whatever the
 * statistics say.
 */
export async function selectWhereIn<R>(
  db: Kysely<DB>,
  table: string,
  columns: '*' | string[],
  equal: Record<string, string | number> | null,
  column: string,
  values: string[],
): Promise<R[]> {
  if (values.length === 0) return [];
  const fixed = Object.entries(equal ?? {});
  const out: R[] = [];
  if (isPostgres(db)) {
    const conditions = fixed.map(([c], i) => ` and ${q(c)} = $${i + 2}`).join('');
    const text = `select ${columns === '*' ? '*' : columns.map(q).join(', ')} from (select * from ${q(table)} where ${q(column)} = any($1::text[]) offset 0) t where true${conditions}`;
    for (const part of chunks(values, PG_ROWS)) {
      const r = await db.executeQuery<R>(CompiledQuery.raw(text, [part, ...fixed.map(([, v]) => v)]));
      for (const row of r.rows) out.push(row);
    }
    return out;
  }
  const conditions = fixed.map(([c]) => `${q(c)} = ? and `).join('');
  for (const chunk of chunks(values, SQLITE_IN)) {
    // Padded to a power of two (repeating a value changes nothing in an IN list): few texts.
    const part = padded(chunk);
    const text = `select ${columns === '*' ? '*' : columns.map(q).join(', ')} from ${q(table)} where ${conditions}${q(column)} in (${Array(part.length).fill('?').join(', ')})`;
    const r = await db.executeQuery<R>(CompiledQuery.raw(text, [...fixed.map(([, v]) => v), ...part]));
    for (const row of r.rows) out.push(row);
  }
  return out;
}

/**
 * Fresh statistics after a bulk load on PostgreSQL: without them (a table just loaded) the
 * planner takes half a million reports of a period for a few and scans where it should look up.
 * SQLite plans by its indexes without statistics.
 */
export async function analyzeAfterBulkLoad(db: Kysely<DB>, tables: string[]): Promise<void> {
  if (!isPostgres(db)) return;
  await db.executeQuery(CompiledQuery.raw(`analyze ${tables.map(q).join(', ')}`));
}
