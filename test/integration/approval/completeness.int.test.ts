/**
 * Completeness and timeliness against a hand-computed fixture: a store without demo data, a
 * few facilities in 530124 富民县 (opened after the period, closed before it, closed during it,
 * at the county level) with reports of chosen statuses submitted just before and just after the
 * deadline (2025-03-31, China time) — expected, received, submitted, approved, on time, late and
 * the missing list, exactly; and the area totals against the sum of their children.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../../src/domain/approval.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { DEMO_PASSWORD } from '../../../src/server/platform/init/init.service.js';
import { createTestFacility } from '../../support/builders/index.js';
import { client, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let admin: Client;
let fumin: Client;
let wuhua: Client;
const T = '530124103'; // 罗免镇
const T2 = '530124104'; // 赤鹫镇
let villages: { code: string; name: string }[];

/** Stores a 2024 report directly (test set-up). */
async function report(code: string, status: ReportStatus, submittedAt: string | null, approvalLevel: number | null = null, period = '2024') {
  const at = submittedAt ?? '2025-01-10T00:00:00.000Z';
  await ctx.store.repos.reports.upsert({
    dataSet: 'GTCM_ANNUAL', period, facilityCode: code, values: { physicians: 1 }, status, approvalLevel, submittedAt, comment: null,
    returnReason: status === 'RETURNED' ? '请核实' : null, approvedAt: approvalLevel === null ? null : at, approvedBy: approvalLevel === null ? null : 'test',
    createdAt: at, updatedAt: at, updatedBy: 'test',
  });
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  await ctx.services.init.ensureAdmin(DEMO_PASSWORD);
  app = await buildApp(ctx, { logger: false });
  admin = client(app, await login(app, 'admin'));
  for (const [username, scopeCode] of [['fumin', '530124'], ['wuhua', '530102']])
    expect((await admin.post('/api/users', { username, password: 'County@2024', role: 'AREA_ADMIN', scopeCode })).status).toBe(201);
  fumin = client(app, await login(app, 'fumin', 'County@2024'));
  wuhua = client(app, await login(app, 'wuhua', 'County@2024'));
  villages = (await ctx.store.repos.divisions.children(T)).map((d) => ({ code: d.code, name: d.name }));
  const v = (i: number) => villages[i % villages.length].code;
  const f = (code: string, type: 'THC' | 'VC' | 'CHSS' | 'CHC' | 'COUNTY_TCM_HOSPITAL', divisionCode: string, opened = '2000-01-01', closed: string | null = null) =>
    createTestFacility(ctx, { code, type, divisionCode, opened, closed, name: `完整性${code}` });

  // Township T (罗免镇).
  await f('CP-THC', 'THC', T);
  await report('CP-THC', 'SUBMITTED', '2025-03-31T15:59:59.000Z'); // 23:59:59 on the deadline day, China time: on time
  await f('CP-VC1', 'VC', v(0));
  await report('CP-VC1', 'APPROVED', '2025-02-10T02:00:00.000Z', 3); // on time, approved
  await f('CP-VC2', 'VC', v(1));
  await report('CP-VC2', 'SUBMITTED', '2025-03-31T16:00:00.000Z'); // 00:00 on 1 April, China time: late
  await f('CP-VC3', 'VC', v(2));
  await report('CP-VC3', 'DRAFT', null); // received, not submitted
  await f('CP-VC4', 'VC', v(3));
  await report('CP-VC4', 'RETURNED', '2025-03-01T02:00:00.000Z'); // received, not submitted (returned)
  await f('CP-VC5', 'VC', v(4));
  await report('CP-VC5', 'SUBMITTED', '2024-03-01T02:00:00.000Z', null, '2023'); // only last year's report
  await f('CP-VC6', 'VC', v(5), '2025-02-01'); // opened after the period: not expected
  await f('CP-VC7', 'VC', v(6), '2000-01-01', '2023-12-31'); // closed before the period: not expected
  await f('CP-VC8', 'VC', v(7), '2000-01-01', '2024-06-30'); // closed during the period: expected
  await report('CP-VC8', 'APPROVED', '2025-01-20T02:00:00.000Z', 2);
  await f('CP-CHSS', 'CHSS', v(8), '2024-12-31'); // opened on the period's last day: expected, no report
  // Township T2 (赤鹫镇).
  const v2 = (await ctx.store.repos.divisions.children(T2))[0].code;
  await f('CP2-THC', 'THC', T2);
  await report('CP2-THC', 'SUBMITTED', '2025-03-20T02:00:00.000Z');
  await f('CP2-VC', 'VC', v2);
  // The county hospital, attached to the county itself; and one facility in 530102.
  await f('CP-CTH', 'COUNTY_TCM_HOSPITAL', '530124');
  await report('CP-CTH', 'SUBMITTED', '2025-04-02T02:00:00.000Z'); // late
  await f('CP-W', 'CHC', '530102001');
  await report('CP-W', 'SUBMITTED', '2025-03-02T02:00:00.000Z');
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const counts = (r: any) => ({ expected: r.expected, received: r.received, submitted: r.submitted, approved: r.approved, onTime: r.onTime, late: r.late });
const sum = (rows: any[]) =>
  rows.map(counts).reduce((a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, (a as any)[k] + (b as any)[k]])) as ReturnType<typeof counts>, { expected: 0, received: 0, submitted: 0, approved: 0, onTime: 0, late: 0 });

