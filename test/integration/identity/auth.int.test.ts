/**
 * Users and access: login with argon2id passwords, sessions in the store, the session and CSRF
 * cookies, CSRF protection, lockout, idle timeout, logout and the password policy.
 * Tests that move the clock log in their own sessions, so they do not depend on each other.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { DEMO_PASSWORD } from '../../../src/server/platform/init/init.service.js';
import { client, login, type Client, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let admin: Session;
let api: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  admin = await login(app, 'admin');
  api = client(app, admin);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

/** A raw login: the status, body and Set-Cookie headers. */
async function rawLogin(username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const setCookie = res.headers['set-cookie'];
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) as string[];
  return { status: res.statusCode, body: res.json(), cookies, parsed: res.cookies };
}

const sessionRowId = (token: string) => createHash('sha256').update(token).digest('hex');
/** The stored session id of a logged-in test session (from its gtcm_sid cookie). */
const sessionIdOf = (s: Session) => sessionRowId(/gtcm_sid=([^;]+)/.exec(s.cookie)![1]);

/** Sends a state-changing request with the session cookie and the given CSRF header (or none). */
async function withCsrf(s: Session, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, csrf: string | undefined, payload?: object) {
  const headers: Record<string, string> = { cookie: s.cookie };
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  const res = await app.inject({ method, url, headers, payload });
  return { status: res.statusCode, body: res.json() };
}

describe('login', () => {
  it('returns the user with role and scope, and a CSRF token', async () => {
    const r = await rawLogin('wuhua', DEMO_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'wuhua', role: 'AREA_ADMIN', scopeCode: '530102', scopeName: '五华区', scopeLevel: 3 });
    expect(typeof r.body.csrfToken).toBe('string');
    expect(r.body.csrfToken.length).toBeGreaterThanOrEqual(16);
  });

  it('GET /api/auth/me answers the SYSTEM_ADMIN with the national scope and the same CSRF token', async () => {
    const me = await api.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'admin', role: 'SYSTEM_ADMIN', scopeCode: 'CN', scopeName: '全国', scopeLevel: 0 });
    expect(me.body.csrfToken).toBe(admin.csrf);
  });

  it('sets the session cookie gtcm_sid HttpOnly and SameSite=Strict; the CSRF cookie is readable', async () => {
    const r = await rawLogin('viewer', DEMO_PASSWORD);
    const sid = r.cookies.find((c) => c.startsWith('gtcm_sid='));
    const csrf = r.cookies.find((c) => c.startsWith('gtcm_csrf='));
    expect(sid).toBeDefined();
    expect(sid).toMatch(/;\s*HttpOnly(;|$)/i);
    expect(sid).toMatch(/;\s*SameSite=Strict(;|$)/i);
    expect(csrf).toBeDefined();
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/;\s*SameSite=Strict(;|$)/i);
    expect(r.parsed.find((c) => c.name === 'gtcm_csrf')?.value).toBe(r.body.csrfToken);
  });

  it('stores the session in the database under a hash of the token, not the token itself', async () => {
    const r = await rawLogin('nation', DEMO_PASSWORD);
    const token = r.parsed.find((c) => c.name === 'gtcm_sid')!.value;
    const user = await ctx.store.repos.users.byUsername('nation');
    const row = await ctx.store.repos.sessions.get(sessionRowId(token));
    expect(row).not.toBeNull();
    expect(row!.userId).toBe(user!.id);
    expect(row!.csrfToken).toBe(r.body.csrfToken);
    expect(await ctx.store.repos.sessions.get(token)).toBeNull();
  });

  it('keeps passwords as argon2id hashes', async () => {
    const u = await ctx.store.repos.users.byUsername('admin');
    expect(u!.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(u!.passwordHash).not.toContain(DEMO_PASSWORD);
  });

  it('refuses a wrong password and an unknown user with 401 E2002 and no cookie', async () => {
    const wrong = await rawLogin('viewer', 'Wrong@2024!');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('E2002');
    expect(wrong.cookies.some((c) => c.startsWith('gtcm_sid='))).toBe(false);
    const unknown = await rawLogin('nobody', DEMO_PASSWORD);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('E2002');
  });

  it('refuses API calls without a session (401 E2001) and with a made-up cookie', async () => {
    const none = await client(app, null).get('/api/facilities');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('E2001');
    const fake = await client(app, { cookie: 'gtcm_sid=not-a-session', csrf: 'x' }).get('/api/auth/me');
    expect(fake.status).toBe(401);
    expect(fake.body.error.code).toBe('E2001');
  });
});

