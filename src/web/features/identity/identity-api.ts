/** Typed calls for the identity endpoints of docs/API.md: the session (login, me, own password) and user accounts. */
import type { OkAnswer } from '../../../domain/api/common.js';
import type { NewUserBody, SessionAnswer, UserAnswer, UserChangesBody, UserListAnswer, UserView } from '../../../domain/api/identity.js';
import { api } from '../../shared/api.js';

// The answers and bodies are typed by the shared API schemas (src/domain/api/identity.ts), not re-typed here.
export type { SessionUser } from '../../../domain/api/identity.js';
export type Session = SessionAnswer;
export type UserDto = UserView;
export type UserInput = NewUserBody;
export type UserPatch = UserChangesBody;

const enc = encodeURIComponent;

export const authApi = {
  login: (username: string, password: string) =>
    api.post<Session>('/api/auth/login', { username, password }, { quiet401: true }),
  logout: () => api.post<OkAnswer>('/api/auth/logout', {}, { quiet401: true }),
  me: () => api.get<Session>('/api/auth/me', undefined, { quiet401: true }),
  /** The caller's own password; the caller's other sessions end, this one stays. */
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<OkAnswer>('/api/auth/password', { currentPassword, newPassword }),
};

export const userApi = {
  list: (page: number, pageSize: number) => api.get<UserListAnswer>('/api/users', { page, pageSize }),
  create: (input: UserInput) => api.post<UserAnswer>('/api/users', input),
  get: (username: string) => api.get<UserAnswer>(`/api/users/${enc(username)}`),
  /** A new role or scope ends the user's sessions. */
  update: (username: string, patch: UserPatch) => api.patch<UserAnswer>(`/api/users/${enc(username)}`, patch),
  disable: (username: string) => userAction(username, 'disable'),
  enable: (username: string) => userAction(username, 'enable'),
  unlock: (username: string) => userAction(username, 'unlock'),
  endSessions: (username: string) => userAction(username, 'end-sessions'),
  /** A temporary password: the user must change it at next login; their sessions end. */
  resetPassword: (username: string, password: string) =>
    api.post<UserAnswer>(`/api/users/${enc(username)}/reset-password`, { password }),
};

function userAction(username: string, action: 'disable' | 'enable' | 'unlock' | 'end-sessions') {
  return api.post<UserAnswer>(`/api/users/${enc(username)}/${action}`);
}

