/** Boundary maps (docs/API.md, GET /api/maps/:code): the GeoJSON of an area's children. */
import { api } from '../../shared/api.js';

export interface AreaMap {
  code: string;
  level: number;
  source: string;
  geojson: { type: 'FeatureCollection'; features: { type: 'Feature'; properties: { code: string | null; name: string }; geometry: unknown }[] };
}

export const mapsApi = {
  map: (code: string) => api.get<AreaMap>(`/api/maps/${encodeURIComponent(code)}`),
};
