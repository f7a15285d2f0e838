/**
 * The analytics API on the demo fixture: scope (an area admin sees only its county and is
 * refused other areas; a facility reporter gets no area analytics), the gap list of village
 * clinics against the store and against the indicator's numerator and denominator, the trend
 * with its projection, and the CLI export against the service for the same query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_AREA } from '../../../src/domain/scope.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { openIn } from '../../support/analytics-reference.js';
import { parseCsv, runCli } from '../../support/cli.js';
import { client, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let admin: Client;
let wuhua: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  admin = client(app, await login(app, 'admin'));
  wuhua = client(app, await login(app, 'wuhua'));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

function expectDenied(r: { status: number; body: any }, code: string) {
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe(code);
}

describe('scope', () => {
  it('an area admin of 530102 gets only 530102 rows at county level', async () => {
    const r = await wuhua.get('/api/analytics?periods=2024&level=county');
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBeGreaterThan(0);
    expect([...new Set(r.body.rows.map((x: any) => x.areaCode))]).toEqual(['530102']);
  });

  it('an area admin of 530102 gets only townships of 530102 at township level', async () => {
    const r = await wuhua.get('/api/analytics?periods=2024&level=township&indicators=tcm_hall_coverage');
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBeGreaterThan(0);
    for (const row of r.body.rows) expect(row.areaCode).toMatch(/^530102\d{3}$/);
  });

  it('an area admin of 530102 is refused area=530103 (403 E2102)', async () => {
    expectDenied(await wuhua.get('/api/analytics?periods=2024&area=530103&level=county'), 'E2102');
    expectDenied(await wuhua.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530103'), 'E2102');
  });

  it('a facility reporter gets 403 E6003 on area analytics', async () => {
    const made = await wuhua.post('/api/users', { username: 'rep-analytics', password: 'Report@2024', role: 'FACILITY_REPORTER', scopeCode: 'CHC-530102001' });
    expect(made.status).toBe(201);
    const rep = client(app, await login(app, 'rep-analytics', 'Report@2024'));
    expectDenied(await rep.get('/api/analytics?periods=2024'), 'E6003');
    expectDenied(await rep.get('/api/analytics/trend?indicators=vc_tcm_service'), 'E6003');
    expectDenied(await rep.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024'), 'E6003');
  });
});

describe('gaps', () => {
  it('vc_tcm_service in 富民县: exactly the open VCs without provides_tcm = true, reported or not', async () => {
    const expected: string[] = [];
    const unreported: string[] = [];
    for await (const f of ctx.store.repos.facilities.iterate({ area: { level: 3, code: '530124' }, type: 'VC' })) {
      if (!openIn(f, '2024')) continue;
      const r = await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: f.code });
      if (r?.values.provides_tcm !== true) expected.push(f.code);
      if (!r) unreported.push(f.code);
    }
    // One open VC without any report, so the list must include facilities with no report.
    const quiet = (await ctx.store.repos.facilities.iterate({ area: { level: 3, code: '530124' }, type: 'VC' }).next()).value!;
    if (!unreported.includes(quiet.code) && openIn(quiet, '2024')) {
      await ctx.services.reports.delete(SYSTEM_ACTOR, 'GTCM_ANNUAL', '2024', quiet.code);
      if (!expected.includes(quiet.code)) expected.push(quiet.code);
      unreported.push(quiet.code);
    }
    const r = await admin.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=1000');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: any) => i.code).sort()).toEqual(expected.sort());
    expect(r.body.total).toBe(expected.length);
    expect(r.body.items.filter((i: any) => !i.reported).map((i: any) => i.code).sort()).toEqual(unreported.sort());
    const [v] = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], area: '530124', indicators: ['vc_tcm_service'] });
    expect(r.body.total).toBe(v.denominator - v.numerator);
  });

  it('the total does not depend on the page size', async () => {
    const all = await admin.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=1000');
    const page = await admin.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=2&page=2');
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.items.map((i: any) => i.code)).toEqual(all.body.items.slice(2, 4).map((i: any) => i.code));
  });

  it('each row names its 省/市/县/乡镇, and a yes/no indicator says its values are yes/no', async () => {
    const r = await admin.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=5');
    expect(r.body.valueKind).toBe('boolean');
    for (const i of r.body.items) {
      expect(i).toMatchObject({ provinceName: '云南省', cityName: '昆明市', countyName: '富民县' });
      const township = await ctx.store.repos.divisions.get(i.divisionCode.slice(0, 9));
      expect(i.townshipName).toBe(township!.name);
    }
  });

  it('counts the gaps per county below a city, and the counts add up to the list', async () => {
    const r = await admin.get('/api/analytics/gaps/areas?indicator=vc_tcm_service&period=2024&area=5301');
    expect(r.status).toBe(200);
    expect(r.body.level).toBe('county');
    const list = await admin.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=5301&pageSize=1');
    expect(r.body.items.reduce((n: number, a: any) => n + a.gaps, 0)).toBe(list.body.total);
    const fumin = await admin.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=1');
    expect(r.body.items.find((a: any) => a.areaCode === '530124')).toEqual({ areaCode: '530124', areaName: '富民县', gaps: fumin.body.total });
  });

  it('counts per township below a county, and refuses another county (E2102)', async () => {
    const r = await admin.get('/api/analytics/gaps/areas?indicator=vc_tcm_service&period=2024&area=530124');
    expect(r.body.level).toBe('township');
    expect(r.body.items.every((a: any) => a.areaCode.startsWith('530124') && a.areaCode.length === 9)).toBe(true);
    expect((await wuhua.get('/api/analytics/gaps/areas?indicator=vc_tcm_service&period=2024&area=530124')).status).toBe(403);
  });
});

describe('trend', () => {
  it('four yearly points 2021–2024 with the values of the service and a projection to the deadline', async () => {
    const r = await admin.get('/api/analytics/trend?indicators=vc_tcm_service&area=530124');
    expect(r.status).toBe(200);
    expect(r.body.series).toHaveLength(1);
    const s = r.body.series[0];
    expect(s).toMatchObject({ areaCode: '530124', indicator: 'vc_tcm_service' });
    expect(s.points.map((p: any) => p.period)).toEqual(['2021', '2022', '2023', '2024']);
    const values = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2021', '2022', '2023', '2024'], area: '530124', indicators: ['vc_tcm_service'] });
    expect(s.points.map((p: any) => p.value)).toEqual(values.map((v) => v.value));
    expect(s.projection).toMatchObject({ year: 2025, willMiss: expect.any(Boolean) });
    expect(s.projection.value).toBeGreaterThanOrEqual(0);
    expect(s.projection.value).toBeLessThanOrEqual(1);
  });
});

describe('gtcm export indicators', () => {
  it('equals the service for the same query (county level, 昆明市), with the documented header', async () => {
    const r = await runCli(ctx.config, ['export', 'indicators', '--period', '2024', '--level', 'county', '--area', '5301']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/^\uFEFF/, '');
    expect(text.split('\n')[0].trim()).toBe('area_code,area_name,indicator,numerator,denominator,value,target,met,expected_reports,reported_reports');
    const rows = parseCsv(text);
    const svc = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'county', area: '5301' });
    expect(rows.length).toBe(svc.length);
    for (const [i, s] of svc.entries()) {
      const c = rows[i];
      expect([c.area_code, c.area_name, c.indicator, Number(c.numerator), Number(c.denominator), Number(c.expected_reports), Number(c.reported_reports)]).toEqual([
        s.areaCode, s.areaName, s.indicator, s.numerator, s.denominator, s.expectedReports, s.reportedReports,
      ]);
      expect(c.value === '' ? null : Number(c.value)).toEqual(s.value === null ? null : expect.closeTo(s.value, 9));
      expect(c.target === '' ? null : Number(c.target)).toBe(s.target);
      expect(c.met === '' ? null : c.met === 'true').toBe(s.met);
    }
  });

  it('json format carries the same rows', async () => {
    const r = await runCli(ctx.config, ['export', 'indicators', '--period', '2024', '--level', 'township', '--area', '530124', '--indicators', 'vc_tcm_service', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const items: any[] = Array.isArray(json) ? json : json.rows ?? json.items;
    const svc = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'township', area: '530124', indicators: ['vc_tcm_service'] });
    expect(items.map((x) => [x.area_code, Number(x.numerator), Number(x.denominator)])).toEqual(svc.map((s) => [s.areaCode, s.numerator, s.denominator]));
  });
});

it('the facility list of the store matches what the engine counts for 富民县 VCs (sanity of the fixture)', async () => {
  let n = 0;
  for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA, type: 'VC' })) if (f.divisionCode.startsWith('530124') && openIn(f, '2024')) n++;
  const [v] = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], area: '530124', indicators: ['vc_tcm_service'] });
  expect(v.denominator).toBe(n);
});

describe('the OpenAPI document', () => {
  it('declares what the analytics, map and favourite endpoints answer', async () => {
    const doc = (await client(app, null).get('/api/openapi.json')).body;
    const answer = (path: string, status = '200') => doc.paths[path].get?.responses?.[status]?.content?.['application/json']?.schema ?? doc.paths[path].post?.responses?.[status]?.content?.['application/json']?.schema;
    expect(Object.keys(answer('/api/analytics').properties.rows.items.properties)).toEqual(
      expect.arrayContaining(['areaCode', 'areaName', 'period', 'indicator', 'numerator', 'denominator', 'value', 'target', 'met', 'gap', 'expectedReports', 'reportedReports']),
    );
    expect(Object.keys(answer('/api/analytics/gaps').properties)).toEqual(expect.arrayContaining(['items', 'total', 'target', 'page', 'pageSize']));
    expect(answer('/api/analytics/trend').properties.series.items.properties.projection).toBeDefined();
    expect(answer('/api/indicators').properties.items.items.properties.targets).toBeDefined();
    expect(answer('/api/maps/{code}').properties.geojson).toBeDefined();
    expect(answer('/api/favourites').properties.items.items.properties.pinned).toBeDefined();
    expect(answer('/api/favourites', '201').properties.favourite).toBeDefined();
  });

  it('answers still match their declared shape (the serializer checks them)', async () => {
    const r = await admin.get('/api/analytics?periods=2023,2024&level=county');
    expect(r.status).toBe(200);
    expect(r.body.rows[0]).toEqual(
      expect.objectContaining({ areaCode: expect.any(String), value: expect.toSatisfy((v: unknown) => v === null || typeof v === 'number') }),
    );
    expect((await admin.get('/api/analytics/trend?level=county')).status).toBe(200);
    expect((await admin.get('/api/indicators')).body.items.find((i: any) => i.code === 'demonstration_county_share').numerator).toEqual({ hasTitle: { title: 'DEMO_COUNTY' } });
  });
});

describe('the years with data', () => {
  it('lists the years that hold reports, and a new year once a report of it exists', async () => {
    expect((await wuhua.get('/api/analytics/periods')).body.periods).toEqual(['2021', '2022', '2023', '2024']);
    const [f] = (await ctx.services.facilities.list(SYSTEM_ACTOR, { area: '530102', type: 'CHSS' }, 1, 1)).items;
    // The demo holds 2021–2024; a report of an earlier year (still open for corrections) adds it.
    await ctx.services.reports.save(SYSTEM_ACTOR, 'GTCM_ANNUAL', '2020', f.code, { provides_tcm: true });
    expect((await admin.get('/api/analytics/periods')).body.periods).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });
});
