/** Typed calls for the endpoints of docs/API.md that the web app uses. */
import type { FacilityChanges, FacilityType, NewFacility, Ownership } from '../domain/facility.js';
import type { DivisionKind } from '../domain/org-unit.js';
import type { Role } from '../domain/user.js';
import { api } from './shared/api.js';

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName: string;
  scopeLevel: number | null;
  /** The password was reset by an administrator: every page waits for a new one. */
  mustChangePassword: boolean;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

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

export interface UserDto {
  id?: number;
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  scopeName?: string;
  scopeLevel?: number | null;
  disabled?: boolean;
  /** ISO time; the account is locked while this lies in the future. */
  lockedUntil?: string | null;
  mustChangePassword?: boolean;
}

export interface UserInput {
  username: string;
  password: string;
  role: Role;
  scopeCode: string;
  displayName?: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  scopeCode?: string;
}

export type AuditEntity = 'facility' | 'user' | 'report';

export interface AuditRecord {
  id: number | string;
  at: string;
  actor: string;
  action: string;
  entity: AuditEntity | string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entity?: AuditEntity;
  actor?: string;
  key?: string;
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;

export const authApi = {
  login: (username: string, password: string) =>
    api.post<Session>('/api/auth/login', { username, password }, { quiet401: true }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout', {}, { quiet401: true }),
  me: () => api.get<Session>('/api/auth/me', undefined, { quiet401: true }),
  /** The caller's own password; the caller's other sessions end, this one stays. */
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),
};

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

export const userApi = {
  list: () => api.get<{ items: UserDto[] }>('/api/users'),
  create: (input: UserInput) => api.post<{ user: UserDto }>('/api/users', input),
  get: (username: string) => api.get<{ user: UserDto }>(`/api/users/${enc(username)}`),
  /** A new role or scope ends the user's sessions. */
  update: (username: string, patch: UserPatch) => api.patch<{ user: UserDto }>(`/api/users/${enc(username)}`, patch),
  disable: (username: string) => userAction(username, 'disable'),
  enable: (username: string) => userAction(username, 'enable'),
  unlock: (username: string) => userAction(username, 'unlock'),
  endSessions: (username: string) => userAction(username, 'end-sessions'),
  /** A temporary password: the user must change it at next login; their sessions end. */
  resetPassword: (username: string, password: string) =>
    api.post<{ user: UserDto }>(`/api/users/${enc(username)}/reset-password`, { password }),
};

function userAction(username: string, action: 'disable' | 'enable' | 'unlock' | 'end-sessions') {
  return api.post<{ user: UserDto }>(`/api/users/${enc(username)}/${action}`);
}

export const auditApi = {
  list: (query: AuditQuery) => api.get<{ items: AuditRecord[]; total: number }>('/api/audit', { ...query }),
};
