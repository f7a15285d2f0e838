/**
 * The facility registry over HTTP: list with filters and pagination, view with path, create
 * with validation, edit (including moving to another division), close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATION_AREA } from '../../../src/domain/scope.js';
import type { FacilityRow } from '../../../src/server/modules/org-units/facility.repository.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createTestFacility, villageOf } from '../../support/builders/index.js';
import { client, login, type Client, expectError } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let admin: Client;
let wuhua: Client;
let all: FacilityRow[];

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  admin = client(app, await login(app, 'admin'));
  wuhua = client(app, await login(app, 'wuhua'));
  all = [];
  for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA })) all.push(f);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const codes = (items: { code: string }[]) => items.map((f) => f.code).sort();
const newChc = (code: string, extra: object = {}) => ({ code, name: '新建社区卫生服务中心', type: 'CHC', divisionCode: '530102001', ownership: 'PUBLIC', opened: '2020-03-01', ...extra });


describe('list', () => {
  it('filters by area (a county and a township)', async () => {
    const county = await admin.get('/api/facilities?area=530124&pageSize=200');
    expect(codes(county.body.items)).toEqual(codes(all.filter((f) => f.divisionCode.startsWith('530124'))));
    expect(county.body.total).toBe(county.body.items.length);
    const town = await admin.get('/api/facilities?area=530124103&pageSize=200');
    const expected = all.filter((f) => f.divisionCode.startsWith('530124103'));
    expect(expected.length).toBeGreaterThan(1);
    expect(codes(town.body.items)).toEqual(codes(expected));
  });

  it('filters by type', async () => {
    const r = await admin.get('/api/facilities?area=530103&type=CHC&pageSize=200');
    const expected = all.filter((f) => f.type === 'CHC' && f.divisionCode.startsWith('530103'));
    expect(expected.length).toBeGreaterThan(0);
    expect(r.body.total).toBe(expected.length);
    for (const f of r.body.items) expect(f.type).toBe('CHC');
  });

  it('filters by name text and by code text', async () => {
    const byName = await admin.get(`/api/facilities?q=${encodeURIComponent('拓东')}`);
    expect(byName.body.items.length).toBeGreaterThan(0);
    for (const f of byName.body.items) expect(f.name).toContain('拓东');
    expect(codes(byName.body.items)).toEqual(codes(all.filter((f) => f.name.includes('拓东'))));
    const byCode = await admin.get('/api/facilities?q=530124103&pageSize=200');
    const expected = all.filter((f) => f.code.includes('530124103'));
    expect(expected.length).toBeGreaterThan(1);
    expect(codes(byCode.body.items)).toEqual(codes(expected));
    expect(byCode.body.total).toBe(expected.length);
  });

  it('finds a facility by its full code when the code contains an underscore (a valid code character)', async () => {
    expect((await admin.post('/api/facilities', newChc('UND_SCORE_1'))).status).toBe(201);
    const r = await admin.get('/api/facilities?q=UND_SCORE_1');
    expect(codes(r.body.items)).toEqual(['UND_SCORE_1']);
  });

  it('code text search ignores letter case, on either store', async () => {
    const upper = await admin.get('/api/facilities?q=CHC-530102001');
    expect(codes(upper.body.items)).toEqual(['CHC-530102001']);
    const lower = await admin.get('/api/facilities?q=chc-530102001');
    expect(codes(lower.body.items)).toEqual(['CHC-530102001']);
  });

  it('rejects an unknown type and an oversized page (400)', async () => {
    expect((await admin.get('/api/facilities?type=HOSPITAL')).status).toBe(400);
    expect((await admin.get('/api/facilities?pageSize=201')).status).toBe(400);
    expect((await admin.get('/api/facilities?page=0')).status).toBe(400);
  });

  it('paginates consistently: disjoint pages, same total, union is everything', async () => {
    all = [];
    for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA })) all.push(f);
    const pageSize = 50;
    const seen: string[] = [];
    const pages = Math.ceil(all.length / pageSize);
    for (let page = 1; page <= pages; page++) {
      const r = await admin.get(`/api/facilities?page=${page}&pageSize=${pageSize}`);
      expect(r.body).toMatchObject({ total: all.length, page, pageSize });
      expect(r.body.items.length).toBe(page < pages ? pageSize : all.length - pageSize * (pages - 1));
      seen.push(...r.body.items.map((f: any) => f.code));
    }
    expect(new Set(seen).size).toBe(all.length);
    expect(seen.sort()).toEqual(codes(all));
    const beyond = await admin.get(`/api/facilities?page=${pages + 1}&pageSize=${pageSize}`);
    expect(beyond.body.items).toEqual([]);
    expect(beyond.body.total).toBe(all.length);
  });
});

describe('view', () => {
  it('returns the facility with its division name and path (ancestors and itself)', async () => {
    const r = await wuhua.get('/api/facilities/CHC-530102001');
    expect(r.status).toBe(200);
    expect(r.body.facility).toMatchObject({ code: 'CHC-530102001', type: 'CHC', divisionCode: '530102001', divisionName: '华山街道' });
    expect(r.body.path.map((d: any) => d.code)).toEqual(['53', '5301', '530102', '530102001']);
    expect(r.body.path.map((d: any) => d.name)).toEqual(['云南省', '昆明市', '五华区', '华山街道']);
  });

  it('answers 404 E1102 for an unknown facility', async () => {
    expectError(await admin.get('/api/facilities/NO-SUCH-1'), 404, 'E1102');
  });
});

describe('create', () => {
  it('creates a facility (201); it is then visible directly and in the list', async () => {
    const r = await wuhua.post('/api/facilities', newChc('NEW-CHC-1', { attributes: { beds: 12 } }));
    expect(r.status).toBe(201);
    expect(r.body.facility).toMatchObject({ code: 'NEW-CHC-1', name: '新建社区卫生服务中心', type: 'CHC', divisionCode: '530102001', ownership: 'PUBLIC', opened: '2020-03-01', closed: null, attributes: { beds: 12 } });
    const got = await wuhua.get('/api/facilities/NEW-CHC-1');
    expect(got.body.facility.divisionName).toBe('华山街道');
    const listed = await wuhua.get('/api/facilities?area=530102001&pageSize=200');
    expect(codes(listed.body.items)).toContain('NEW-CHC-1');
  });

  it('refuses an unknown division with 404 E1101', async () => {
    expectError(await admin.post('/api/facilities', newChc('NEW-BAD-DIV', { divisionCode: '530102999' })), 404, 'E1101');
    expect(await ctx.store.repos.facilities.get('NEW-BAD-DIV')).toBeNull();
  });

  it('refuses a CHC on a county-level division with 400 E1301', async () => {
    expectError(await admin.post('/api/facilities', newChc('NEW-BAD-LVL', { divisionCode: '530102' })), 400, 'E1301');
    expectError(await admin.post('/api/facilities', newChc('NEW-BAD-VC', { type: 'VC', divisionCode: '530124103' })), 400, 'E1301');
    expect(await ctx.store.repos.facilities.get('NEW-BAD-LVL')).toBeNull();
  });

  it('accepts each type on its own level (county hospital on a county, VC on a village)', async () => {
    const village = await villageOf(ctx, '530124103');
    expect((await admin.post('/api/facilities', newChc('NEW-CTH-1', { type: 'COUNTY_TCM_HOSPITAL', divisionCode: '530103' }))).status).toBe(201);
    expect((await admin.post('/api/facilities', newChc('NEW-VC-1', { type: 'VC', divisionCode: village }))).status).toBe(201);
  });

  it('refuses a duplicate code with 409 E1201 and keeps the original', async () => {
    const before = await ctx.store.repos.facilities.get('CHC-530102002');
    expectError(await admin.post('/api/facilities', newChc('CHC-530102002', { name: '重复' })), 409, 'E1201');
    expect(await ctx.store.repos.facilities.get('CHC-530102002')).toEqual(before);
  });

  it.each(['1234567', 'X', 'bad code', 'a/b', 'ä-1'])('refuses the malformed code %j with 400 E1304', async (code) => {
    expectError(await admin.post('/api/facilities', newChc(code)), 400, 'E1304');
    expect(await ctx.store.repos.facilities.get(code)).toBeNull();
  });

  it('refuses an impossible date (400 E1001) and a badly formatted one (400)', async () => {
    expectError(await admin.post('/api/facilities', newChc('NEW-BAD-DATE', { opened: '2023-02-30' })), 400, 'E1001');
    expect((await admin.post('/api/facilities', newChc('NEW-BAD-DATE', { opened: '2023/02/01' }))).status).toBe(400);
    expect(await ctx.store.repos.facilities.get('NEW-BAD-DATE')).toBeNull();
  });
});

describe('edit', () => {
  it('changes name and ownership', async () => {
    const f = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102003', code: 'EDIT-1', name: '旧名' });
    const r = await wuhua.patch(`/api/facilities/${f.code}`, { name: '新名', ownership: 'PRIVATE' });
    expect(r.status).toBe(200);
    expect(r.body.facility).toMatchObject({ code: 'EDIT-1', name: '新名', ownership: 'PRIVATE', divisionCode: '530102003', opened: f.opened });
    const got = await wuhua.get('/api/facilities/EDIT-1');
    expect(got.body.facility).toMatchObject({ name: '新名', ownership: 'PRIVATE' });
  });

  it('moves a facility to another division: afterwards it is listed under the new area only', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102003', code: 'MOVE-1' });
    const r = await admin.patch('/api/facilities/MOVE-1', { divisionCode: '530103002' });
    expect(r.status).toBe(200);
    expect(r.body.facility).toMatchObject({ divisionCode: '530103002', divisionName: '鼓楼街道' });
    expect(codes((await admin.get('/api/facilities?area=530103&q=MOVE-1')).body.items)).toEqual(['MOVE-1']);
    expect(codes((await admin.get('/api/facilities?area=530103002&q=MOVE-1')).body.items)).toEqual(['MOVE-1']);
    expect((await admin.get('/api/facilities?area=530102&q=MOVE-1')).body.total).toBe(0);
    expect((await wuhua.get('/api/facilities/MOVE-1')).status).toBe(403);
  });

  it('refuses a move to a division of the wrong level (400 E1301)', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102003', code: 'MOVE-2' });
    expectError(await admin.patch('/api/facilities/MOVE-2', { divisionCode: '530103' }), 400, 'E1301');
    expect((await ctx.store.repos.facilities.get('MOVE-2'))!.divisionCode).toBe('530102003');
  });
});

describe('close', () => {
  it('closes a facility; closing it again is 409 E1302', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102004', code: 'CLOSE-1', opened: '2010-01-01' });
    const r = await wuhua.post('/api/facilities/CLOSE-1/close', { closed: '2024-06-30' });
    expect(r.status).toBe(200);
    expect(r.body.facility).toMatchObject({ code: 'CLOSE-1', closed: '2024-06-30' });
    expectError(await wuhua.post('/api/facilities/CLOSE-1/close', { closed: '2024-07-31' }), 409, 'E1302');
    expect((await ctx.store.repos.facilities.get('CLOSE-1'))!.closed).toBe('2024-06-30');
  });

  it('refuses a closing date before the opening date with 400 E1303', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102004', code: 'CLOSE-2', opened: '2015-05-01' });
    expectError(await wuhua.post('/api/facilities/CLOSE-2/close', { closed: '2015-04-30' }), 400, 'E1303');
    expect((await ctx.store.repos.facilities.get('CLOSE-2'))!.closed).toBeNull();
  });

  it('status=closed lists closed facilities and status=open does not', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102005', code: 'CLOSE-3' });
    expect((await admin.post('/api/facilities/CLOSE-3/close', { closed: '2023-12-31' })).status).toBe(200);
    const closed = await admin.get('/api/facilities?area=530102&status=closed&pageSize=200');
    expect(codes(closed.body.items)).toContain('CLOSE-3');
    for (const f of closed.body.items) expect(f.closed).not.toBeNull();
    const open = await admin.get('/api/facilities?area=530102005&status=open&pageSize=200');
    expect(codes(open.body.items)).not.toContain('CLOSE-3');
    for (const f of open.body.items) expect(f.closed).toBeNull();
    const every = await admin.get('/api/facilities?area=530102005&pageSize=200');
    expect(codes(every.body.items)).toContain('CLOSE-3');
  });
});
