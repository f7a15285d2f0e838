/**
 * The approval state machine: submitted → county (3) → city (2) → province (1) → nation (0);
 * each level only when the report waits for it (E5101); an approval locks edits from that level
 * and below (E5102); a higher level returns with a reason (E5103) and the county may edit again;
 * approve-all stays in the caller's county; every step is audited; and wuhua (530102) can do
 * none of it for 530103.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { createTestFacility } from '../../support/builders/index.js';
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
const A = 'AP-1';
const url = (code: string) => `/api/reports/GTCM_ANNUAL/2024/${code}`;
const stored = (code: string) => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: code });
const approve = (c: Client, ...codes: string[]) => c.post('/api/approvals/approve', { period: '2024', facilityCodes: codes });
const giveBack = (c: Client, reason: string, ...codes: string[]) => c.post('/api/approvals/return', { period: '2024', facilityCodes: codes, reason });

async function countyReports(county: string): Promise<Report[]> {
  const out: Report[] = [];
  for await (const r of ctx.store.repos.reports.iterate({ dataSet: 'GTCM_ANNUAL', period: '2024' }, { area: { level: 3, code: county } })) out.push(r);
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  admin = client(app, await login(app, 'admin'));
  nation = client(app, await login(app, 'nation'));
  yunnan = client(app, await login(app, 'yunnan'));
  wuhuaS = await login(app, 'wuhua');
  wuhua = client(app, wuhuaS);
  const made = await admin.post('/api/users', { username: 'kunming', password: 'Dianchi#Lake-2024', role: 'AREA_ADMIN', scopeCode: '5301' });
  expect(made.status).toBe(201);
  kunming = client(app, await login(app, 'kunming', 'Dianchi#Lake-2024'));
  for (const [code, town] of [[A, '530102006'], ['AP-2', '530102007'], ['AP-3', '530102008']]) await createTestFacility(ctx, { type: 'CHC', divisionCode: town, code, opened: '2010-01-01' });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});


describe('up the hierarchy', () => {
  it('a submitted report appears in the county\'s work list, approvable by the county only', async () => {
    expect((await wuhua.post(`${url(A)}/submit`, { values: { physicians: 5, visits: 100 } })).status).toBe(200);
    const mine = await wuhua.get('/api/approvals?period=2024&area=530102&status=SUBMITTED&pageSize=200');
    expect(mine.body.items.find((i: any) => i.facilityCode === A)).toMatchObject({ status: 'SUBMITTED', approvalLevel: null, canApprove: true, canReturn: true });
    const prov = await yunnan.get('/api/approvals?period=2024&area=530102&status=SUBMITTED&pageSize=200');
    expect(prov.body.items.find((i: any) => i.facilityCode === A)).toMatchObject({ canApprove: false });
  });

  it('the province and the city cannot approve before the county: 409 E5101, nothing changes', async () => {
    const before = await stored(A);
    expectError(await approve(yunnan, A), 409, 'E5101');
    expectError(await approve(kunming, A), 409, 'E5101');
    expect(await stored(A)).toEqual(before);
  });

  it('the county approves (level 3); then the province still waits for the city (E5101)', async () => {
    ctx.clock.advanceMinutes(1);
    expect((await approve(wuhua, A)).body).toEqual({ approved: 1 });
    expect(await stored(A)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, approvedBy: 'wuhua', approvedAt: ctx.clock.now().toISOString() });
    expectError(await approve(yunnan, A), 409, 'E5101');
    expectError(await approve(wuhua, A), 409, 'E5101');
    expect((await stored(A))!.approvalLevel).toBe(3);
  });

  it('the county\'s approval locks the report for the county (PUT 409 E5102, GET locked); the province may still correct it', async () => {
    const before = await stored(A);
    expectError(await wuhua.put(url(A), { values: { physicians: 6, visits: 100 } }), 409, 'E5102');
    expect(await stored(A)).toEqual(before);
    const view = await wuhua.get(url(A));
    expect(view.body).toMatchObject({ locked: true, lockedReason: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const fix = await yunnan.put(url(A), { values: { physicians: 6, visits: 100 } });
    expect(fix.status).toBe(200);
    expect(await stored(A)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, values: { physicians: 6, visits: 100 } });
  });

  it('the city (a new 5301 admin) approves at 2, the province at 1, the nation accepts at 0', async () => {
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
    const before = await stored(A);
    expectError(await giveBack(nation, '', A), 400, 'E5103');
    expectError(await giveBack(nation, '   ', A), 400, 'E5103');
    expect(await stored(A)).toEqual(before);
    expect((await giveBack(nation, '医师数与上年差异过大，请核实', A)).body).toEqual({ returned: 1 });
    expect(await stored(A)).toMatchObject({ status: 'RETURNED', approvalLevel: null, returnReason: '医师数与上年差异过大，请核实' });
  });

  it('a returned report is editable again by the county, shows its returnReason, and can be resubmitted', async () => {
    const view = await wuhua.get(url(A));
    expect(view.body).toMatchObject({ locked: false, report: { status: 'RETURNED', returnReason: '医师数与上年差异过大，请核实' } });
    const put = await wuhua.put(url(A), { values: { physicians: 5, visits: 100 } });
    expect(put.status).toBe(200);
    expect(put.body.report).toMatchObject({ status: 'DRAFT', returnReason: '医师数与上年差异过大，请核实' });
    const sub = await wuhua.post(`${url(A)}/submit`, {});
    expect(sub.status).toBe(200);
    expect(await stored(A)).toMatchObject({ status: 'SUBMITTED', returnReason: null, values: { physicians: 5, visits: 100 } });
  });

  it('every step is in the audit log, in order, with who did it', async () => {
    const r = await admin.get(`/api/audit?entity=report&key=${encodeURIComponent(`GTCM_ANNUAL/2024/${A}`)}&pageSize=200`);
    const steps = (r.body.items as any[]).reverse().map((e) => `${e.action}:${e.actor}`);
    expect(steps).toEqual(['submit:wuhua', 'approve:wuhua', 'update:yunnan', 'approve:kunming', 'approve:yunnan', 'approve:nation', 'return:nation', 'update:wuhua', 'submit:wuhua']);
    const approvals = (r.body.items as any[]).filter((e) => e.action === 'approve').map((e) => e.after.approvalLevel);
    expect(approvals.sort()).toEqual([0, 1, 2, 3]);
    expect((r.body.items as any[]).find((e) => e.action === 'return').after).toMatchObject({ status: 'RETURNED', reason: '医师数与上年差异过大，请核实' });
  });
});

describe('approving several and approve-all', () => {
  it('approve is all-or-nothing: a draft among the codes → 409 E5101 and the submitted one stays submitted', async () => {
    expect((await wuhua.post(`${url('AP-3')}/submit`, { values: { physicians: 3 } })).status).toBe(200);
    expect((await wuhua.put(url('AP-2'), { values: { physicians: 2 } })).status).toBe(200);
    expectError(await approve(wuhua, 'AP-3', 'AP-2'), 409, 'E5101');
    expect((await stored('AP-3'))!.status).toBe('SUBMITTED');
    expect((await stored('AP-2'))!.status).toBe('DRAFT');
  });

  it('approve-all approves every submitted report in wuhua\'s county and nothing in any other county', async () => {
    const own = await countyReports('530102');
    const waiting = own.filter((r) => r.status === 'SUBMITTED').map((r) => r.facilityCode);
    expect(waiting).toEqual(expect.arrayContaining([A, 'AP-3']));
    const others = [...(await countyReports('530103')), ...(await countyReports('530124'))];
    expect(others.some((r) => r.status === 'SUBMITTED')).toBe(true);
    const r = await wuhua.post('/api/approvals/approve-all', { period: '2024' });
    expect(r.body).toEqual({ approved: waiting.length });
    const after = await countyReports('530102');
    for (const x of after) {
      const was = own.find((o) => o.facilityCode === x.facilityCode)!;
      if (waiting.includes(x.facilityCode)) expect(x).toMatchObject({ status: 'APPROVED', approvalLevel: 3, approvedBy: 'wuhua', values: was.values });
      else expect(x).toEqual(was);
    }
    expect([...(await countyReports('530103')), ...(await countyReports('530124'))]).toEqual(others);
    // One audit record per approved report, each naming its report.
    const log = await admin.get(`/api/audit?entity=report&actor=wuhua&pageSize=${waiting.length}`);
    for (const e of log.body.items) expect(e).toMatchObject({ action: 'approve', after: { status: 'APPROVED', approvalLevel: 3 } });
    expect(log.body.items.map((e: any) => e.entityKey.split('/')[2]).sort()).toEqual([...waiting].sort());
  });

  it('approve-all of 1,200 reports names every approved report in the audit log', async () => {
    const village = (await ctx.store.repos.divisions.children('530102001'))[0].code;
    const at = '2025-02-01T02:00:00.000Z';
    const codes = Array.from({ length: 1200 }, (_, i) => `AP-BULK-${String(i).padStart(4, '0')}`);
    await ctx.store.repos.facilities.insertMany(codes.map((code) => ({ code, name: code, type: 'CHSS' as const, divisionCode: village, ownership: 'PUBLIC' as const, opened: '2000-01-01', closed: null, attributes: {} })), at);
    await ctx.store.repos.reports.insertMany(codes.map((facilityCode) => ({
      dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode, values: { physicians: 1 }, status: 'SUBMITTED' as const, approvalLevel: null, submittedAt: at,
      comment: null, returnReason: null, approvedAt: null, approvedBy: null, createdAt: at, updatedAt: at, updatedBy: 'test',
    })));
    const lastId = (await ctx.store.repos.audit.list({}, { offset: 0, limit: 1 })).items[0].id;
    expect((await wuhua.post('/api/approvals/approve-all', { period: '2024' })).body).toEqual({ approved: 1200 });
    const entries = (await ctx.store.repos.audit.list({ entity: 'report', actor: 'wuhua' }, { offset: 0, limit: 5000 })).items.filter((e) => e.id > lastId && e.action === 'approve');
    const named = new Set<string>();
    for (const e of entries) {
      const after = e.after as { facilities?: string[] } | null;
      for (const c of after?.facilities ?? []) named.add(c);
      named.add(e.entityKey.split('/').pop()!);
    }
    expect(codes.filter((c) => !named.has(c))).toEqual([]);
  });

  it('a viewer cannot approve (403 E2101)', async () => {
    const viewer = client(app, await login(app, 'viewer'));
    expectError(await approve(viewer, 'AP-2'), 403, 'E2101');
  });
});

describe('wuhua and 530103', () => {
  it('cannot approve, approve-all, return, read completeness or the missing list there (403), nor import (E4002); nothing changes', async () => {
    const before = await countyReports('530103');
    const submitted = before.find((r) => r.status === 'SUBMITTED')!.facilityCode;
    const approved = before.find((r) => r.status === 'APPROVED' && r.approvalLevel === 3)!.facilityCode;
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
