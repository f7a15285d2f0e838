/**
 * The bulk statements of an import (src/server/platform/db/bulk-sql.ts), on the store the run
 * is for: rows over several chunks (SQLite 900 / 2,000 per statement, PostgreSQL 5,000),
 * upserts, lookups that keep only the asked period, and — on PostgreSQL — statistics after a
 * bulk load.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import { insertRows, selectWhereIn } from '../../../src/server/platform/db/bulk-sql.js';
import { openDatabase, type Database } from '../../../src/server/platform/db/database.js';
import { childrenOf, createTestFacility, createTestReport, villageOf } from '../../support/builders/index.js';
import { createTestContext, STORE, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let clinics: Facility[];
/** A second connection to the context's store, for the helpers (which take a Kysely handle, as repositories do). */
let database: Database;
let db: Database['db'];

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  database = openDatabase({ dataDir: ctx.config.dataDir, databaseUrl: ctx.config.databaseUrl });
  db = database.db;
  const townships = await childrenOf(ctx, '530124');
  clinics = [];
  for (let i = 0; i < 3; i++) clinics.push(await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, townships[i]) }));
}, 120_000);
afterAll(async () => {
  await database?.close();
  await ctx?.dispose();
});

const STATE = [{ name: 'key', pg: 'text' as const }, { name: 'value', pg: 'text' as const }];
const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);

describe('bulk statements', () => {
  it('inserts 12,001 rows (several statements on either store) and finds every one of them by key', async () => {
    const all = keys('bulk-a-', 12_001);
    await insertRows(db, 'app_state', STATE, all.map((k, i) => [k, `v${i}`]));
    const rows = await selectWhereIn<{ key: string; value: string }>(db, 'app_state', ['key', 'value'], null, 'key', all);
    expect(rows).toHaveLength(12_001);
    expect(new Map(rows.map((r) => [r.key, r.value])).get('bulk-a-12000')).toBe('v12000');
  });

  it('an upsert replaces the rows whose key exists and inserts the others', async () => {
    await insertRows(db, 'app_state', STATE, [['bulk-b-1', 'old']]);
    await insertRows(db, 'app_state', STATE, [['bulk-b-1', 'new'], ['bulk-b-2', 'added']], { keys: ['key'], update: ['value'] });
    const rows = await selectWhereIn<{ key: string; value: string }>(db, 'app_state', ['key', 'value'], null, 'key', ['bulk-b-1', 'bulk-b-2', 'bulk-b-3']);
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({ 'bulk-b-1': 'new', 'bulk-b-2': 'added' });
  });

  it('a lookup with fixed values keeps only the rows that have them', async () => {
    await insertRows(db, 'app_state', STATE, [['bulk-c-1', 'x'], ['bulk-c-2', 'y']]);
    const rows = await selectWhereIn<{ key: string }>(db, 'app_state', ['key'], { value: 'y' }, 'key', ['bulk-c-1', 'bulk-c-2']);
    expect(rows.map((r) => r.key)).toEqual(['bulk-c-2']);
  });

  it('reports.getMany and valuesMany answer the asked period only, for the asked facilities only', async () => {
    const [a, b, c] = clinics;
    await createTestReport(ctx, { facility: a, period: '2023', values: { visits: 23 } });
    await createTestReport(ctx, { facility: a, period: '2024', values: { visits: 24 } });
    await createTestReport(ctx, { facility: b, period: '2023', values: { visits: 33 } });
    await createTestReport(ctx, { facility: c, period: '2024', values: { visits: 44 } });
    const reports = await ctx.store.repos.reports.getMany('GTCM_ANNUAL', '2024', [a.code, b.code]);
    expect([...reports.keys()]).toEqual([a.code]);
    expect(reports.get(a.code)).toMatchObject({ period: '2024', values: { visits: 24 } });
    const values = await ctx.store.repos.reports.valuesMany('GTCM_ANNUAL', '2023', [a.code, b.code, c.code]);
    expect(Object.fromEntries(values)).toEqual({ [a.code]: { visits: 23 }, [b.code]: { visits: 33 } });
  });

  it('facilities.briefs answers what a check needs, and nothing for an unknown code', async () => {
    const briefs = await ctx.store.repos.facilities.briefs([clinics[0].code, 'NO-SUCH-CODE']);
    expect([...briefs.values()]).toEqual([{ code: clinics[0].code, type: 'VC', divisionCode: clinics[0].divisionCode, opened: clinics[0].opened, closed: clinics[0].closed }]);
  });
});

describe.skipIf(STORE !== 'postgres')('statistics after a bulk load (PostgreSQL)', () => {
  it('init leaves the facility and report tables analysed, so the first lookups are planned by their statistics', async () => {
    const url = new URL(ctx.config.databaseUrl!);
    const schema = url.searchParams.get('options')?.match(/search_path=(\w+)/)?.[1];
    const c = new pg.Client({ connectionString: ctx.config.databaseUrl! });
    await c.connect();
    try {
      const r = await c.query(`select relname, last_analyze from pg_stat_user_tables where schemaname = $1 and relname in ('facility', 'report')`, [schema]);
      expect(r.rows.map((x) => x.relname).sort()).toEqual(['facility', 'report']);
      for (const row of r.rows) expect(row.last_analyze).not.toBeNull();
    } finally {
      await c.end();
    }
  });
});
