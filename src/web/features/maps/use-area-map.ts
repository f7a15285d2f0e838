/**
 * Boundary maps (GET /api/maps/:code): fetched once per code, normalised (every feature gets a
 * `key`: its division code, or `~name` when no division matches) and registered with ECharts
 * under `gtcm-<code>`. Only the nation (`CN`) and provinces have boundary files.
 */
import { ApiError } from '../../shared/api.js';
import { echarts } from '../../shared/charts/echart.js';
import { useAsync } from '../../shared/use-async.js';
import { mapsApi } from './maps-api.js';

export interface LoadedMap {
  /** The name the map is registered under (the `map` of an ECharts map series). */
  key: string;
  code: string;
  /** Level of the features (1 provinces, 2 cities, 3 districts). */
  level: number;
  source: string;
  /** Feature key → display name. */
  names: Map<string, string>;
  /** Every feature once: its key, what it is, and the area whose figure colours it. */
  features: MapFeatureKey[];
}

export interface MapFeatureKey {
  key: string;
  name: string;
  role: 'area' | 'outside' | 'inset';
  dataCode: string | null;
}

/** The feature property the series matches data by (`nameProperty`). */
export const MAP_KEY_PROPERTY = 'key';

const cache = new Map<string, Promise<LoadedMap>>();

/** Whether a boundary file can exist for an area (the nation or a province). */
export function hasBoundaryFile(code: string): boolean {
  return code === 'CN' || /^\d{2}$/.test(code);
}

/** True for the answer "no boundary file here" (404: E6004 no map, E1101 no such division). */
export function isNoBoundary(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

export function loadAreaMap(code: string): Promise<LoadedMap> {
  let p = cache.get(code);
  if (!p) {
    p = mapsApi.map(code).then((m) => {
      const key = `gtcm-${m.code || code}`;
      const names = new Map<string, string>();
      const keys: MapFeatureKey[] = [];
      const features = m.geojson.features.map((f) => {
        const props = f.properties;
        const k = props.code ?? `~${props.name}`;
        names.set(k, props.name);
        keys.push({ key: k, name: props.name, role: props.role, dataCode: props.dataCode });
        return { ...f, properties: { ...props, [MAP_KEY_PROPERTY]: k } };
      });
      echarts.registerMap(key, { ...m.geojson, features } as never);
      return { key, code: m.code || code, level: m.level, source: m.source, names, features: keys };
    });
    p.catch(() => cache.delete(code));
    cache.set(code, p);
  }
  return p;
}

export interface AreaMapState {
  map: LoadedMap | null;
  loading: boolean;
  /** No boundary data for this area (below province level, or a 404). */
  missing: boolean;
  error: unknown;
  retry: () => void;
}

/** The boundary map of an area's children, or `missing` when none exists. */
export function useAreaMap(code: string): AreaMapState {
  const possible = hasBoundaryFile(code);
  const { data: map, error, loading, reload } = useAsync(possible ? code : null, () => loadAreaMap(code), { keep: false });
  const missing = !possible || isNoBoundary(error);
  return { map, loading, missing, error: missing ? null : error, retry: reload };
}
