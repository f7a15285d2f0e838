/**
 * The engine's incremental catch-up against a full rebuild: after `engine.start(0)` (no polling
 * timer) each change made through the services or repositories — a new facility and report, a
 * report updated, deleted, deleted and written again, a facility closed and moved, reports
 * approved — must be visible after `engine.sync()` exactly as the change implies, and the values
 * of every indicator at county and township level must equal those after `engine.rebuild()`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import { NATION_AREA } from '../../../src/domain/scope.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/server/platform/access/actor.js';
import type { IndicatorRow } from '../../../src/server/modules/indicators/analytics.service.js';
import { aligned, countsOf, reference, snapshot } from '../../support/analytics-reference.js';
import { childrenOf, createTestFacility, createTestReport, villageOf } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const PERIODS = ['2023', '2024'];
const DS = 'GTCM_ANNUAL';
const FUMIN: Actor = { username: 'fumin-test', role: 'AREA_ADMIN', scope: { kind: 'division', level: 3, code: '530124' } };
let ctx: TestContext;
let facilities: Facility[];

async function all(statuses?: string[]) {
  const county = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: PERIODS, level: 'county', statuses });
  const township = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: PERIODS, level: 'township', statuses });
  return { county, township };
}
/** The rows of one area and indicator for 2024 at the given level. */
async function one(level: 'county' | 'township', area: string, indicator: string, statuses?: string[]): Promise<IndicatorRow | undefined> {
  const rows = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level, statuses, indicators: [indicator] });
  return rows.find((r) => r.areaCode === area);
}
const counts = (r?: IndicatorRow) => (r ? [r.numerator, r.denominator, r.expectedReports, r.reportedReports] : [0, 0, 0, 0]);

/** sync → values; rebuild → values: identical; and both equal the independent reference. */
async function expectSyncedEqualsRebuilt() {
  await ctx.engine.sync();
  const synced = { ...(await all()), approved: await all(['APPROVED']) };
  await ctx.engine.rebuild();
  const rebuilt = { ...(await all()), approved: await all(['APPROVED']) };
  expect(synced).toEqual(rebuilt);
  const snap = await snapshot(ctx, PERIODS);
  const t = aligned(countsOf(synced.township), reference(snap, PERIODS, 4));
  expect(t.actual).toEqual(t.expected);
}

function reportOf(facilityCode: string, values: Record<string, unknown>, status: Report['status'] = 'SUBMITTED', period = '2024'): Report {
  const at = ctx.clock.now().toISOString();
  return {
    dataSet: DS, period, facilityCode, values: values as never, status, approvalLevel: null, submittedAt: at,
    comment: null, returnReason: null, approvedAt: null, approvedBy: null, createdAt: at, updatedAt: at, updatedBy: 'test',
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.engine.start(0);
  facilities = [];
  for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA })) facilities.push(f);
}, 120_000);
afterAll(async () => ctx?.dispose());

/**
 * A new open VC in a village of 富民县 with a submitted 2024 report meeting `provides_tcm`,
 * caught up by the engine — the subject of a change; the demo around it is the background.
 */
let vcs = 0;
async function vcWithService(): Promise<{ f: Facility; r: Report }> {
  const townships = await childrenOf(ctx, '530124');
  const f = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, townships[vcs++ % townships.length]) });
  const r = await createTestReport(ctx, { facility: f, period: '2024', values: { provides_tcm: true, visits: 10, tcm_visits: 5 } });
  await ctx.engine.sync();
  return { f, r };
}

