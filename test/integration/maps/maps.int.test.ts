/**
 * Boundary maps over the API on the fixture store (云南省 › 昆明市 only): features are tied to the
 * divisions the store holds (test/unit/maps.test.ts checks the files against the whole country);
 * a replacement directory (GTCM_MAP_DIR) is read instead when set; scope applies as for any area.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { MapService } from '../../../src/server/modules/maps/map.service.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { client, expectError, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let nation: Client;
let yunnan: Client;
let wuhua: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  nation = client(app, await login(app, 'nation'));
  yunnan = client(app, await login(app, 'yunnan'));
  wuhua = client(app, await login(app, 'wuhua'));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const codes = (m: any) => m.geojson.features.map((f: any) => f.properties.code).filter(Boolean).sort();

describe('bundled maps', () => {
  it('the country map: the provinces the store holds get their codes, decoded to plain coordinates', async () => {
    const r = await nation.get('/api/maps/CN');
    expect(r.status).toBe(200);
    expect(r.body.level).toBe(1);
    // 31 provinces, 台湾省, 香港, 澳门 and the 南海诸岛 inset.
    expect(r.body.geojson.features.length).toBe(35);
    const provinces = (await ctx.store.repos.divisions.children(null)).map((d) => d.code).sort();
    expect(codes(r.body)).toEqual(provinces);
    const yn = r.body.geojson.features.find((f: any) => f.properties.code === '53');
    expect(yn.properties.name).toBe('云南省');
    const ring = yn.geometry.type === 'Polygon' ? yn.geometry.coordinates[0] : yn.geometry.coordinates[0][0];
    expect(ring.length).toBeGreaterThan(50);
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThan(97);
      expect(x).toBeLessThan(107);
      expect(y).toBeGreaterThan(21);
      expect(y).toBeLessThan(30);
    }
  });

  it('a province map: its cities the store holds', async () => {
    const r = await yunnan.get('/api/maps/53');
    expect(r.status).toBe(200);
    expect(r.body.level).toBe(2);
    expect(r.body.geojson.features.length).toBe(16);
    const cities = (await ctx.store.repos.divisions.children('53')).map((d) => d.code).sort();
    expect(codes(r.body)).toEqual(cities);
  });

  it('below province level there is no boundary file', async () => {
    expectError(await nation.get('/api/maps/5301'), 404, 'E6004');
    expectError(await nation.get('/api/maps/99'), 404, 'E6004');
    expectError(await nation.get('/api/maps/abc'), 404, 'E1101');
  });
});

describe('scope', () => {
  it('a county user gets neither the country nor its province', async () => {
    expectError(await wuhua.get('/api/maps/CN'), 403, 'E2102');
    expectError(await wuhua.get('/api/maps/53'), 403, 'E2102');
  });

  it('a province user gets its own province only', async () => {
    expectError(await yunnan.get('/api/maps/CN'), 403, 'E2102');
    expectError(await yunnan.get('/api/maps/44'), 403, 'E2102');
  });

  it('no map without a session', async () => {
    expect((await client(app, null).get('/api/maps/CN')).status).toBe(401);
  });
});

describe('a replacement source (GTCM_MAP_DIR)', () => {
  it('reads <code>.json from the directory and matches by adcode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gtcm-maps-'));
    try {
      const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
      writeFileSync(
        join(dir, '53.json'),
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { adcode: 530100, name: 'Kunming' }, geometry: square(102, 25) },
            { type: 'Feature', properties: { name: '昆明' }, geometry: square(103, 25) },
            { type: 'Feature', properties: { name: 'Atlantis' }, geometry: square(104, 25) },
          ],
        }),
      );
      const maps = new MapService(ctx.store, dir);
      const m = await maps.map(SYSTEM_ACTOR, '53');
      expect(m.source).toBe('GTCM_MAP_DIR');
      expect(m.geojson.features.map((f) => [f.properties.code, f.properties.name])).toEqual([
        ['5301', '昆明市'],
        ['5301', '昆明市'],
        [null, 'Atlantis'],
      ]);
      await expect(maps.map(SYSTEM_ACTOR, 'CN')).rejects.toMatchObject({ code: 'E6004' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a country map that draws the South China Sea where it lies gets it as the inset, from the file's own parts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gtcm-maps-'));
    try {
      const square = (x: number, y: number, s = 1) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
      writeFileSync(
        join(dir, 'CN.json'),
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { adcode: 530000, name: '云南省' }, geometry: { type: 'Polygon', coordinates: square(100, 23, 4) } },
            // 海南省 with one island of 三沙 far to the south.
            { type: 'Feature', properties: { adcode: 460000, name: '海南省' }, geometry: { type: 'MultiPolygon', coordinates: [square(109, 18.5), square(112, 16, 0.2)] } },
            { type: 'Feature', properties: { adcode: '100000_JD', name: '' }, geometry: { type: 'MultiLineString', coordinates: [[[109, 15], [109.5, 12]], [[117, 8], [118, 10]]] } },
          ],
        }),
      );
      const m = await new MapService(ctx.store, dir).map(SYSTEM_ACTOR, 'CN');
      const inset = m.geojson.features.filter((f) => f.properties.role === 'inset');
      expect(inset.map((f) => f.properties.name)).toEqual(['南海诸岛']);
      // The 九段线 feature is part of the inset now; 海南 keeps its island of 三沙, moved into the inset.
      // (The fixture store holds 云南省 only: 海南省 is drawn, not tied.)
      expect(m.geojson.features.map((f) => [f.properties.code, f.properties.name])).toEqual([['53', '云南省'], [null, '海南省'], [null, '南海诸岛']]);
      const hainan = m.geojson.features[1].geometry as { type: string; coordinates: number[][][][] };
      expect(hainan.type).toBe('MultiPolygon');
      expect(hainan.coordinates[0][0][0]).toEqual([109, 18.5]);
      const island = hainan.coordinates[1][0];
      // In the inset: east of 三沙's real place and north of it, within the box at the lower right.
      for (const [x, y] of island) {
        expect(x).toBeGreaterThan(104);
        expect(y).toBeGreaterThanOrEqual(18.5);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
