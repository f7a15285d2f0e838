/**
 * The bundled boundary files against the real NBS 2023 hierarchy: every province on the country
 * map and every city (every district of a municipality) on a province map is tied to its code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Division } from '../../src/domain/org-unit.js';
import { readLevel } from '../../src/server/modules/org-units/china-division.source.js';
import { readMap } from '../../src/server/modules/maps/map-source.js';
import { matchDivision, tieFeatures, withChinaFixes, withSeaInset } from '../../src/server/modules/maps/map.service.js';
import { southSeaInset } from '../../src/server/modules/maps/map-inset.js';
import { bandShade, tint } from '../../src/web/features/indicators/charts/status-scale.js';
import { STATUS_COLORS } from '../../src/web/features/indicators/indicator-status.js';

let all: Division[] = [];
const children = (code: string | null) => all.filter((d) => (d.parentCode ?? null) === code);
const tied = (code: string, candidates: Division[]) => tieFeatures(readMap(code, null)!.features, candidates, 2);
const codesOf = (m: ReturnType<typeof tieFeatures>) => new Set(m.geojson.features.map((f) => f.properties.code).filter(Boolean));
const feature = (properties: Record<string, unknown>) => ({ type: 'Feature' as const, properties, geometry: { type: 'Point', coordinates: [] } });

beforeAll(async () => {
  for (const level of [1, 2, 3] as const) for await (const d of readLevel(level)) all.push(d);
});

describe('bundled maps (echarts4-maps)', () => {
  it('the country map: all 31 provinces; 台湾省, 香港 and 澳门 are drawn as China outside the programme, not as areas without data', () => {
    const m = tieFeatures(readMap('CN', null)!.features, children(null), 1);
    expect(m.level).toBe(1);
    expect([...codesOf(m)].sort()).toEqual(children(null).map((d) => d.code).sort());
    const outside = m.geojson.features.filter((f) => !f.properties.code);
    expect(outside.map((f) => [f.properties.name, f.properties.role]).sort()).toEqual(
      [['台湾省', 'outside'], ['澳门特别行政区', 'outside'], ['香港特别行政区', 'outside']].sort(),
    );
  });

  it('the country map has the 南海诸岛 inset (ECharts 4 own) at the lower right, and 钓鱼岛 in 台湾省', () => {
    const m = tieFeatures(withChinaFixes(readMap('CN', null)!.features, true), children(null), 1);
    const inset = m.geojson.features.filter((f) => f.properties.role === 'inset');
    expect(inset).toHaveLength(1);
    const points = (inset[0].geometry as { coordinates: number[][][][] }).coordinates.flat(2);
    // The frame and the dashes: east of Taiwan, south of 25°N, north of Hainan's tip.
    expect(points.length).toBeGreaterThan(40);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(126);
      expect(x).toBeLessThan(133);
      expect(y).toBeGreaterThan(18);
      expect(y).toBeLessThanOrEqual(25);
    }
    const taiwan = m.geojson.features.find((f) => f.properties.name === '台湾省')!;
    const rings = (taiwan.geometry as { coordinates: number[][][][] }).coordinates.map((p) => p[0]);
    expect(rings.some((r) => r.every(([x, y]) => Math.abs(x - 123.47) < 0.05 && Math.abs(y - 25.74) < 0.05))).toBe(true);
  });

  it('海南省: cities and 省直辖县 side by side; a county is coloured by the 省直辖县级行政区划 it is counted in', () => {
    const cities = children('46');
    const m = tieFeatures(readMap('46', null)!.features, [...cities, ...cities.flatMap((c) => children(c.code))], 2);
    expect(m.level).toBe(2);
    const byName = new Map(m.geojson.features.map((f) => [f.properties.name, f.properties]));
    expect(byName.get('海口市')).toMatchObject({ code: '4601', dataCode: '4601' });
    expect(byName.get('五指山市')).toMatchObject({ code: '469001', dataCode: '4690' });
    // Every drawn area is coloured by one of the province's children.
    const childCodes = new Set(cities.map((c) => c.code));
    expect(m.geojson.features.filter((f) => f.properties.role === 'area' && !childCodes.has(f.properties.dataCode ?? '')).map((f) => f.properties.name)).toEqual([]);
  });

  it('湖北省: 仙桃市 among the cities is coloured by 省直辖县级行政区划 (4290)', () => {
    const cities = children('42');
    const m = tieFeatures(readMap('42', null)!.features, [...cities, ...cities.flatMap((c) => children(c.code))], 2);
    expect(m.geojson.features.find((f) => f.properties.name === '仙桃市')?.properties).toMatchObject({ code: '429004', dataCode: '4290' });
  });

  it('every province map ties every prefecture-level city (every district of a municipality)', () => {
    for (const p of children(null)) {
      const cities = children(p.code);
      const counties = cities.flatMap((c) => children(c.code));
      const m = tied(p.code, [...cities, ...counties]);
      const codes = codesOf(m);
      if (['11', '12', '31', '50'].includes(p.code)) {
        expect(m.level, p.name).toBe(3);
        expect(counties.filter((c) => !codes.has(c.code)).map((c) => c.name), p.name).toEqual([]);
      } else if (p.code !== '46') {
        expect(m.level, p.name).toBe(2);
        // 市辖区/省直辖县级行政区划 are bookkeeping units, not drawn areas.
        const drawn = cities.filter((c) => !/市辖区|直辖县级行政区划/.test(c.name));
        expect(drawn.filter((c) => !codes.has(c.code)).map((c) => c.name), p.name).toEqual([]);
      }
    }
  });

  it('names renamed since the files were drawn are still tied (梁平县 → 梁平区, 那曲地区 → 那曲市)', () => {
    const cq = [...children('50'), ...children('50').flatMap((c) => children(c.code))];
    expect(matchDivision(feature({ name: '梁平县' }), cq)?.name).toBe('梁平区');
    expect(matchDivision(feature({ name: '那曲地区' }), children('54'))?.name).toBe('那曲市');
  });

  it('a code in the properties wins over the name', () => {
    expect(matchDivision(feature({ adcode: 530100, name: '曲靖市' }), children('53'))?.code).toBe('5301');
    expect(matchDivision(feature({ name: 'Atlantis' }), children('53'))).toBeNull();
  });
});

describe('the South China Sea inset of a file that draws it where it lies', () => {
  const poly = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
  const f = (name: string, geometry: unknown) => ({ type: 'Feature' as const, properties: { name }, geometry: geometry as never });

  it('moves the parts south of Hainan into a framed box at the lower right of the rest, scaled; the lines become the inset', () => {
    const { features, inset } = southSeaInset([
      f('main', { type: 'Polygon', coordinates: poly(75, 20, 60) }),
      f('三沙市', { type: 'MultiPolygon', coordinates: [poly(112, 16, 1), poly(114, 5, 1)] }),
      f('', { type: 'LineString', coordinates: [[110, 14], [110, 12]] }),
    ]);
    // 三沙市 keeps its islands, now in the inset; the unnamed 九段线 feature is part of the inset.
    expect(features.map((x) => x.properties.name)).toEqual(['main', '三沙市']);
    const islands = (features[1].geometry as { coordinates: number[][][][] }).coordinates;
    expect(islands).toHaveLength(2);
    const rings = (inset!.geometry as { coordinates: number[][][][] }).coordinates;
    // The dash drawn as a thin polygon, and the frame (with its hole).
    expect(rings).toHaveLength(2);
    const pts = [...rings.flat(2), ...islands.flat(2)];
    for (const [x, y] of pts) {
      expect(x).toBeLessThanOrEqual(135);
      expect(y).toBeGreaterThanOrEqual(20);
      expect(y).toBeLessThanOrEqual(20 + 0.2 * 60 + 1e-6);
    }
    // The frame spans the box: its top is a fifth of the main map's height above its bottom.
    expect(Math.max(...pts.map(([, y]) => y))).toBeCloseTo(32, 3);
  });

  it('leaves a file without South China Sea parts as it is', () => {
    const features = [f('main', { type: 'Polygon', coordinates: poly(75, 20, 60) })];
    expect(southSeaInset(features)).toEqual({ features, inset: null });
  });
});

describe('海南省 with 三沙市', () => {
  it("三沙市's islands are moved into an inset beside the main island, which keeps the map's extent", () => {
    const cities = children('46');
    const m = tieFeatures(withSeaInset(readMap('46', null)!.features, 0.6), [...cities, ...cities.flatMap((c) => children(c.code))], 2);
    const all = m.geojson.features.flatMap((f) => (f.geometry as { coordinates: unknown }).coordinates as never[]).flat(4) as number[];
    const lats = all.filter((_, i) => i % 2 === 1);
    // Nothing south of the main island (18.1°N) any more.
    expect(Math.min(...lats)).toBeGreaterThan(18);
    const sansha = m.geojson.features.find((f) => f.properties.name === '三沙市')!;
    expect(sansha.properties).toMatchObject({ code: '4603', role: 'area' });
    // All of 三沙市 is in the inset, east of the main island (110.2–111.1°E), the file's stray specks included.
    const insetWest = Math.min(...((m.geojson.features.find((f) => f.properties.role === 'inset')!.geometry as { coordinates: number[][][][] }).coordinates.flat(2).map(([x]) => x)));
    for (const [x] of (sansha.geometry as { coordinates: number[][][][] }).coordinates.flat(2)) expect(x).toBeGreaterThanOrEqual(insetWest);
    expect(m.geojson.features.filter((f) => f.properties.role === 'inset')).toHaveLength(1);
  });
});

describe('map shades within the status bands', () => {
  it('95% and 98% against a 100% target differ, both in the near band, 95% darker', () => {
    const [a, b] = [bandShade(0.95, 1), bandShade(0.98, 1)];
    expect(a).not.toBe(b);
    const lightness = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lightness(a)).toBeLessThan(lightness(b));
    expect(a).toBe(tint(STATUS_COLORS.near, 0.5 + 0.5 * 0.5));
  });

  it('the further above a target, the darker the green; far below, the deepest red; no value, the no-data grey', () => {
    expect(bandShade(1, 0.8)).toBe(STATUS_COLORS.met);
    expect(bandShade(0.8, 0.8)).toBe(tint(STATUS_COLORS.met, 0.5));
    expect(bandShade(0, 0.8)).toBe(STATUS_COLORS.far);
    expect(bandShade(null, 0.8)).toBe(STATUS_COLORS.none);
  });
});
