import { expect } from 'vitest';
/** Driving the HTTP app in tests through Fastify's inject, as a logged-in user. */
import type { App } from '../../src/server/platform/app.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Answer<T = any> {
  status: number;
  body: T;
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: res.json().csrfToken };
}

/** A tiny client for one session: every state-changing call carries the CSRF header. */
export function client(app: App, s: Session | null) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (s) {
      headers.cookie = s.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
    }
    const res = await app.inject({ method, url, headers, payload: payload as object | undefined });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const headersOf = (extra: Record<string, string> = {}): Record<string, string> => (s ? { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra } : extra);
  return {
    /** POSTs bytes as the raw body (an upload), with the content type given. */
    upload: async (url: string, bytes: Buffer, contentType = 'application/octet-stream'): Promise<Answer> => {
      const res = await app.inject({ method: 'POST', url, headers: headersOf({ 'content-type': contentType }), payload: bytes });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    },
    /** GETs a file: the status, its headers and its bytes. */
    download: async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: s ? { cookie: s.cookie } : {} });
      return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
    },
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
    put: (url: string, body?: unknown) => call('PUT', url, body ?? {}),
    patch: (url: string, body?: unknown) => call('PATCH', url, body ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}

export type Client = ReturnType<typeof client>;

/** Asserts an error answer: the HTTP status, the stable error code and, if given, the field. */
export function expectError(r: Answer, status: number, code: string, field?: string): void {
  expect(r.status).toBe(status);
  expect(r.body.error.code).toBe(code);
  if (field) expect(r.body.error.field).toBe(field);
}
