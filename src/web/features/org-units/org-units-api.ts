/**
 * Typed calls for the org-unit endpoints of docs/API.md: divisions (the tree, search, facility
 * counts) and facilities — typed by the shared API schemas (src/domain/api/org-units.ts).
 */
import type {
  DivisionAnswer,
  DivisionChildrenAnswer,
  DivisionOrNation,
  DivisionRootAnswer,
  DivisionSearchAnswer,
  DivisionView,
  FacilityAnswer,
  FacilityChangesBody,
  FacilityCountsAnswer,
  FacilityDetailAnswer,
  FacilityListAnswer,
  FacilityListQuery,
  FacilityRecord,
  FacilityView,
  NewFacilityBody,
} from '../../../domain/api/org-units.js';
import { api } from '../../shared/api.js';

export type { DivisionSearchHit } from '../../../domain/api/org-units.js';

/**
 * A division as pages pass it around: an answer's code, name and level, and its kind, parent and
 * child count when the page has them (a scope built from the session has only the first three).
 */
export type DivisionDto = Pick<DivisionView, 'code' | 'name'> & { level: number } & Partial<Pick<DivisionOrNation, 'kind' | 'parentCode' | 'childCount'>>;

export type TypeCounts = FacilityCountsAnswer['byType'];
export type FacilityCounts = FacilityCountsAnswer;
/** A facility as an answer gives it: lists and single answers name its division, a report's does not. */
export type FacilityDto = FacilityRecord & Partial<Pick<FacilityView, 'divisionName'>>;
export type FacilityPage = FacilityListAnswer;
export type FacilityQuery = FacilityListQuery;
export type FacilityInput = NewFacilityBody;
export type FacilityPatch = FacilityChangesBody;

const enc = encodeURIComponent;

export const divisionApi = {
  root: () => api.get<DivisionRootAnswer>('/api/divisions/root'),
  get: (code: string) => api.get<DivisionAnswer>(`/api/divisions/${enc(code)}`),
  children: (code: string) => api.get<DivisionChildrenAnswer>(`/api/divisions/${enc(code)}/children`),
  facilityCounts: (code: string) => api.get<FacilityCounts>(`/api/divisions/${enc(code)}/facility-counts`),
  search: (q: string, limit = 20, signal?: AbortSignal) => api.get<DivisionSearchAnswer>('/api/divisions/search', { q, limit }, { signal }),
};

export const facilityApi = {
  list: (query: FacilityQuery, signal?: AbortSignal) => api.get<FacilityPage>('/api/facilities', { ...query }, { signal }),
  get: (code: string) => api.get<FacilityDetailAnswer>(`/api/facilities/${enc(code)}`),
  create: (input: FacilityInput) => api.post<FacilityAnswer>('/api/facilities', input),
  update: (code: string, patch: FacilityPatch) => api.patch<FacilityAnswer>(`/api/facilities/${enc(code)}`, patch),
  close: (code: string, closed: string) => api.post<FacilityAnswer>(`/api/facilities/${enc(code)}/close`, { closed }),
};
