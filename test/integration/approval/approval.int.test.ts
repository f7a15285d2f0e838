/**
 * The approval state machine over HTTP: submitted → county (3) → city (2) → province (1) →
 * nation (0); each level only when the report waits for it (E5101); an approval locks edits
 * from that level and below (E5102); a higher level returns with a reason (E5103) and the
 * county may edit again; approve-all stays in the caller's county; every step is audited; and
 * wuhua (530102) can do none of it for 530103.
 *
 * Each test makes its own facilities and reports with the builders, in the state it starts
 * from, so the tests run in any order; the approve-all tests, which act on a whole county, each
 * use a period of their own. The store holds no demo: the users are made here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../../src/domain/approval.js';
import type { Facility } from '../../../src/domain/facility.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import type { App } from '../../../src/server/platform/app.js';
import { completeValues, createTestFacility, createTestReport, createTestUser, createTestUserSession, FUMIN, PANLONG, testApp, villageOf, WUHUA } from '../../support/builders/index.js';
import { client, login, type Client, type Session, expectError } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let admin: Client;
let nation: Client;
let yunnan: Client;
let kunming: Client;
let wuhua: Client;
let wuhuaS: Session;

const url = (code: string, period = '2024') => `/api/reports/GTCM_ANNUAL/${period}/${code}`;
const stored = (code: string, period = '2024') => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });
const approve = (c: Client, ...codes: string[]) => c.post('/api/approvals/approve', { period: '2024', facilityCodes: codes });
const giveBack = (c: Client, reason: string, ...codes: string[]) => c.post('/api/approvals/return', { period: '2024', facilityCodes: codes, reason });

async function countyReports(county: string, period = '2024'): Promise<Report[]> {
  const out: Report[] = [];
  for await (const r of ctx.store.repos.reports.iterate({ dataSet: 'GTCM_ANNUAL', period }, { area: { level: 3, code: county } })) out.push(r);
  return out;
}

/** A new CHC in a township of the county (五华区 by default). */
const TOWNSHIP: Record<string, string> = { [WUHUA]: '530102006', [PANLONG]: '530103003', [FUMIN]: '530124103' };
const chc = (county = WUHUA): Promise<Facility> => createTestFacility(ctx, { type: 'CHC', divisionCode: TOWNSHIP[county], opened: '2010-01-01' });

