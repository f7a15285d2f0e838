/**
 * The hierarchy over HTTP, always inside the caller's scope: the root of the caller's tree,
 * one division with its path, children, search, and open-facility counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_AREA } from '../../../src/domain/scope.js';
import type { FacilityRow } from '../../../src/server/modules/org-units/facility.repository.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { client, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let nation: Client;
let yunnan: Client;
let wuhua: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  [nation, yunnan, wuhua] = (await Promise.all(['nation', 'yunnan', 'wuhua'].map((u) => login(app, u)))).map((s) => client(app, s));
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

async function openFacilities(): Promise<FacilityRow[]> {
  const out: FacilityRow[] = [];
  for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA })) if (f.closed === null) out.push(f);
  return out;
}

describe('root', () => {
  it('for wuhua is 五华区 with the path 云南省 / 昆明市', async () => {
    const r = await wuhua.get('/api/divisions/root');
    expect(r.status).toBe(200);
    expect(r.body.root).toMatchObject({ code: '530102', name: '五华区', level: 3, parentCode: '5301' });
    expect(r.body.root.childCount).toBeGreaterThan(0);
    expect(r.body.path.map((d: any) => d.name)).toEqual(['云南省', '昆明市']);
    expect(r.body.path.map((d: any) => d.code)).toEqual(['53', '5301']);
  });

  it('for nation is CN (全国) with the fixture provinces as children', async () => {
    const r = await nation.get('/api/divisions/root');
    expect(r.body.root).toMatchObject({ code: 'CN', name: '全国', level: 0 });
    expect(r.body.path).toEqual([]);
    const children = await nation.get('/api/divisions/CN/children');
    expect(children.status).toBe(200);
    expect(children.body.items.map((d: any) => [d.code, d.name, d.level])).toEqual([['53', '云南省', 1]]);
    expect(r.body.root.childCount).toBe(children.body.items.length);
  });

  it('for yunnan is 云南省 with an empty path', async () => {
    const r = await yunnan.get('/api/divisions/root');
    expect(r.body.root).toMatchObject({ code: '53', name: '云南省', level: 1 });
    expect(r.body.path).toEqual([]);
  });
});

describe('one division and its children', () => {
  it('GET /api/divisions/530102 gives the division, its child count and its ancestors', async () => {
    const r = await wuhua.get('/api/divisions/530102');
    expect(r.status).toBe(200);
    const kids = await ctx.store.repos.divisions.children('530102');
    expect(r.body.division).toMatchObject({ code: '530102', name: '五华区', level: 3, kind: 'DISTRICT', parentCode: '5301', childCount: kids.length });
    expect(r.body.path.map((d: any) => d.code)).toEqual(['53', '5301']);
  });

  it('children of a county are its townships, each with its own child count', async () => {
    const r = await wuhua.get('/api/divisions/530102/children');
    expect(r.body.items.length).toBeGreaterThan(5);
    for (const d of r.body.items) expect(d).toMatchObject({ level: 4, parentCode: '530102' });
    const first = r.body.items[0];
    const grandChildren = await wuhua.get(`/api/divisions/${first.code}/children`);
    expect(grandChildren.body.items).toHaveLength(first.childCount);
    for (const d of grandChildren.body.items) expect(d).toMatchObject({ level: 5, parentCode: first.code, childCount: 0 });
  });

  it('an unknown division is 404 E1101', async () => {
    const r = await nation.get('/api/divisions/530199');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('E1101');
  });
});

describe('search', () => {
  it('finds by name inside the scope, with the path names', async () => {
    const r = await wuhua.get(`/api/divisions/search?q=${encodeURIComponent('华山')}`);
    expect(r.status).toBe(200);
    const hit = r.body.items.find((d: any) => d.code === '530102001');
    expect(hit).toMatchObject({ name: '华山街道', level: 4, pathNames: '云南省 / 昆明市 / 五华区 / 华山街道' });
    for (const d of r.body.items) expect(d.code.startsWith('530102')).toBe(true);
  });

  it('finds by code prefix and respects the limit', async () => {
    const r = await wuhua.get('/api/divisions/search?q=530102001&limit=3');
    expect(r.body.items.length).toBe(3);
    for (const d of r.body.items) expect(d.code.startsWith('530102001')).toBe(true);
    expect((await wuhua.get('/api/divisions/search?q=5301&limit=51')).status).toBe(400);
  });

  it('yunnan finds divisions in every fixture county', async () => {
    for (const [q, code] of [['五华', '530102'], ['盘龙', '530103'], ['富民', '530124']]) {
      const r = await yunnan.get(`/api/divisions/search?q=${encodeURIComponent(q)}`);
      expect(r.body.items.map((d: any) => d.code)).toContain(code);
    }
  });
});

describe('facility counts', () => {
  it('counts the open facilities of 530102 in total, by type and per township', async () => {
    // Close one so that "open" matters.
    expect((await wuhua.post('/api/facilities/CHC-530102002/close', { closed: '2024-01-31' })).status).toBe(200);
    const open = (await openFacilities()).filter((f) => f.divisionCode.startsWith('530102'));
    const r = await wuhua.get('/api/divisions/530102/facility-counts');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(open.length);
    for (const type of ['CHC', 'THC', 'CHSS', 'VC', 'COUNTY_TCM_HOSPITAL'])
      expect(r.body.byType[type] ?? 0).toBe(open.filter((f) => f.type === type).length);
    const townships = await ctx.store.repos.divisions.children('530102');
    expect(r.body.children.map((c: any) => c.code)).toEqual(townships.map((d) => d.code));
    for (const c of r.body.children) expect(c.total).toBe(open.filter((f) => f.divisionCode.startsWith(c.code)).length);
    expect(r.body.children.find((c: any) => c.code === '530102002').byType.CHC).toBe(0);
  });

  it('counts the whole country for nation, with the provinces as children', async () => {
    const open = await openFacilities();
    const r = await nation.get('/api/divisions/CN/facility-counts');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(open.length);
    expect(r.body.children).toHaveLength(1);
    expect(r.body.children[0]).toMatchObject({ code: '53', total: open.length });
  });
});

describe('the virtual root and level-filtered search', () => {
  it('GET /api/divisions/CN is the national root for a national user and refused to a county user', async () => {
    const r = await nation.get('/api/divisions/CN');
    expect(r.status).toBe(200);
    expect(r.body.division).toMatchObject({ code: 'CN', level: 0, childCount: 1 });
    expect((await wuhua.get('/api/divisions/CN')).body.error.code).toBe('E2102');
  });

  it('search with level returns only divisions of that level', async () => {
    const all = await nation.get(`/api/divisions/search?q=${encodeURIComponent('华')}&limit=50`);
    const levels = new Set(all.body.items.map((d: { level: number }) => d.level));
    expect(levels.size).toBeGreaterThan(1);
    const towns = await nation.get(`/api/divisions/search?q=${encodeURIComponent('华')}&limit=50&level=4`);
    expect(towns.body.items.length).toBeGreaterThan(0);
    for (const d of towns.body.items) expect(d.level).toBe(4);
  });
});