// By hand. T: expected THC, VC1–VC5, VC8, CHSS = 8; received THC, VC1–VC4, VC8 = 6; submitted THC, VC1, VC2, VC8 = 4;
// approved VC1, VC8 = 2; on time THC, VC1, VC8 = 3; late VC2 = 1. T2: 2 / 1 / 1 / 0 / 1 / 0. County hospital: 1 / 1 / 1 / 0 / 0 / 1.
const TOWNSHIP = { expected: 8, received: 6, submitted: 4, approved: 2, onTime: 3, late: 1 };
const TOWNSHIP2 = { expected: 2, received: 1, submitted: 1, approved: 0, onTime: 1, late: 0 };
const COUNTY = { expected: 11, received: 8, submitted: 6, approved: 2, onTime: 4, late: 2 };

describe('GET /api/completeness', () => {
  it('the township\'s row equals the hand count, with the deadline 2025-03-31', async () => {
    const r = await fumin.get('/api/completeness?period=2024&area=530124');
    expect(r.status).toBe(200);
    expect(r.body.deadline).toBe('2025-03-31');
    const t = r.body.children.find((c: any) => c.code === T);
    expect(t).toMatchObject({ code: T, name: '罗免镇' });
    expect(counts(t)).toEqual(TOWNSHIP);
    expect(counts(r.body.children.find((c: any) => c.code === T2))).toEqual(TOWNSHIP2);
  });

  it('the county\'s own row equals the hand count (the county hospital included); the default area is the user\'s scope', async () => {
    const r = await fumin.get('/api/completeness?period=2024');
    expect(r.body.area).toMatchObject({ code: '530124', name: '富民县' });
    expect(counts(r.body.area)).toEqual(COUNTY);
    // Besides the two townships: the county's own row (its hospital) and townships with nothing expected.
    const other = r.body.children.filter((c: any) => c.code !== T && c.code !== T2 && c.code !== '530124');
    expect(other.length).toBeGreaterThan(0);
    for (const c of other) expect(counts(c)).toEqual({ expected: 0, received: 0, submitted: 0, approved: 0, onTime: 0, late: 0 });
  });

  it('the township asked for as the area gives the same counts', async () => {
    const r = await admin.get(`/api/completeness?period=2024&area=${T}`);
    expect(counts(r.body.area)).toEqual(TOWNSHIP);
  });

  it('the city\'s totals equal the sum of its counties', async () => {
    const r = await admin.get('/api/completeness?period=2024&area=5301');
    expect(counts(r.body.area)).toEqual({ ...COUNTY, expected: 12, received: 9, submitted: 7, onTime: 5 });
    expect(sum(r.body.children)).toEqual(counts(r.body.area));
  });

  it('the county\'s and the township\'s totals equal the sum of their children (facilities attached to the area itself included)', async () => {
    const county = await admin.get('/api/completeness?period=2024&area=530124');
    expect(sum(county.body.children)).toEqual(counts(county.body.area));
    const town = await admin.get(`/api/completeness?period=2024&area=${T}`);
    expect(sum(town.body.children)).toEqual(counts(town.body.area));
  });

  it('another year counts only that year\'s reports', async () => {
    const r = await admin.get(`/api/completeness?period=2023&area=${T}`);
    expect(r.body.deadline).toBe('2024-03-31');
    // Open in 2023: THC, VC1–VC5, VC7 (closed 2023-12-31), VC8; VC6 and the CHSS opened later.
    expect(counts(r.body.area)).toEqual({ expected: 8, received: 1, submitted: 1, approved: 0, onTime: 1, late: 0 });
  });
});

describe('GET /api/completeness/missing', () => {
  it('lists exactly the expected facilities without a submitted report (draft, returned, none), by code', async () => {
    const r = await fumin.get(`/api/completeness/missing?period=2024&area=${T}&pageSize=200`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(4);
    expect(r.body.items.map((i: any) => i.code)).toEqual(['CP-CHSS', 'CP-VC3', 'CP-VC4', 'CP-VC5']);
    expect(r.body.items[1]).toEqual({ code: 'CP-VC3', name: '完整性CP-VC3', type: 'VC', divisionCode: villages[2].code, divisionName: villages[2].name });
  });

  it('for the county adds the other township\'s clinic; pages through them', async () => {
    const all = await fumin.get('/api/completeness/missing?period=2024&pageSize=200');
    expect(all.body.items.map((i: any) => i.code)).toEqual(['CP-CHSS', 'CP-VC3', 'CP-VC4', 'CP-VC5', 'CP2-VC']);
    const p3 = await fumin.get('/api/completeness/missing?period=2024&page=3&pageSize=2');
    expect(p3.body).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(p3.body.items.map((i: any) => i.code)).toEqual(['CP2-VC']);
  });

  it('another county is 403 for both, and a malformed period is 400 E1002', async () => {
    expect((await wuhua.get('/api/completeness?period=2024&area=530124')).status).toBe(403);
    expect((await wuhua.get('/api/completeness/missing?period=2024&area=530124')).status).toBe(403);
    expect((await fumin.get('/api/completeness?period=2024Q1')).body.error.code).toBe('E1002');
  });
});
