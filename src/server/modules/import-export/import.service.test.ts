/**
 * The import service on a SQLite store (no HTTP): how each row is classified (inserted,
 * updated, unchanged, rejected), that an empty cell keeps the stored value, that a facility
 * and period twice in one file is refused (E4010), and strict against partial mode. Every test
 * imports into facilities of its own, made with the builders.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../domain/facility.js';
import type { Actor } from '../../platform/access/actor.js';
import type { ImportMode } from './import.service.js';
import { childrenOf, createTestActor, createTestFacility, createTestReport, PANLONG, WUHUA } from '../../../../test/support/builders/index.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-context.js';

let ctx: TestContext;
let county: Actor;
let township: string;

const HEADER = ['org_code', 'period', 'physicians', 'visits'];
const csv = (rows: (string | number)[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\n') + '\n';
const run = (rows: (string | number)[][], opts: { mode?: ImportMode; dryRun?: boolean } = {}) =>
  ctx.services.imports.importTable(county, Readable.from([csv(rows)]), { format: 'csv', mode: opts.mode ?? 'strict', dryRun: opts.dryRun });
const stored = (f: Facility) => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: f.code });
const chc = () => createTestFacility(ctx, { type: 'CHC', divisionCode: township });
const importAudit = async (f: Facility) =>
  (await ctx.store.repos.audit.list({ entity: 'report', entityKey: `GTCM_ANNUAL/2024/${f.code}` }, { offset: 0, limit: 10 })).items.filter((e) => e.action === 'import');

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, store: 'sqlite' });
  township = (await childrenOf(ctx, WUHUA))[0];
  county = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
});

afterAll(async () => ctx?.dispose());

describe('row classification', () => {
  it('accounts for every row: one inserted, one updated, one unchanged, one rejected', async () => {
    const [fresh, changed, same] = [await chc(), await chc(), await chc()];
    await createTestReport(ctx, { facility: changed, period: '2024', values: { physicians: 5, visits: 100 } });
    await createTestReport(ctx, { facility: same, period: '2024', values: { physicians: 5, visits: 100 } });
    const s = await run([[fresh.code, 2024, 3, 50], [changed.code, 2024, 6, 100], [same.code, 2024, 5, 100], ['NO-SUCH-FAC', 2024, 1, 1]], { mode: 'partial' });
    expect(s).toMatchObject({ rows: 4, inserted: 1, updated: 1, unchanged: 1, rejected: 1, stored: true });
  });

  it('a row for a facility without a report inserts a submitted report with its values', async () => {
    const f = await chc();
    expect(await run([[f.code, 2024, 3, 50]])).toMatchObject({ inserted: 1, rejected: 0, stored: true });
    expect(await stored(f)).toMatchObject({ status: 'SUBMITTED', values: { physicians: 3, visits: 50 }, updatedBy: county.username, submittedAt: ctx.clock.now().toISOString() });
  });

  it('a row that changes a stored value updates the report', async () => {
    const f = await chc();
    await createTestReport(ctx, { facility: f, period: '2024', values: { physicians: 5, visits: 100 } });
    expect(await run([[f.code, 2024, 6, 100]])).toMatchObject({ updated: 1, inserted: 0, unchanged: 0 });
    expect((await stored(f))!.values).toEqual({ physicians: 6, visits: 100 });
  });

  it('a row equal to the stored values is unchanged: the report is not rewritten and nothing is audited', async () => {
    const f = await chc();
    const before = await createTestReport(ctx, { facility: f, period: '2024', values: { physicians: 5, visits: 100 } });
    ctx.clock.advanceMinutes(5);
    expect(await run([[f.code, 2024, 5, 100]])).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await stored(f)).toEqual(before);
    expect(await importAudit(f)).toEqual([]);
  });

  it('a row of empty cells for a facility without a report (a blank template row) stores nothing and is counted as skipped, not unchanged', async () => {
    const f = await chc();
    expect(await run([[f.code, 2024, '', '']])).toMatchObject({ skipped: 1, unchanged: 0, inserted: 0 });
    expect(await stored(f)).toBeNull();
  });

  it('an imported change is audited as an import with the values before and after', async () => {
    const f = await chc();
    await createTestReport(ctx, { facility: f, period: '2024', values: { physicians: 5, visits: 100 } });
    await run([[f.code, 2024, 7, 100]]);
    expect(await importAudit(f)).toEqual([expect.objectContaining({ actor: county.username, before: { physicians: 5, visits: 100 }, after: { physicians: 7, visits: 100 } })]);
  });
});

describe('empty cells', () => {
  it('an empty cell keeps the stored value; the filled one replaces its own', async () => {
    const f = await chc();
    await createTestReport(ctx, { facility: f, period: '2024', values: { physicians: 5, visits: 100 } });
    expect(await run([[f.code, 2024, '', 120]])).toMatchObject({ updated: 1 });
    expect((await stored(f))!.values).toEqual({ physicians: 5, visits: 120 });
  });

  it('a cell of spaces counts as empty', async () => {
    const f = await chc();
    await createTestReport(ctx, { facility: f, period: '2024', values: { physicians: 5, visits: 100 } });
    expect(await run([[f.code, 2024, '   ', 100]])).toMatchObject({ unchanged: 1 });
    expect((await stored(f))!.values).toEqual({ physicians: 5, visits: 100 });
  });
});

describe('rejected rows', () => {
  it('the same facility and period twice: the second row is rejected with E4010 at its row and org_code', async () => {
    const f = await chc();
    const s = await run([[f.code, 2024, 3, 50], [f.code, 2024, 4, 50]], { mode: 'partial' });
    expect(s).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect(s.errors).toEqual([expect.objectContaining({ row: 3, column: 'org_code', code: 'E4010' })]);
    expect((await stored(f))!.values).toEqual({ physicians: 3, visits: 50 });
  });

  it('an unknown facility is rejected with E4001', async () => {
    const s = await run([['NO-SUCH-FAC', 2024, 1, 1]]);
    expect(s.errors).toEqual([expect.objectContaining({ row: 2, column: 'org_code', code: 'E4001' })]);
  });

  it('a facility outside the caller’s scope is rejected with E4002 and its report stays', async () => {
    const outside = await createTestFacility(ctx, { type: 'CHC', divisionCode: (await childrenOf(ctx, PANLONG))[0] });
    const before = await createTestReport(ctx, { facility: outside, period: '2024' });
    const s = await run([[outside.code, 2024, 9, 9]], { mode: 'partial' });
    expect(s.errors).toEqual([expect.objectContaining({ row: 2, column: 'org_code', code: 'E4002' })]);
    expect(await stored(outside)).toEqual(before);
  });

  it('a change to a report approved at the caller’s level is rejected with E4011', async () => {
    const f = await chc();
    const before = await createTestReport(ctx, { facility: f, period: '2024', status: 'APPROVED', approvalLevel: 3 });
    const s = await run([[f.code, 2024, 9, 100]], { mode: 'partial' });
    expect(s.errors).toEqual([expect.objectContaining({ row: 2, code: 'E4011' })]);
    expect(await stored(f)).toEqual(before);
  });
});

describe('strict and partial', () => {
  it('strict: one rejected row and nothing of the file is stored', async () => {
    const [a, b] = [await chc(), await chc()];
    const s = await run([[a.code, 2024, 3, 50], [b.code, 2024, 'x', 50]], { mode: 'strict' });
    expect(s).toMatchObject({ rows: 2, rejected: 1, inserted: 0, stored: false });
    expect(s.errors).toEqual([expect.objectContaining({ row: 3, column: 'physicians' })]);
    expect(await stored(a)).toBeNull();
    expect(await stored(b)).toBeNull();
  });

  it('partial: the valid rows are stored, the rejected one listed', async () => {
    const [a, b] = [await chc(), await chc()];
    const s = await run([[a.code, 2024, 3, 50], [b.code, 2024, 'x', 50]], { mode: 'partial' });
    expect(s).toMatchObject({ rows: 2, rejected: 1, inserted: 1, stored: true });
    expect(s.errors).toEqual([expect.objectContaining({ row: 3, column: 'physicians' })]);
    expect((await stored(a))!.values).toEqual({ physicians: 3, visits: 50 });
    expect(await stored(b)).toBeNull();
  });

  it('a dry run counts what would happen and stores nothing', async () => {
    const f = await chc();
    expect(await run([[f.code, 2024, 3, 50]], { dryRun: true })).toMatchObject({ inserted: 1, stored: false });
    expect(await stored(f)).toBeNull();
  });
});
