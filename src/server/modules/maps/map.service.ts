/**
 * Boundary maps of an area's children for the choropleths: the source's GeoJSON with each
 * feature tied to its division code (by code where the file carries one, else by name).
 */
import { AppError } from '../../../domain/errors.js';
import { levelOfCode, NATION_CODE, type Division } from '../../../domain/org-unit.js';
import { divisionInScope } from '../../../domain/scope.js';
import { bundledChinaFixes, readMap, type RawFeature } from './map-source.js';
import { outsideArea, schematicInset, southSeaInset } from './map-inset.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';

export interface AreaMap {
  code: string;
  /** The level of the features' divisions (1 provinces, 2 cities, 3 county-level units). */
  level: number;
  source: string;
  geojson: { type: 'FeatureCollection'; features: MapFeature[] };
}

/**
 * `area` a division of the map's level (or below it: a 省直辖县 on a province map of cities);
 * `outside` 台湾, 香港 and 澳门 on the country map: China, but outside the programme's tree, so no
 * data is expected (not a gap); `inset` the 南海诸岛 inset with the 九段线.
 */
export type FeatureRole = 'area' | 'outside' | 'inset';

export interface MapFeature {
  type: 'Feature';
  /** `dataCode`: the area at the map's level whose figure colours the feature (itself, or the 省直辖县级行政区划 a county stands in). */
  properties: { code: string | null; name: string; role: FeatureRole; dataCode: string | null };
  geometry: unknown;
}

export class MapService {
  private readonly cache = new Map<string, AreaMap | null>();

  constructor(
    private readonly store: Store,
    private readonly mapDir: string | null,
  ) {}

  async map(actor: Actor, code: string): Promise<AreaMap> {
    const s = actor.scope;
    if (code === NATION_CODE) {
      if (s.kind !== 'nation') throw new AppError('E2102', { field: 'code', value: code });
    } else {
      if (levelOfCode(code) === null) throw new AppError('E1101', { field: 'code', value: code });
      if (!divisionInScope(s, code)) throw new AppError('E2102', { field: 'code', value: code });
    }
    if (!this.cache.has(code)) this.cache.set(code, await this.build(code));
    const m = this.cache.get(code);
    if (!m) throw new AppError('E6004', { field: 'code', value: code });
    return m;
  }

  private async build(code: string): Promise<AreaMap | null> {
    if (code !== NATION_CODE && levelOfCode(code) !== 1) return null;
    const raw = readMap(code, this.mapDir);
    if (!raw) return null;
    const drawn = code === NATION_CODE ? withChinaFixes(raw.features, this.mapDir === null) : withSeaInset(raw.features, PROVINCE_INSET_HEIGHT);
    const tied = tieFeatures(drawn, await this.candidates(code), code === NATION_CODE ? 1 : 2);
    return { code, source: raw.source, ...tied };
  }

  /** The divisions a feature may stand for: provinces under CN; cities, then county-level units, in a province. */
  private async candidates(code: string): Promise<Division[]> {
    const repo = this.store.repos.divisions;
    if (code === NATION_CODE) return repo.children(null);
    const cities = await repo.children(code);
    const counties = (await Promise.all(cities.map((c) => repo.children(c.code)))).flat();
    return [...cities, ...counties];
  }
}

/** A raw feature that is the 南海诸岛 inset (see withChinaFixes). */
const INSET_MARK = '__inset';

/**
 * On a province map (海南省: 三沙市's islands reach 4°N) the inset is larger beside the main
 * island, which would otherwise shrink to a speck.
 */
const PROVINCE_INSET_HEIGHT = 0.6;

/** The features with their South China Sea parts in an inset, and the inset's frame and lines as a feature of its own. */
export function withSeaInset(raw: RawFeature[], heightShare?: number): RawFeature[] {
  const { features, inset } = southSeaInset(raw, heightShare, true);
  return inset ? [...features, { ...inset, properties: { ...inset.properties, [INSET_MARK]: true } }] : features;
}