describe('incremental sync equals a full rebuild', () => {
  it('a new facility and its report', async () => {
    const village = await villageOf(ctx, '530124103');
    const before = await one('township', '530124103', 'vc_tcm_service');
    const f = await createTestFacility(ctx, { type: 'VC', divisionCode: village, code: 'INC-VC-NEW' });
    await ctx.engine.sync();
    const [n, d, e, rep] = counts(before);
    expect(counts(await one('township', '530124103', 'vc_tcm_service'))).toEqual([n, d + 1, e + 1, rep]);
    await ctx.store.repos.reports.upsert(reportOf(f.code, { provides_tcm: true, visits: 10, tcm_visits: 5 }));
    await ctx.engine.sync();
    expect(counts(await one('township', '530124103', 'vc_tcm_service'))).toEqual([n + 1, d + 1, e + 1, rep + 1]);
    await expectSyncedEqualsRebuilt();
  });

  it('a report updated', async () => {
    const { f, r } = await vcWithService();
    const before = counts(await one('county', '530124', 'vc_tcm_service'));
    await ctx.store.repos.reports.upsert({ ...r, values: { ...r.values, provides_tcm: false } });
    await ctx.engine.sync();
    expect(counts(await one('county', '530124', 'vc_tcm_service'))).toEqual([before[0] - 1, before[1], before[2], before[3]]);
    await expectSyncedEqualsRebuilt();
  });

  it('a report deleted through the service', async () => {
    const { f } = await vcWithService();
    const before = counts(await one('county', '530124', 'vc_tcm_service'));
    await ctx.services.reports.delete(SYSTEM_ACTOR, DS, '2024', f.code);
    await ctx.engine.sync();
    expect(counts(await one('county', '530124', 'vc_tcm_service'))).toEqual([before[0] - 1, before[1], before[2], before[3] - 1]);
    await expectSyncedEqualsRebuilt();
  });

  it('a report deleted and written again between two syncs', async () => {
    const { f, r } = await vcWithService();
    const before = counts(await one('county', '530124', 'vc_tcm_service'));
    await ctx.services.reports.delete(SYSTEM_ACTOR, DS, '2024', f.code);
    await ctx.store.repos.reports.upsert(r);
    await ctx.engine.sync();
    const got = counts(await one('county', '530124', 'vc_tcm_service'));
    const synced = await all();
    await ctx.engine.rebuild(); // before asserting, so that a failure here does not leak into the next tests
    const rebuilt = await all();
    expect(got).toEqual(before);
    expect(synced).toEqual(rebuilt);
  });

  it('a facility closed through the service', async () => {
    const { f } = await vcWithService();
    const before = counts(await one('county', '530124', 'vc_tcm_service'));
    await ctx.services.facilities.close(SYSTEM_ACTOR, f.code, '2023-12-31');
    await ctx.engine.sync();
    expect(counts(await one('county', '530124', 'vc_tcm_service'))).toEqual([before[0] - 1, before[1] - 1, before[2] - 1, before[3] - 1]);
    await expectSyncedEqualsRebuilt();
  });

  it('a facility moved to another county', async () => {
    const thc = await createTestFacility(ctx, { type: 'THC', divisionCode: (await childrenOf(ctx, '530124'))[0] });
    await createTestReport(ctx, { facility: thc, period: '2024', values: { has_tcm_hall: true, visits: 100, tcm_visits: 20 } });
    await ctx.engine.sync();
    const [from, to] = [counts(await one('county', '530124', 'tcm_hall_coverage')), counts(await one('county', '530102', 'tcm_hall_coverage'))];
    await ctx.services.facilities.update(SYSTEM_ACTOR, thc.code, { divisionCode: '530102001' });
    await ctx.engine.sync();
    const [from2, to2] = [counts(await one('county', '530124', 'tcm_hall_coverage')), counts(await one('county', '530102', 'tcm_hall_coverage'))];
    expect([from2[1], to2[1]]).toEqual([from[1] - 1, to[1] + 1]);
    expect(from2[0] + to2[0]).toBe(from[0] + to[0]);
    await expectSyncedEqualsRebuilt();
  });

  it('a title granted and then withdrawn', async () => {
    const share = async () => counts(await one('county', '530124', 'demonstration_county_share'));
    await ctx.store.repos.titles.upsertMany([{ divisionCode: '530124', title: 'DEMO_COUNTY', granted: 2020, withdrawn: null, source: 'test' }]);
    await ctx.engine.sync();
    expect(await share()).toEqual([1, 1, 1, 1]);
    await ctx.store.repos.titles.upsertMany([{ divisionCode: '530124', title: 'DEMO_COUNTY', granted: 2020, withdrawn: 2024, source: 'test' }]);
    await ctx.engine.sync();
    expect(await share()).toEqual([0, 1, 1, 1]);
    await expectSyncedEqualsRebuilt();
  });

  it('reports approved by the county (one statement, one sequence number)', async () => {
    const chc = await createTestFacility(ctx, { type: 'CHC', divisionCode: (await childrenOf(ctx, '530124'))[1] });
    await createTestReport(ctx, { facility: chc, period: '2024', values: { visits: 200, tcm_visits: 50 } });
    await ctx.engine.sync();
    const before = counts(await one('county', '530124', 'tcm_visit_share', ['APPROVED']));
    const n = await ctx.services.approvals.approveAll(FUMIN, DS, '2024');
    expect(n).toBeGreaterThan(0);
    await ctx.engine.sync();
    const after = counts(await one('county', '530124', 'tcm_visit_share', ['APPROVED']));
    expect(after[3]).toBeGreaterThan(before[3]);
    await expectSyncedEqualsRebuilt();
  });
});

describe('read-your-writes', () => {
  it('a report saved through the service is visible in the next values() call, without sync or rebuild', async () => {
    const f = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102002', code: 'INC-CHC-RYW' });
    await ctx.services.reports.save(SYSTEM_ACTOR, DS, '2024', f.code, { has_tcm_hall: true, elderly_residents: 10, elderly_tcm_managed: 7 });
    const r = await one('township', '530102002', 'tcm_hall_coverage');
    const ref = reference(await snapshot(ctx, ['2024']), ['2024'], 4).get('530102002|2024|tcm_hall_coverage')!;
    expect(counts(r)).toEqual([ref.numerator, ref.denominator, ref.expected, ref.reported]);
  });

  it('a write committed before the call is visible even while an earlier sync is still running', async () => {
    // Plenty of pending changes so that the sync started first is still running during the write.
    const pending = facilities.filter((f) => f.divisionCode.startsWith('530103')).map((f) => reportOf(f.code, { visits: 100, tcm_visits: 1 }, 'SUBMITTED', '2023'));
    await ctx.store.repos.reports.upsertMany(pending);
    const f = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102003', code: 'INC-CHC-RACE' });
    const running = ctx.engine.sync();
    await ctx.store.repos.reports.upsert(reportOf(f.code, { has_tcm_hall: true }));
    const r = await one('township', '530102003', 'tcm_hall_coverage');
    await running;
    const ref = reference(await snapshot(ctx, ['2024']), ['2024'], 4).get('530102003|2024|tcm_hall_coverage')!;
    expect(counts(r)).toEqual([ref.numerator, ref.denominator, ref.expected, ref.reported]);
  });
});
