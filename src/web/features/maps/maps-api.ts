/** Boundary maps (docs/API.md, GET /api/maps/:code): the GeoJSON of an area's children. */
import type { AreaMapView } from '../../../domain/api/maps.js';
import { api } from '../../shared/api.js';

/** The answer, typed by the shared API schema (src/domain/api/maps.ts). */
export type AreaMap = AreaMapView;

export const mapsApi = {
  map: (code: string) => api.get<AreaMap>(`/api/maps/${encodeURIComponent(code)}`),
};
