/**
 * The data-quality review over the API on a store without demo data: 富民县 (530124) gets six
 * village clinics with one far out, one that jumped since 2023, one whose stored values break a
 * rule and one with a required element empty; 五华区 (530102) one clinic of its own. Each finding
 * is named with its county and township, the export holds the same, and scope holds from both sides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityAnswer } from '../../../src/domain/api/approval.js';
import type { Facility } from '../../../src/domain/facility.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { completeValues, createTestFacility, createTestReport, createTestUser, createTestUserSession, FUMIN, villageOf, WUHUA } from '../../support/builders/index.js';
import { client, expectError, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let fumin: Client;
let fuminCookie: string;
let wuhua: Client;
let kunming: Client;
let reporter: Client;
const clinics: Facility[] = [];
let wuhuaClinic: Facility;

/** A village clinic's complete values with the given visits (and TCM visits a fifth of them). */
const values = (visits: number, extra: Record<string, unknown> = {}) => ({ ...completeValues(ctx, 'VC', {}), visits, tcm_visits: Math.round(visits / 5), ...extra });

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await buildApp(ctx, { logger: false });
  const [township] = (await ctx.store.repos.divisions.children(FUMIN)).map((d) => d.code);
  for (let i = 0; i < 7; i++) clinics.push(await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, township, i), name: `富民村卫生室${i}` }));
  const visits = [1000, 1100, 950, 1050, 980, 1020, 60_000]; // the seventh is far out
  for (const [i, f] of clinics.entries()) await createTestReport(ctx, { facility: f, period: '2024', values: values(visits[i]) });
  await createTestReport(ctx, { facility: clinics[1], period: '2023', values: values(200) }); // 200 → 1100: ×5.5
  await createTestReport(ctx, { facility: clinics[2], period: '2023', values: values(900) }); // no jump
  // Stored before the rules tightened: more TCM visits than visits.
  await ctx.store.repos.reports.upsert({ ...(await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: clinics[3].code }))!, values: values(1050, { tcm_visits: 2000 }) });
  const wuhuaTownship = (await ctx.store.repos.divisions.children(WUHUA))[0].code;
  wuhuaClinic = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, wuhuaTownship) });
  await ctx.store.repos.reports.upsert({ ...(await createTestReport(ctx, { facility: wuhuaClinic, period: '2024', values: values(10) })), values: { visits: 10 } }); // required elements empty
  const u = await createTestUser(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  const session = await login(app, u.username, u.password);
  fumin = client(app, session);
  fuminCookie = session.cookie;
  wuhua = (await createTestUserSession(ctx, app, { role: 'VIEWER', scopeCode: WUHUA })).client;
  kunming = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: '5301' })).client;
  reporter = (await createTestUserSession(ctx, app, { role: 'FACILITY_REPORTER', scopeCode: clinics[0].code })).client;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const review = async (c: Client, query: string) => (await c.get(`/api/quality?period=2024${query}`)) as { status: number; body: QualityAnswer };

describe('the findings of a county', () => {
  it('the clinic far out among the county’s clinics, with the median', async () => {
    const r = await review(fumin, '&kind=outlier');
    expect(r.status).toBe(200);
    const visits = r.body.findings.filter((f) => f.element === 'visits');
    expect(visits.map((f) => [f.facilityCode, f.value, f.reference])).toEqual([[clinics[6].code, 60_000, 1020]]);
    expect(visits[0]).toMatchObject({ countyCode: FUMIN, countyName: '富民县', facilityName: '富民村卫生室6', status: 'SUBMITTED' });
    expect(visits[0].townshipName).toBeTruthy();
  });

  it('the jump from 2023, and not the clinic that stayed level', async () => {
    const r = await review(fumin, '&kind=jump');
    expect(r.body.previousPeriod).toBe('2023');
    expect(r.body.findings.filter((f) => f.element === 'visits').map((f) => [f.facilityCode, f.reference, f.value, f.score])).toEqual([[clinics[1].code, 200, 1100, 5.5]]);
  });

  it('the stored values that break today’s rule', async () => {
    const r = await review(fumin, '&kind=rule');
    expect(r.body.findings.map((f) => [f.facilityCode, f.rule, f.value, f.reference])).toEqual([[clinics[3].code, 'R_TCM_VISITS', 2000, 1050]]);
    expect(r.body.counts).toEqual({ outlier: 0, jump: 0, rule: 1 });
  });

  it('a city: each county’s findings, 五华区’s empty required elements among them', async () => {
    const r = await review(kunming, '&area=5301&kind=rule');
    expect(r.status).toBe(200);
    expect(r.body.counties.map((c) => [c.code, c.rule]).sort()).toEqual([[FUMIN, 1], [WUHUA, (await review(wuhua, '&kind=rule')).body.counts.rule]].sort());
    expect(r.body.findings.some((f) => f.facilityCode === wuhuaClinic.code && f.rule === 'REQUIRED')).toBe(true);
  });

  it('the export holds every finding with its county and township', async () => {
    const all = await review(fumin, '');
    const res = await app.inject({ method: 'GET', url: '/api/quality/export?period=2024&format=csv', headers: { cookie: fuminCookie } });
    expect(res.statusCode).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('kind,county,township,facilityCode,facilityName,facilityType,element,value,reference,score,message');
    expect(lines.length - 1).toBe(all.body.findings.length);
    expect(lines.some((l) => l.includes(clinics[6].code) && l.includes('富民县') && l.includes('异常值'))).toBe(true);
  });
});

describe('bounds and scope', () => {
  it('a province or the nation is refused: the comparison is within counties (E5105)', async () => {
    expectError(await kunming.get('/api/quality?period=2024&area=53'), 403, 'E2102');
    const admin = (await createTestUserSession(ctx, app, { role: 'SYSTEM_ADMIN', scopeCode: 'CN' })).client;
    expectError(await admin.get('/api/quality?period=2024'), 400, 'E5105');
    expectError(await admin.get('/api/quality?period=2024&area=53'), 400, 'E5105');
  });

  it('a county user cannot review another county', async () => {
    expectError(await wuhua.get(`/api/quality?period=2024&area=${FUMIN}`), 403, 'E2102');
    expectError(await fumin.get(`/api/quality/export?period=2024&area=${WUHUA}`), 403, 'E2102');
  });

  it('a county user sees none of another county’s facilities in its own review', async () => {
    const r = await review(wuhua, '');
    expect(r.body.findings.every((f) => f.countyCode === WUHUA)).toBe(true);
    expect(r.body.findings.some((f) => clinics.some((c) => c.code === f.facilityCode))).toBe(false);
  });

  it('a facility reporter has no review (E2101)', async () => {
    expectError(await reporter.get('/api/quality?period=2024'), 403, 'E2101');
  });
});