describe('CSRF protection', () => {
  const newFacility = (code: string) => ({ code, name: 'CSRF测试机构', type: 'CHC', divisionCode: '530102001', ownership: 'PUBLIC', opened: '2020-01-01' });

  it('refuses a POST without x-csrf-token with 403 E2005 and creates nothing', async () => {
    const r = await withCsrf(admin, 'POST', '/api/facilities', undefined, newFacility('CSRF-NONE-1'));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E2005');
    expect(await ctx.store.repos.facilities.get('CSRF-NONE-1')).toBeNull();
  });

  it('refuses a POST with another session’s token with 403 E2005 and creates nothing', async () => {
    const other = await login(app, 'yunnan');
    expect(other.csrf).not.toBe(admin.csrf);
    const r = await withCsrf(admin, 'POST', '/api/facilities', other.csrf, newFacility('CSRF-WRONG-1'));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E2005');
    expect(await ctx.store.repos.facilities.get('CSRF-WRONG-1')).toBeNull();
  });

  it('refuses a PATCH with a wrong token and leaves the facility unchanged', async () => {
    const before = await ctx.store.repos.facilities.get('CHC-530102001');
    expect(before).not.toBeNull();
    const r = await withCsrf(admin, 'PATCH', '/api/facilities/CHC-530102001', 'wrong-token', { name: '被篡改的名称' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E2005');
    expect(await ctx.store.repos.facilities.get('CHC-530102001')).toEqual(before);
  });

  it('refuses a PUT of report values without a token and leaves the stored values unchanged', async () => {
    const key = { dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: 'CHC-530102001' };
    const before = await ctx.store.repos.reports.get(key);
    const r = await withCsrf(admin, 'PUT', '/api/reports/GTCM_ANNUAL/2024/CHC-530102001', undefined, { values: { physicians: 999 } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E2005');
    expect(await ctx.store.repos.reports.get(key)).toEqual(before);
  });

  it('accepts the same PATCH with the right token (the refusals above were about the token)', async () => {
    const r = await api.patch('/api/facilities/CHC-530102001', { name: '华山社区卫生服务中心（改）' });
    expect(r.status).toBe(200);
    expect((await ctx.store.repos.facilities.get('CHC-530102001'))!.name).toBe('华山社区卫生服务中心（改）');
  });
});

describe('logout', () => {
  it('refuses logout without the CSRF token and keeps the session', async () => {
    const s = await login(app, 'viewer');
    const r = await withCsrf(s, 'POST', '/api/auth/logout', undefined, {});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E2005');
    expect((await client(app, s).get('/api/auth/me')).status).toBe(200);
  });

  it('ends the session: the cookie no longer works and the stored session is gone', async () => {
    const s = await login(app, 'viewer');
    const token = s.cookie.match(/gtcm_sid=([^;]+)/)![1];
    expect(await ctx.store.repos.sessions.get(sessionRowId(token))).not.toBeNull();
    const c = client(app, s);
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('E2001');
    expect(await ctx.store.repos.sessions.get(sessionRowId(token))).toBeNull();
  });
});

describe('password policy (POST /api/users)', () => {
  const weak = ['Ab1!xyz', 'abcdefgh', 'abcdefg1', 'ABCDEFG!', '12345678'];

  it.each(weak)('refuses the weak password %s with 400 E2006 and creates no user', async (password) => {
    const username = `weak${weak.indexOf(password)}`;
    const r = await api.post('/api/users', { username, password, role: 'VIEWER', scopeCode: '530102' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('E2006');
    expect(await ctx.store.repos.users.byUsername(username)).toBeNull();
  });

  it('accepts 8 characters of 3 classes; the new user logs in with it', async () => {
    const r = await api.post('/api/users', { username: 'strong1', password: 'kqTz7w2m', role: 'VIEWER', scopeCode: '530102' });
    expect(r.status).toBe(201);
    const stored = await ctx.store.repos.users.byUsername('strong1');
    expect(stored!.passwordHash.startsWith('$argon2id$')).toBe(true);
    const s = await rawLogin('strong1', 'kqTz7w2m');
    expect(s.status).toBe(200);
    expect(s.body.user).toMatchObject({ username: 'strong1', role: 'VIEWER', scopeCode: '530102' });
  });
});

describe('lockout and idle timeout (the clock moves)', () => {
  it('locks after 5 failures for 15 minutes: the same 401 E2002 even with the right password, then unlocks', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await rawLogin('yunnan', `Wrong@${i}xx`);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('E2002');
    }
    expect((await ctx.store.repos.users.byUsername('yunnan'))!.lockedUntil).not.toBeNull();
    const right = await rawLogin('yunnan', DEMO_PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe('E2002');
    expect(right.cookies.some((c) => c.startsWith('gtcm_sid='))).toBe(false);
    ctx.clock.advanceMinutes(14);
    expect((await rawLogin('yunnan', DEMO_PASSWORD)).status).toBe(401);
    ctx.clock.advanceMinutes(2);
    const after = await rawLogin('yunnan', DEMO_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.user.username).toBe('yunnan');
  });

  it('keeps a session alive after 29 idle minutes, and activity extends it', async () => {
    const c = client(app, await login(app, 'wuhua'));
    ctx.clock.advanceMinutes(29);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    ctx.clock.advanceMinutes(29); // 58 minutes after login, 29 after the last request
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('wuhua');
  });

  it('counts a request made after the first minute as activity (29.5 idle minutes after it: still fine)', async () => {
    const c = client(app, await login(app, 'viewer'));
    ctx.clock.advanceMinutes(1.5);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    ctx.clock.advanceMinutes(29.5); // idle 29.5 minutes since the last request
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
  });

  it('writes activity at most once a minute: requests within a minute of the last write leave the session row alone', async () => {
    const s = await login(app, 'viewer');
    const c = client(app, s);
    const before = await ctx.store.repos.sessions.get(sessionIdOf(s));
    ctx.clock.advanceMinutes(0.9);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await ctx.store.repos.sessions.get(sessionIdOf(s)))!.lastSeenAt).toBe(before!.lastSeenAt);
    ctx.clock.advanceMinutes(0.2);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await ctx.store.repos.sessions.get(sessionIdOf(s)))!.lastSeenAt).toBe(ctx.clock.now().toISOString());
  });

  it('ends a session idle for 31 minutes with 401 E2004, and it stays ended', async () => {
    const s = await login(app, 'nation');
    const c = client(app, s);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    ctx.clock.advanceMinutes(31);
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('E2004');
    const token = s.cookie.match(/gtcm_sid=([^;]+)/)![1];
    expect(await ctx.store.repos.sessions.get(sessionRowId(token))).toBeNull();
    const again = await c.get('/api/facilities');
    expect(again.status).toBe(401);
  });
});
