/**
 * Favourites: a user saves, pins, renames and deletes analyses; another user can neither see nor
 * change them; bad input is refused without touching what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { MAX_FAVOURITES } from '../../../src/server/modules/favourites/favourite.service.js';
import { client, expectError, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let nation: Client;
let wuhua: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  nation = client(app, await login(app, 'nation'));
  wuhua = client(app, await login(app, 'wuhua'));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const config = { indicators: ['vc_tcm_service', 'tcm_hall_coverage'], periods: ['2024'], area: 'CN', level: 'province', display: 'map' };

describe('favourites', () => {
  it('save, list, pin, rename, delete', async () => {
    const c = await nation.post('/api/favourites', { name: '  各省村卫生室  ', config });
    expect(c.status).toBe(201);
    expect(c.body.favourite).toMatchObject({ name: '各省村卫生室', config, pinned: false });
    const id = c.body.favourite.id;
    expect((await nation.get('/api/favourites')).body.items.map((f: any) => f.id)).toContain(id);

    expect((await nation.patch(`/api/favourites/${id}`, { pinned: true })).body.favourite.pinned).toBe(true);
    expect((await nation.patch(`/api/favourites/${id}`, { name: '重点指标' })).body.favourite).toMatchObject({ name: '重点指标', pinned: true, config });

    expect((await nation.delete(`/api/favourites/${id}`)).body).toEqual({ ok: true });
    expect((await nation.get('/api/favourites')).body.items.map((f: any) => f.id)).not.toContain(id);
    expectError(await nation.delete(`/api/favourites/${id}`), 404, 'E1106');
  });

  it('another user neither sees nor changes them', async () => {
    const id = (await nation.post('/api/favourites', { name: '国家的收藏', config, pinned: true })).body.favourite.id;
    expect((await wuhua.get('/api/favourites')).body.items.map((f: any) => f.id)).not.toContain(id);
    expectError(await wuhua.patch(`/api/favourites/${id}`, { name: '改名' }), 404, 'E1106');
    expectError(await wuhua.delete(`/api/favourites/${id}`), 404, 'E1106');
    const mine = (await nation.get('/api/favourites')).body.items.find((f: any) => f.id === id);
    expect(mine).toMatchObject({ name: '国家的收藏', pinned: true });
  });

  it('bad input is refused and nothing changes', async () => {
    const before = (await nation.get('/api/favourites')).body.items;
    expectError(await nation.post('/api/favourites', { name: '', config }), 400, 'E1000');
    expectError(await nation.post('/api/favourites', { name: 'x', config: 'not an object' }), 400, 'E1000');
    expectError(await nation.post('/api/favourites', { name: 'big', config: { blob: 'x'.repeat(11_000) } }), 400, 'E1000');
    expectError(await nation.patch('/api/favourites/abc', { name: 'x' }), 400, 'E1000');
    expect((await nation.get('/api/favourites')).body.items).toEqual(before);
  });

  it(`at most ${MAX_FAVOURITES} per user`, async () => {
    const have = (await wuhua.get('/api/favourites')).body.items.length;
    for (let i = have; i < MAX_FAVOURITES; i++) expect((await wuhua.post('/api/favourites', { name: `f${i}`, config })).status).toBe(201);
    expectError(await wuhua.post('/api/favourites', { name: 'one too many', config }), 400, 'E1107');
    expect((await wuhua.get('/api/favourites')).body.items).toHaveLength(MAX_FAVOURITES);
  });

  it('no favourites without a session', async () => {
    expect((await client(app, null).get('/api/favourites')).status).toBe(401);
  });
});
