/**
 * Scoping everywhere: an area admin of 530102 五华区 can neither read nor change anything in
 * 530103 盘龙区 — not directly, not through lists or searches; yunnan (53) sees all three
 * counties; a viewer reads but never writes; a facility reporter sees only its facility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_AREA } from '../../../src/domain/scope.js';
import type { FacilityRow } from '../../../src/server/modules/org-units/facility.repository.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createTestFacility, createTestReport, villageOf } from '../../support/builders/index.js';
import { client, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let wuhua: Client;
let nation: Client;
let yunnan: Client;
let viewer: Client;
let all: FacilityRow[];
/** A 530103 facility with a stored 2024 report (made by the builders). */
let outside: FacilityRow;
let outsideReport: Report;
const inside = 'CHC-530102001';

async function allFacilities(): Promise<FacilityRow[]> {
  const out: FacilityRow[] = [];
  for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA })) out.push(f);
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  [wuhua, nation, yunnan, viewer] = (await Promise.all(['wuhua', 'nation', 'yunnan', 'viewer'].map((u) => login(app, u)))).map((s) => client(app, s));
  // What the tests reach for in 530103 is made here, not found in the demo: a CHC with a 2024
  // report, and a village clinic for the type filter.
  const made = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530103003', name: '盘龙区越权测试社区卫生服务中心', opened: '2010-01-01' });
  outsideReport = await createTestReport(ctx, { facility: made, period: '2024', values: { physicians: 7, tcm_physicians: 2, visits: 900, tcm_visits: 300 } });
  await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, '530103003') });
  all = await allFacilities();
  outside = (await ctx.store.repos.facilities.get(made.code))!;
  expect(outside.divisionCode.startsWith('530103')).toBe(true);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const reportUrl = (code: string, period = '2024') => `/api/reports/GTCM_ANNUAL/${period}/${code}`;
const reportKey = (code: string, period = '2024') => ({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });

function expectDenied(r: { status: number; body: any }, code = 'E2102') {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe(code);
}

describe('wuhua (AREA_ADMIN 530102) and a facility of 530103', () => {
  it('reads its own facility but gets 403 E2102 for the one in 530103', async () => {
    expect((await wuhua.get(`/api/facilities/${inside}`)).status).toBe(200);
    expectDenied(await wuhua.get(`/api/facilities/${outside.code}`));
  });

  it('cannot PATCH it: 403 and the stored facility is unchanged', async () => {
    const before = await ctx.store.repos.facilities.get(outside.code);
    expectDenied(await wuhua.patch(`/api/facilities/${outside.code}`, { name: '越权修改', ownership: 'PRIVATE' }));
    expect(await ctx.store.repos.facilities.get(outside.code)).toEqual(before);
    expect((await nation.get(`/api/facilities/${outside.code}`)).body.facility.name).toBe(outside.name);
  });

  it('cannot close it: 403 and it stays open', async () => {
    expectDenied(await wuhua.post(`/api/facilities/${outside.code}/close`, { closed: '2024-06-30' }));
    const after = await ctx.store.repos.facilities.get(outside.code);
    expect(after!.closed).toBeNull();
    expect(after!.updatedAt).toBe(outside.updatedAt);
  });

  it('cannot create a facility in 530103: 403 and it does not exist afterwards', async () => {
    const r = await wuhua.post('/api/facilities', { code: 'SCOPE-NEW-1', name: '越权新增', type: 'CHC', divisionCode: '530103001', ownership: 'PUBLIC', opened: '2020-01-01' });
    expectDenied(r);
    expect(await ctx.store.repos.facilities.get('SCOPE-NEW-1')).toBeNull();
    expect((await nation.get('/api/facilities/SCOPE-NEW-1')).status).toBe(404);
  });

  it('cannot move its own facility into 530103: 403 and it stays where it was', async () => {
    const before = await ctx.store.repos.facilities.get(inside);
    expectDenied(await wuhua.patch(`/api/facilities/${inside}`, { divisionCode: '530103001' }));
    expect(await ctx.store.repos.facilities.get(inside)).toEqual(before);
  });

  it('cannot read the report of a 530103 facility (403 E2102)', async () => {
    expectDenied(await wuhua.get(reportUrl(outside.code)));
    expect((await nation.get(reportUrl(outside.code))).body.report.values).toEqual(outsideReport.values);
  });

  it('cannot PUT that report: 403 and the stored values are unchanged', async () => {
    expectDenied(await wuhua.put(reportUrl(outside.code), { values: { physicians: 1 } }));
    expect(await ctx.store.repos.reports.get(reportKey(outside.code))).toEqual(outsideReport);
  });

  it('cannot DELETE that report: 403 and it is still stored', async () => {
    expectDenied(await wuhua.delete(reportUrl(outside.code)));
    expect(await ctx.store.repos.reports.get(reportKey(outside.code))).toEqual(outsideReport);
  });
});

