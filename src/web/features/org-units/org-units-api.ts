/** Typed calls for the org-unit endpoints of docs/API.md: divisions (the tree, search, facility counts) and facilities. */
import type { FacilityChanges, FacilityType, NewFacility, Ownership } from '../../../domain/facility.js';
import type { DivisionKind } from '../../../domain/org-unit.js';
import { api } from '../../shared/api.js';

/** A division as the API answers it; the virtual root `CN` has level 0 and no kind. */
export interface DivisionDto {
  code: string;
  name: string;
  level: number;
  kind?: DivisionKind;
  parentCode?: string | null;
  childCount?: number;
}

export interface DivisionSearchHit extends DivisionDto {
  pathNames: string;
}

export type TypeCounts = Partial<Record<FacilityType, number>>;

export interface FacilityCounts {
  total: number;
  byType: TypeCounts;
  children: { code: string; name: string; level: number; total: number; byType: TypeCounts }[];
}

export interface FacilityDto {
  code: string;
  name: string;
  type: FacilityType;
  divisionCode: string;
  divisionName?: string;
  ownership: Ownership;
  opened: string;
  closed: string | null;
  attributes?: Record<string, unknown>;
}

export interface FacilityPage {
  items: FacilityDto[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FacilityQuery {
  area?: string;
  type?: FacilityType;
  q?: string;
  status?: 'open' | 'closed' | 'all';
  page?: number;
  pageSize?: number;
}

export type FacilityInput = NewFacility;
export type FacilityPatch = FacilityChanges;

const enc = encodeURIComponent;

export const divisionApi = {
  root: async () => {
    const r = await api.get<{ root: DivisionDto; path?: (DivisionDto | string)[] }>('/api/divisions/root');
    // `path` holds the root's ancestors "names only": accept plain strings as well as objects.
    const path = (r.path ?? []).map((d) => (typeof d === 'string' ? { code: '', name: d, level: -1 } : d));
    return { root: r.root, path };
  },
  get: (code: string) => api.get<{ division: DivisionDto; path: DivisionDto[] }>(`/api/divisions/${enc(code)}`),
  children: (code: string) => api.get<{ items: DivisionDto[] }>(`/api/divisions/${enc(code)}/children`),
  facilityCounts: (code: string) => api.get<FacilityCounts>(`/api/divisions/${enc(code)}/facility-counts`),
  search: (q: string, limit = 20, signal?: AbortSignal) =>
    api.get<{ items: DivisionSearchHit[] }>('/api/divisions/search', { q, limit }, { signal }),
};

export const facilityApi = {
  list: (query: FacilityQuery, signal?: AbortSignal) =>
    api.get<FacilityPage>('/api/facilities', { ...query }, { signal }),
  get: (code: string) => api.get<{ facility: FacilityDto; path: DivisionDto[] }>(`/api/facilities/${enc(code)}`),
  create: (input: FacilityInput) => api.post<{ facility: FacilityDto }>('/api/facilities', input),
  update: (code: string, patch: FacilityPatch) =>
    api.patch<{ facility: FacilityDto }>(`/api/facilities/${enc(code)}`, patch),
  close: (code: string, closed: string) =>
    api.post<{ facility: FacilityDto }>(`/api/facilities/${enc(code)}/close`, { closed }),
};