/**
 * The country map as an official map draws it: the South China Sea parts of the file moved into
 * an inset, or, for the bundled ECharts 4 file (which has none), ECharts 4's own schematic inset
 * and 钓鱼岛 added to 台湾, as ECharts 4 does for its `china` map.
 */
export function withChinaFixes(raw: RawFeature[], bundled: boolean): RawFeature[] {
  const { features, inset } = southSeaInset(raw);
  const fixes = !inset && bundled ? bundledChinaFixes() : null;
  const drawn = fixes
    ? features.map((f) =>
        outsideArea(f) === '台湾省' && f.geometry.type === 'MultiPolygon'
          ? { ...f, geometry: { ...f.geometry, coordinates: [...(f.geometry.coordinates as unknown[]), ...fixes.diaoyu.map((ring) => [ring])] } }
          : f,
      )
    : features;
  const box = inset ?? (fixes ? schematicInset(fixes.nanhai.points, fixes.nanhai.origin) : null);
  return box ? [...drawn, { ...box, properties: { ...box.properties, [INSET_MARK]: true } }] : drawn;
}

/**
 * The features tied to their divisions, at the level of the area's children (the highest level
 * any feature is tied at: cities on a province map, districts on a municipality's); a feature
 * below it (a 省直辖县 drawn among cities) is coloured by its ancestor at that level.
 */
export function tieFeatures(raw: RawFeature[], candidates: Division[], defaultLevel: number): Pick<AreaMap, 'level' | 'geojson'> {
  const byCode = new Map(candidates.map((d) => [d.code, d]));
  const matched = raw.map((f) => (f.properties[INSET_MARK] ? null : matchDivision(f, candidates)));
  const levels = matched.flatMap((d) => (d ? [d.level] : []));
  const level = levels.length ? Math.min(...levels) : defaultLevel;
  const ancestorAt = (d: Division): string | null => {
    let cur: Division | undefined = d;
    while (cur && cur.level > level) cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    return cur?.level === level ? cur.code : null;
  };
  const features = raw.map((f, i): MapFeature => {
    const d = matched[i];
    const name = String(f.properties.name ?? '');
    if (f.properties[INSET_MARK]) return { type: 'Feature', properties: { code: null, name, role: 'inset', dataCode: null }, geometry: f.geometry };
    const outside = d ? null : outsideArea(f);
    const properties = d
      ? { code: d.code, name: d.name, role: 'area' as const, dataCode: ancestorAt(d) }
      : { code: null, name: outside ?? name, role: outside ? ('outside' as const) : ('area' as const), dataCode: null };
    return { type: 'Feature', properties, geometry: f.geometry };
  });
  return { level, geojson: { type: 'FeatureCollection', features } };
}

/** A feature's division: by an NBS code in its properties, else by its name (exact, then as a prefix). */
export function matchDivision(f: RawFeature, candidates: Division[]): Division | null {
  const raw = f.properties.adcode ?? f.properties.code ?? f.properties.id ?? f.id;
  if (raw !== undefined && raw !== null && /^\d{6}$/.test(String(raw))) {
    const c = String(raw).replace(/(0000|00)$/, '');
    const byCode = candidates.find((d) => d.code === c) ?? candidates.find((d) => d.code === String(raw));
    if (byCode) return byCode;
  }
  const name = String(f.properties.name ?? '').trim();
  if (!name) return null;
  const exact = candidates.find((d) => d.name === name);
  if (exact) return exact;
  const prefix = candidates.filter((d) => d.name.startsWith(name) || name.startsWith(d.name));
  if (prefix.length === 1) return prefix[0];
  // Renamed since the boundary file was drawn: 梁平县 → 梁平区, 那曲地区 → 那曲市.
  const renamed = candidates.filter((d) => stem(d.name) === stem(name));
  return renamed.length === 1 ? renamed[0] : null;
}

const stem = (name: string) => name.replace(/(地区|县|区|市|盟)$/, '');