describe('wuhua’s lists and searches stay inside 530102', () => {
  it('GET /api/facilities (no area) lists only 530102 facilities, all of them', async () => {
    const expected = all.filter((f) => f.divisionCode.startsWith('530102'));
    expect(expected.length).toBeGreaterThan(0);
    const r = await wuhua.get('/api/facilities?pageSize=200');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(expected.length);
    expect(r.body.items).toHaveLength(expected.length);
    for (const f of r.body.items) expect(f.divisionCode.startsWith('530102')).toBe(true);
    expect(r.body.items.map((f: any) => f.code).sort()).toEqual(expected.map((f) => f.code).sort());
    expect((await nation.get('/api/facilities?area=530102&pageSize=1')).body.total).toBe(expected.length);
  });

  it.each(['530103', '530103001', '5301', '53', 'CN'])('refuses area=%s with 403 E2102', async (area) => {
    expectDenied(await wuhua.get(`/api/facilities?area=${area}`));
  });

  it('finds a 530103 facility by name text only for nation, not for wuhua', async () => {
    const q = encodeURIComponent(outside.name);
    const mine = await wuhua.get(`/api/facilities?q=${q}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.some((f: any) => f.code === outside.code)).toBe(false);
    for (const f of mine.body.items) expect(f.divisionCode.startsWith('530102')).toBe(true);
    const theirs = await nation.get(`/api/facilities?q=${q}`);
    expect(theirs.body.items.some((f: any) => f.code === outside.code)).toBe(true);
  });

  it('filters by type inside 530102 only (530103’s village clinics do not show)', async () => {
    const vcOutside = all.filter((f) => f.type === 'VC' && f.divisionCode.startsWith('530103')).length;
    expect(vcOutside).toBeGreaterThan(0);
    const expected = all.filter((f) => f.type === 'VC' && f.divisionCode.startsWith('530102')).length;
    expect((await wuhua.get('/api/facilities?type=VC')).body.total).toBe(expected);
  });

  it('division search for 盘龙 finds nothing for wuhua, 盘龙区 for nation', async () => {
    const mine = await wuhua.get(`/api/divisions/search?q=${encodeURIComponent('盘龙')}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([]);
    const byCode = await wuhua.get('/api/divisions/search?q=530103');
    expect(byCode.body.items).toEqual([]);
    const theirs = await nation.get(`/api/divisions/search?q=${encodeURIComponent('盘龙')}`);
    expect(theirs.body.items.some((d: any) => d.code === '530103' && d.name === '盘龙区')).toBe(true);
  });

  it.each(['/api/divisions/530103', '/api/divisions/530103/children', '/api/divisions/530103/facility-counts', '/api/divisions/530103001'])(
    'GET %s → 403 E2102',
    async (url) => {
      expectDenied(await wuhua.get(url));
    },
  );

  it('cannot list the provinces (children of CN) or the counts of CN', async () => {
    expectDenied(await wuhua.get('/api/divisions/CN/children'));
    expectDenied(await wuhua.get('/api/divisions/CN/facility-counts'));
  });
});

describe('yunnan (AREA_ADMIN 53)', () => {
  it('sees all three counties of 昆明市 and all their facilities', async () => {
    const children = await yunnan.get('/api/divisions/5301/children');
    expect(children.status).toBe(200);
    const codes = children.body.items.map((d: any) => d.code);
    for (const c of ['530102', '530103', '530124']) expect(codes).toContain(c);
    const list = await yunnan.get('/api/facilities?pageSize=1');
    expect(list.body.total).toBe(all.length);
    expect((await yunnan.get(`/api/facilities/${outside.code}`)).status).toBe(200);
    expect((await yunnan.get(reportUrl(outside.code))).status).toBe(200);
  });
});

describe('viewer (VIEWER CN)', () => {
  it('reads facilities, reports and divisions', async () => {
    expect((await viewer.get(`/api/facilities/${outside.code}`)).status).toBe(200);
    expect((await viewer.get('/api/facilities?pageSize=1')).body.total).toBe(all.length);
    expect((await viewer.get(reportUrl(outside.code))).body.report.values).toEqual(outsideReport.values);
    expect((await viewer.get('/api/divisions/530103/children')).status).toBe(200);
  });

  it('gets 403 E2101 for every write, and nothing changes', async () => {
    const fBefore = await ctx.store.repos.facilities.get(outside.code);
    const calls = [
      viewer.post('/api/facilities', { code: 'VIEW-NEW-1', name: '查看者新增', type: 'CHC', divisionCode: '530103001', ownership: 'PUBLIC', opened: '2020-01-01' }),
      viewer.patch(`/api/facilities/${outside.code}`, { name: '查看者修改' }),
      viewer.post(`/api/facilities/${outside.code}/close`, { closed: '2024-06-30' }),
      viewer.put(reportUrl(outside.code), { values: { physicians: 1 } }),
      viewer.delete(reportUrl(outside.code)),
      viewer.post('/api/users', { username: 'viewermade', password: 'Strong@2024', role: 'VIEWER', scopeCode: '53' }),
    ];
    for (const r of await Promise.all(calls)) expectDenied(r, 'E2101');
    expect(await ctx.store.repos.facilities.get('VIEW-NEW-1')).toBeNull();
    expect(await ctx.store.repos.facilities.get(outside.code)).toEqual(fBefore);
    expect(await ctx.store.repos.reports.get(reportKey(outside.code))).toEqual(outsideReport);
    expect(await ctx.store.repos.users.byUsername('viewermade')).toBeNull();
  });
});

describe('a FACILITY_REPORTER (scope: one facility)', () => {
  let reporter: Client;
  const sibling = 'CHC-530102002';

  beforeAll(async () => {
    const made = await wuhua.post('/api/users', { username: 'rep530102001', password: 'Report@2024', role: 'FACILITY_REPORTER', scopeCode: inside });
    expect(made.status).toBe(201);
    reporter = client(app, await login(app, 'rep530102001', 'Report@2024'));
  });

  it('logs in with role FACILITY_REPORTER and a facility scope (scopeLevel null)', async () => {
    const me = await reporter.get('/api/auth/me');
    expect(me.body.user).toMatchObject({ role: 'FACILITY_REPORTER', scopeCode: inside, scopeLevel: null });
  });

  it('sees only its own facility, in the list and directly', async () => {
    const list = await reporter.get('/api/facilities');
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((f: any) => f.code)).toEqual([inside]);
    expect((await reporter.get(`/api/facilities/${inside}`)).status).toBe(200);
    expectDenied(await reporter.get(`/api/facilities/${sibling}`));
  });

  it('saves its own report but not a sibling’s', async () => {
    const period = ctx.services.periods.collecting(); // a period open for reporting
    const own = await reporter.put(reportUrl(inside, period), { values: { physicians: 7, tcm_physicians: 2 } });
    expect(own.status).toBe(200);
    expect((await ctx.store.repos.reports.get(reportKey(inside, period)))!.values).toEqual({ physicians: 7, tcm_physicians: 2 });
    const before = await ctx.store.repos.reports.get(reportKey(sibling, period));
    expectDenied(await reporter.put(reportUrl(sibling, period), { values: { physicians: 7 } }));
    expect(await ctx.store.repos.reports.get(reportKey(sibling, period))).toEqual(before);
  });

  it('cannot edit the registry (403 E2101)', async () => {
    expectDenied(await reporter.patch(`/api/facilities/${inside}`, { name: '填报员修改' }), 'E2101');
  });
});