/** A new CHC of the county with a report in this state. */
async function reportOf(state: { status: ReportStatus; approvalLevel?: number; values?: Record<string, unknown>; returnReason?: string; county?: string; period?: string; by?: string }): Promise<Report> {
  const { county, period = '2024', values = { physicians: 5, visits: 100 }, ...rest } = state;
  return createTestReport(ctx, { facility: await chc(county), period, values, ...rest });
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await testApp(ctx);
  const session = async (username: string, role: 'SYSTEM_ADMIN' | 'AREA_ADMIN', scopeCode: string) => {
    const u = await createTestUser(ctx, { username, role, scopeCode });
    return login(app, u.username, u.password);
  };
  admin = client(app, await session('admin', 'SYSTEM_ADMIN', 'CN'));
  nation = client(app, await session('nation', 'AREA_ADMIN', 'CN'));
  yunnan = client(app, await session('yunnan', 'AREA_ADMIN', '53'));
  wuhuaS = await session('wuhua', 'AREA_ADMIN', WUHUA);
  wuhua = client(app, wuhuaS);
  const made = await admin.post('/api/users', { username: 'kunming', password: 'Dianchi#Lake-2024', role: 'AREA_ADMIN', scopeCode: '5301' });
  expect(made.status).toBe(201);
  kunming = client(app, await login(app, 'kunming', 'Dianchi#Lake-2024'));
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('up the hierarchy', () => {
  it('a submitted report appears in the county\'s work list, approvable by the county only', async () => {
    const { code } = await chc();
    expect((await wuhua.post(`${url(code)}/submit`, { values: completeValues(ctx, 'CHC', { physicians: 5, visits: 100 }) })).status).toBe(200);
    const mine = await wuhua.get('/api/approvals?period=2024&area=530102&status=SUBMITTED&pageSize=200');
    expect(mine.body.items.find((i: any) => i.facilityCode === code)).toMatchObject({ status: 'SUBMITTED', approvalLevel: null, canApprove: true, canReturn: true });
    const prov = await yunnan.get('/api/approvals?period=2024&area=530102&status=SUBMITTED&pageSize=200');
    expect(prov.body.items.find((i: any) => i.facilityCode === code)).toMatchObject({ canApprove: false });
  });

  it('the province and the city cannot approve before the county: 409 E5101, nothing changes', async () => {
    const { facilityCode: A } = await reportOf({ status: 'SUBMITTED' });
    const before = await stored(A);
    expectError(await approve(yunnan, A), 409, 'E5101');
    expectError(await approve(kunming, A), 409, 'E5101');
    expect(await stored(A)).toEqual(before);
  });

  it('the county approves (level 3); then the province still waits for the city (E5101)', async () => {
    const { facilityCode: A } = await reportOf({ status: 'SUBMITTED' });
    ctx.clock.advanceMinutes(1);
    expect((await approve(wuhua, A)).body).toEqual({ approved: 1 });
    expect(await stored(A)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, approvedBy: 'wuhua', approvedAt: ctx.clock.now().toISOString() });
    expectError(await approve(yunnan, A), 409, 'E5101');
    expectError(await approve(wuhua, A), 409, 'E5101');
    expect((await stored(A))!.approvalLevel).toBe(3);
  });

  it('the county\'s approval locks the report for the county (PUT 409 E5102, GET locked); the province may still correct it', async () => {
    const { facilityCode: A } = await reportOf({ status: 'APPROVED', approvalLevel: 3, by: 'wuhua' });
    const before = await stored(A);
    expectError(await wuhua.put(url(A), { values: completeValues(ctx, 'CHC', { physicians: 6, visits: 100 }) }), 409, 'E5102');
    expect(await stored(A)).toEqual(before);
    const view = await wuhua.get(url(A));
    expect(view.body).toMatchObject({ locked: true, lockedReason: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const fix = await yunnan.put(url(A), { values: completeValues(ctx, 'CHC', { physicians: 6, visits: 100 }) });
    expect(fix.status).toBe(200);
    expect(await stored(A)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, values: { physicians: 6, visits: 100 } });
  });

  it('the city (a new 5301 admin) approves at 2, the province at 1, the nation accepts at 0', async () => {
    const { facilityCode: A } = await reportOf({ status: 'APPROVED', approvalLevel: 3, by: 'wuhua', values: { physicians: 6, visits: 100 } });
    expect((await approve(kunming, A)).body).toEqual({ approved: 1 });
    expect(await stored(A)).toMatchObject({ status: 'APPROVED', approvalLevel: 2, approvedBy: 'kunming' });
    expectError(await giveBack(wuhua, '县级要求退回', A), 409, 'E5104'); // below the approving level
    expect((await approve(yunnan, A)).body).toEqual({ approved: 1 });
    expectError(await yunnan.put(url(A), { values: { physicians: 7 } }), 409, 'E5102');
    expect((await approve(nation, A)).body).toEqual({ approved: 1 });
    expect(await stored(A)).toMatchObject({ status: 'APPROVED', approvalLevel: 0, approvedBy: 'nation', values: { physicians: 6, visits: 100 } });
    expectError(await approve(nation, A), 409, 'E5101');
  });

  it('returning needs a reason (400 E5103); with one the report is RETURNED with returnReason', async () => {
    const { facilityCode: A } = await reportOf({ status: 'APPROVED', approvalLevel: 0, by: 'nation', values: { physicians: 6, visits: 100 } });
    const before = await stored(A);
    expectError(await giveBack(nation, '', A), 400, 'E5103');
    expectError(await giveBack(nation, '   ', A), 400, 'E5103');
    expect(await stored(A)).toEqual(before);
    expect((await giveBack(nation, '医师数与上年差异过大，请核实', A)).body).toEqual({ returned: 1 });
    expect(await stored(A)).toMatchObject({ status: 'RETURNED', approvalLevel: null, returnReason: '医师数与上年差异过大，请核实' });
  });

  it('a returned report is editable again by the county, shows its returnReason, and can be resubmitted', async () => {
    const { facilityCode: A } = await reportOf({ status: 'RETURNED', returnReason: '医师数与上年差异过大，请核实', by: 'nation', values: { physicians: 6, visits: 100 } });
    const view = await wuhua.get(url(A));
    expect(view.body).toMatchObject({ locked: false, report: { status: 'RETURNED', returnReason: '医师数与上年差异过大，请核实' } });
    const put = await wuhua.put(url(A), { values: completeValues(ctx, 'CHC', { physicians: 5, visits: 100 }) });
    expect(put.status).toBe(200);
    expect(put.body.report).toMatchObject({ status: 'DRAFT', returnReason: '医师数与上年差异过大，请核实' });
    const sub = await wuhua.post(`${url(A)}/submit`, {});
    expect(sub.status).toBe(200);
    expect(await stored(A)).toMatchObject({ status: 'SUBMITTED', returnReason: null, values: { physicians: 5, visits: 100 } });
  });

  it('every step is in the audit log, in order, with who did it', async () => {
    const { code: A } = await chc();
    // The whole way up and back, each step through the API as its level does it.
    const steps: [Client, 'post' | 'put', string, unknown][] = [
      [wuhua, 'post', `${url(A)}/submit`, { values: completeValues(ctx, 'CHC', { physicians: 5, visits: 100 }) }],
      [wuhua, 'post', '/api/approvals/approve', { period: '2024', facilityCodes: [A] }],
      [yunnan, 'put', url(A), { values: completeValues(ctx, 'CHC', { physicians: 6, visits: 100 }) }],
      [kunming, 'post', '/api/approvals/approve', { period: '2024', facilityCodes: [A] }],
      [yunnan, 'post', '/api/approvals/approve', { period: '2024', facilityCodes: [A] }],
      [nation, 'post', '/api/approvals/approve', { period: '2024', facilityCodes: [A] }],
      [nation, 'post', '/api/approvals/return', { period: '2024', facilityCodes: [A], reason: '医师数与上年差异过大，请核实' }],
      [wuhua, 'put', url(A), { values: completeValues(ctx, 'CHC', { physicians: 5, visits: 100 }) }],
      [wuhua, 'post', `${url(A)}/submit`, {}],
    ];
    for (const [c, method, path, body] of steps) expect((await c[method](path, body)).status).toBe(200);
    const r = await admin.get(`/api/audit?entity=report&key=${encodeURIComponent(`GTCM_ANNUAL/2024/${A}`)}&pageSize=200`);
    const trail = (r.body.items as any[]).reverse().map((e) => `${e.action}:${e.actor}`);
    expect(trail).toEqual(['submit:wuhua', 'approve:wuhua', 'update:yunnan', 'approve:kunming', 'approve:yunnan', 'approve:nation', 'return:nation', 'update:wuhua', 'submit:wuhua']);
    const approvals = (r.body.items as any[]).filter((e) => e.action === 'approve').map((e) => e.after.approvalLevel);
    expect(approvals.sort()).toEqual([0, 1, 2, 3]);
    expect((r.body.items as any[]).find((e) => e.action === 'return').after).toMatchObject({ status: 'RETURNED', reason: '医师数与上年差异过大，请核实' });
  });
});

describe('approving several and approve-all', () => {
  it('approve is all-or-nothing: a draft among the codes → 409 E5101 and the submitted one stays submitted', async () => {
    const [submitted, draft] = [(await chc()).code, (await chc()).code];
    expect((await wuhua.post(`${url(submitted)}/submit`, { values: completeValues(ctx, 'CHC', { physicians: 3 }) })).status).toBe(200);
    expect((await wuhua.put(url(draft), { values: { physicians: 2 } })).status).toBe(200);
    expectError(await approve(wuhua, submitted, draft), 409, 'E5101');
    expect((await stored(submitted))!.status).toBe('SUBMITTED');
    expect((await stored(draft))!.status).toBe('DRAFT');
  });

  it('approve-all approves every submitted report in wuhua\'s county and nothing in any other county', async () => {
    const period = '2021';
    const mine = [await reportOf({ status: 'SUBMITTED', period }), await reportOf({ status: 'SUBMITTED', period })].map((r) => r.facilityCode);
    await reportOf({ status: 'DRAFT', period });
    await reportOf({ status: 'APPROVED', approvalLevel: 3, period });
    for (const county of [PANLONG, FUMIN]) {
      await reportOf({ status: 'SUBMITTED', period, county });
      await reportOf({ status: 'APPROVED', approvalLevel: 3, period, county });
    }
    const own = await countyReports('530102', period);
    const waiting = own.filter((r) => r.status === 'SUBMITTED').map((r) => r.facilityCode);
    expect(waiting).toEqual(expect.arrayContaining(mine));
    expect(waiting.sort()).toEqual(mine.sort());
    const others = [...(await countyReports('530103', period)), ...(await countyReports('530124', period))];
    expect(others.some((r) => r.status === 'SUBMITTED')).toBe(true);
    const r = await wuhua.post('/api/approvals/approve-all', { period });
    expect(r.body).toEqual({ approved: waiting.length });
    const after = await countyReports('530102', period);
    for (const x of after) {
      const was = own.find((o) => o.facilityCode === x.facilityCode)!;
      if (waiting.includes(x.facilityCode)) expect(x).toMatchObject({ status: 'APPROVED', approvalLevel: 3, approvedBy: 'wuhua', values: was.values });
      else expect(x).toEqual(was);
    }
    expect([...(await countyReports('530103', period)), ...(await countyReports('530124', period))]).toEqual(others);
    // One audit record per approved report, each naming its report.
    const log = await admin.get(`/api/audit?entity=report&actor=wuhua&pageSize=${waiting.length}`);
    for (const e of log.body.items) expect(e).toMatchObject({ action: 'approve', after: { status: 'APPROVED', approvalLevel: 3 } });
    expect(log.body.items.map((e: any) => e.entityKey.split('/')[2]).sort()).toEqual([...waiting].sort());
  });

  it('approve-all of 1,200 reports writes one audit record per report, each naming it', async () => {
    const period = '2022';
    const village = await villageOf(ctx, '530102001');
    const at = '2025-02-01T02:00:00.000Z';
    const codes = Array.from({ length: 1200 }, (_, i) => `AP-BULK-${String(i).padStart(4, '0')}`);
    await ctx.store.repos.facilities.insertMany(codes.map((code) => ({ code, name: code, type: 'CHSS' as const, divisionCode: village, ownership: 'PUBLIC' as const, opened: '2000-01-01', closed: null, attributes: {} })), at);
    await ctx.store.repos.reports.insertMany(codes.map((facilityCode) => ({
      dataSet: 'GTCM_ANNUAL', period, facilityCode, values: { physicians: 1 }, status: 'SUBMITTED' as const, approvalLevel: null, submittedAt: at,
      comment: null, returnReason: null, approvedAt: null, approvedBy: null, createdAt: at, updatedAt: at, updatedBy: 'test',
    })));
    const lastId = (await ctx.store.repos.audit.list({}, { offset: 0, limit: 1 })).items[0].id;
    expect((await wuhua.post('/api/approvals/approve-all', { period })).body).toEqual({ approved: 1200 });
    const entries = (await ctx.store.repos.audit.list({ entity: 'report', actor: 'wuhua' }, { offset: 0, limit: 5000 })).items.filter((e) => e.id > lastId && e.action === 'approve');
    // The contract: one record per report, keyed by it, marked as part of a bulk approval.
    expect(entries).toHaveLength(1200);
    for (const e of entries) expect(e.after).toEqual({ status: 'APPROVED', approvalLevel: 3, bulk: true });
    const named = new Set(entries.map((e) => e.entityKey));
    expect(codes.filter((c) => !named.has(`GTCM_ANNUAL/${period}/${c}`))).toEqual([]);
  });

  it('a viewer cannot approve (403 E2101)', async () => {
    const { client: viewer } = await createTestUserSession(ctx, app, { role: 'VIEWER', scopeCode: 'CN' });
    const { facilityCode } = await reportOf({ status: 'SUBMITTED' });
    expectError(await approve(viewer, facilityCode), 403, 'E2101');
    expect((await stored(facilityCode))!.status).toBe('SUBMITTED');
  });
});

describe('wuhua and 530103', () => {
  it('cannot approve, approve-all, return, read completeness or the missing list there (403), nor import (E4002); nothing changes', async () => {
    const submitted = (await reportOf({ status: 'SUBMITTED', county: PANLONG })).facilityCode;
    const approved = (await reportOf({ status: 'APPROVED', approvalLevel: 3, county: PANLONG })).facilityCode;
    const before = await countyReports('530103');
    expectError(await approve(wuhua, submitted), 403, 'E2102');
    expectError(await wuhua.post('/api/approvals/approve-all', { period: '2024', area: '530103' }), 403, 'E2102');
    expectError(await giveBack(wuhua, '越权退回', approved), 403, 'E2102');
    expectError(await wuhua.get('/api/completeness?period=2024&area=530103'), 403, 'E2102');
    expectError(await wuhua.get('/api/completeness/missing?period=2024&area=530103'), 403, 'E2102');
    expectError(await wuhua.get('/api/approvals?period=2024&area=530103'), 403, 'E2102');
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { cookie: wuhuaS.cookie, 'x-csrf-token': wuhuaS.csrf, 'content-type': 'text/csv' }, payload: `org_code,period,physicians\n${submitted},2024,1\n` });
    expect(res.json()).toMatchObject({ rejected: 1, errors: [expect.objectContaining({ code: 'E4002' })] });
    expect(await countyReports('530103')).toEqual(before);
  });
});
