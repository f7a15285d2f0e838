/**
 * Boundary maps of an area's children for the choropleths: the source's GeoJSON with each
 * feature tied to its division code (by code where the file carries one, else by name).
 */
import { AppError } from '../../../domain/errors.js';
import { levelOfCode, NATION_CODE, type Division } from '../../../domain/org-unit.js';
import { divisionInScope } from '../../../domain/scope.js';
import { readMap, type RawFeature } from './map-source.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';

export interface AreaMap {
  code: string;
  /** The level of the features' divisions (1 provinces, 2 cities, 3 county-level units). */
  level: number;
  source: string;
  geojson: { type: 'FeatureCollection'; features: { type: 'Feature'; properties: { code: string | null; name: string }; geometry: unknown }[] };
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
    return { code, source: raw.source, ...tieFeatures(raw.features, await this.candidates(code), code === NATION_CODE ? 1 : 2) };
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

/** The features tied to their divisions, and the level most of them are at. */
export function tieFeatures(raw: RawFeature[], candidates: Division[], defaultLevel: number): Pick<AreaMap, 'level' | 'geojson'> {
  const levels = new Map<number, number>();
  const features = raw.map((f) => {
    const d = matchDivision(f, candidates);
    if (d) levels.set(d.level, (levels.get(d.level) ?? 0) + 1);
    return { type: 'Feature' as const, properties: { code: d?.code ?? null, name: d?.name ?? String(f.properties.name ?? '') }, geometry: f.geometry };
  });
  const level = [...levels.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? defaultLevel;
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
