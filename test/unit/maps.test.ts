/**
 * The bundled boundary files against the real NBS 2023 hierarchy: every province on the country
 * map and every city (every district of a municipality) on a province map is tied to its code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Division } from '../../src/domain/org-unit.js';
import { readLevel } from '../../src/server/modules/org-units/china-division.source.js';
import { readMap } from '../../src/server/modules/maps/map-source.js';
import { matchDivision, tieFeatures } from '../../src/server/modules/maps/map.service.js';

let all: Division[] = [];
const children = (code: string | null) => all.filter((d) => (d.parentCode ?? null) === code);
const tied = (code: string, candidates: Division[]) => tieFeatures(readMap(code, null)!.features, candidates, 2);
const codesOf = (m: ReturnType<typeof tieFeatures>) => new Set(m.geojson.features.map((f) => f.properties.code).filter(Boolean));
const feature = (properties: Record<string, unknown>) => ({ type: 'Feature' as const, properties, geometry: { type: 'Point', coordinates: [] } });

beforeAll(async () => {
  for (const level of [1, 2, 3] as const) for await (const d of readLevel(level)) all.push(d);
});

describe('bundled maps (echarts4-maps)', () => {
  it('the country map: all 31 provinces; 台湾, 香港 and 澳门 are drawn but have no division', () => {
    const m = tieFeatures(readMap('CN', null)!.features, children(null), 1);
    expect(m.level).toBe(1);
    expect([...codesOf(m)].sort()).toEqual(children(null).map((d) => d.code).sort());
    expect(m.geojson.features.filter((f) => !f.properties.code).map((f) => f.properties.name).sort()).toEqual(['台湾', '澳门', '香港'].sort());
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
