/**
 * The HTTP gate from the attacker's side: percent-encoded paths meet the same auth and CSRF checks
 * as plain ones, bad bodies get stable codes instead of 500s, and every answer carries the
 * security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { createTestSession, createTestUser, testApp } from '../../support/builders/index.js';
import { expectError, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let api: Client;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, limits: { bodyBytes: 64 * 1024 } });
  app = await testApp(ctx);
  const u = await createTestUser(ctx, { role: 'SYSTEM_ADMIN', scopeCode: 'CN' });
  api = await createTestSession(app, u.username, u.password);
});

afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

const raw = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: string) =>
  app.inject({ method, url, headers, payload }).then((r) => ({ status: r.statusCode, body: r.body ? r.json() : null, headers: r.headers }));

describe('the gate decides on the routed path', () => {
  it.each(['/%61pi/metadata', '/api/%6detadata', '/%61%70%69/metadata'])('refuses %s without a session (401 E2001)', async (url) => {
    expectError(await raw('GET', url), 401, 'E2001');
  });

  it('takes a doubly encoded path for what it is, not an API path: the web app’s page, no data', async () => {
    const r = await app.inject({ method: 'GET', url: '/%2561pi/metadata' });
    expect(r.body).not.toContain('programs');
    expect(r.headers['content-type'] ?? '').not.toContain('application/json');
  });

  it('answers /%61pi/metadata with 401 E2001 exactly like /api/metadata', async () => {
    expectError(await raw('GET', '/%61pi/metadata'), 401, 'E2001');
    expectError(await raw('GET', '/api/metadata'), 401, 'E2001');
  });

  it('refuses POST /%61pi/auth/logout without the CSRF token, and the session stays', async () => {
    const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password } });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expectError(await raw('POST', '/%61pi/auth/logout', { cookie }), 403, 'E2005');
    expect((await raw('GET', '/api/auth/me', { cookie })).status).toBe(200);
  });

  it('keeps login and health public', async () => {
    expect((await raw('GET', '/api/health')).status).toBe(200);
    expectError(await raw('POST', '/api/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'x', password: 'y' })), 401, 'E2002');
  });

  it('answers an unknown API path with 404 E1012', async () => {
    expectError(await api.get('/api/no-such-thing'), 404, 'E1012');
  });
});

describe('bad bodies get stable codes', () => {
  it('refuses JSON nested 30,000 deep with 400 E1006, and still serves', async () => {
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    const r = await raw('POST', '/api/auth/login', { 'content-type': 'application/json' }, deep);
    expectError(r, 400, 'E1006');
    expect((await raw('GET', '/api/health')).status).toBe(200);
  });

  it('refuses malformed JSON with 400 E1006', async () => {
    expectError(await raw('POST', '/api/auth/login', { 'content-type': 'application/json' }, '{"username": '), 400, 'E1006');
  });

  it('refuses a body over the limit with 413 E1007 naming it', async () => {
    const big = JSON.stringify({ username: 'x', password: 'y'.repeat(100_000) });
    const r = await raw('POST', '/api/auth/login', { 'content-type': 'application/json' }, big);
    expectError(r, 413, 'E1007');
    expect(r.body.error.limit).toBe('64 KB');
  });

  it('refuses an unsupported content type with 415 E1011', async () => {
    expectError(await raw('POST', '/api/auth/login', { 'content-type': 'application/x-made-up' }, 'x'), 415, 'E1011');
  });

  it('drops __proto__ keys instead of letting them reach an object', async () => {
    const r = await raw('POST', '/api/auth/login', { 'content-type': 'application/json' }, '{"username":"x","password":"y","__proto__":{"polluted":true}}');
    expectError(r, 401, 'E2002');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('security headers', () => {
  it('sends CSP, X-Frame-Options, X-Content-Type-Options, Referrer-Policy and no-store on API answers', async () => {
    const r = await raw('GET', '/api/health');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('sends them on error answers too', async () => {
    const r = await raw('GET', '/api/metadata');
    expect(r.status).toBe(401);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cache-control']).toBe('no-store');
  });
});
