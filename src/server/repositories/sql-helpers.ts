/** Shared query pieces: ancestor-code columns by level, text search, insert batching. */
import { sql, type RawBuilder } from 'kysely';
import type { DivisionLevel } from '../../domain/org-unit.js';

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
