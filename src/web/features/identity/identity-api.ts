/** Typed calls for the identity endpoints of docs/API.md: the session (login, me, own password) and user accounts. */
import type { Role } from '../../../domain/user.js';
import { api } from '../../shared/api.js';

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

