/**
 * The account lifecycle through the API: disable and enable, unlock, reset (change at next
 * login), change one's own password, change role and scope, end sessions — each audited, each
 * ending the sessions it should, and none reaching another area's users. Sessions end after their
 * absolute lifetime and are swept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { createTestSession, createTestUser, testApp } from '../../support/builders/index.js';
import { expectError, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
/** An area administrator of 五华区 (530102). */
let wuhua: Client;
let wuhuaName: string;
let wuhuaPassword: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, security: { sessionMaxHours: 2 } });
  app = await testApp(ctx);
  const a = await createTestUser(ctx, { role: 'AREA_ADMIN', scopeCode: '530102' });
  wuhuaName = a.username;
  wuhuaPassword = a.password;
  wuhua = await createTestSession(app, a.username, a.password);
});

afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

const viewer = () => createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
const loginStatus = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }).then((r) => r.statusCode);
const actions = async (username: string) =>
  (await ctx.services.audit.list(SYSTEM_ACTOR, { entity: 'user', entityKey: username }, 1, 100)).items.map((e) => e.action);

describe('disable and enable', () => {
  it('disabling ends the sessions and refuses login; enabling lets the user in again; both audited', async () => {
    const u = await viewer();
    const session = await createTestSession(app, u.username, u.password);
    const r = await wuhua.post(`/api/users/${u.username}/disable`);
    expect(r.status).toBe(200);
    expect(r.body.user.disabled).toBe(true);
    expectError(await session.get('/api/auth/me'), 401, 'E2001');
    expect(await loginStatus(u.username, u.password)).toBe(401);
    expect((await wuhua.post(`/api/users/${u.username}/enable`)).body.user.disabled).toBe(false);
    expect(await loginStatus(u.username, u.password)).toBe(200);
    expect(await actions(u.username)).toEqual(expect.arrayContaining(['disable', 'enable']));
  });

  it('refuses to disable one’s own account with E2013', async () => {
    expectError(await wuhua.post(`/api/users/${wuhuaName}/disable`), 400, 'E2013');
  });
});

describe('unlock', () => {
  it('lets a locked user log in at once, and is audited', async () => {
    const u = await viewer();
    for (let i = 0; i < 5; i++) await loginStatus(u.username, `Wrong#${i}-guess`);
    expect(await loginStatus(u.username, u.password)).toBe(401);
    const r = await wuhua.post(`/api/users/${u.username}/unlock`);
    expect(r.body.user.lockedUntil).toBeNull();
    expect(await loginStatus(u.username, u.password)).toBe(200);
    expect(await actions(u.username)).toContain('unlock');
  });
});

describe('password reset and change', () => {
  it('a reset ends the sessions, and the new session reaches nothing but the password change (E2009) until it is changed', async () => {
    const u = await viewer();
    const old = await createTestSession(app, u.username, u.password);
    const temporary = 'Temp#Reset-4821x';
    expect((await wuhua.post(`/api/users/${u.username}/reset-password`, { password: temporary })).body.user.mustChangePassword).toBe(true);
    expectError(await old.get('/api/auth/me'), 401, 'E2001');
    const s = await createTestSession(app, u.username, temporary);
    expect((await s.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    expectError(await s.get('/api/divisions/root'), 403, 'E2009');
    expect((await s.post('/api/auth/password', { currentPassword: temporary, newPassword: 'Mine#Own-7731q' })).status).toBe(200);
    expect((await s.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
    expect((await s.get('/api/divisions/root')).status).toBe(200);
    expect(await actions(u.username)).toEqual(expect.arrayContaining(['reset_password', 'change_password']));
  });

  it('changing one’s own password ends the other sessions and keeps this one', async () => {
    const u = await viewer();
    const here = await createTestSession(app, u.username, u.password);
    const elsewhere = await createTestSession(app, u.username, u.password);
    expect((await here.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Fresh#Pass-2290k' })).status).toBe(200);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expectError(await elsewhere.get('/api/auth/me'), 401, 'E2001');
    expect(await loginStatus(u.username, u.password)).toBe(401);
    expect(await loginStatus(u.username, 'Fresh#Pass-2290k')).toBe(200);
  });

  it('refuses a change with the wrong current password (E2010) or a common new one (E2008), and keeps the old password', async () => {
    const u = await viewer();
    const s = await createTestSession(app, u.username, u.password);
    expectError(await s.post('/api/auth/password', { currentPassword: 'Not#Mine-0000x', newPassword: 'Fresh#Pass-2290k' }), 400, 'E2010', 'currentPassword');
    expectError(await s.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Password1!' }), 400, 'E2008', 'newPassword');
    expect(await loginStatus(u.username, u.password)).toBe(200);
  });
});

describe('role and scope', () => {
  it('a new scope inside one’s own is stored, audited with before and after, and ends the user’s sessions', async () => {
    const u = await viewer();
    const s = await createTestSession(app, u.username, u.password);
    const r = await wuhua.patch(`/api/users/${u.username}`, { scopeCode: '530102001' });
    expect(r.body.user.scopeCode).toBe('530102001');
    expectError(await s.get('/api/auth/me'), 401, 'E2001');
    const { items } = await ctx.services.audit.list(SYSTEM_ACTOR, { entity: 'user', entityKey: u.username }, 1, 10);
    expect(items.find((e) => e.action === 'update')).toMatchObject({ before: { scopeCode: '530102' }, after: { scopeCode: '530102001' } });
  });

  it('refuses a scope outside one’s own (E2102) and a role above one’s own (E2101), changing nothing', async () => {
    const u = await viewer();
    expectError(await wuhua.patch(`/api/users/${u.username}`, { scopeCode: '530103' }), 403, 'E2102');
    expectError(await wuhua.patch(`/api/users/${u.username}`, { role: 'SYSTEM_ADMIN', scopeCode: 'CN' }), 403, 'E2101');
    expect((await ctx.store.repos.users.byUsername(u.username))!.scopeCode).toBe('530102');
  });
});

describe('the user list', () => {
  it('is paged: each page holds pageSize users of the scope, the total counts them all, and a page size over 200 is refused', async () => {
    for (let i = 0; i < 3; i++) await viewer();
    const first = await wuhua.get('/api/users?page=1&pageSize=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThanOrEqual(4);
    const all = await wuhua.get(`/api/users?pageSize=200`);
    expect(all.body.items).toHaveLength(first.body.total);
    const second = await wuhua.get('/api/users?page=2&pageSize=2');
    expect(second.body.items.map((u: { username: string }) => u.username)).toEqual(all.body.items.slice(2, 4).map((u: { username: string }) => u.username));
    expectError(await wuhua.get('/api/users?pageSize=201'), 400, 'E1000', 'pageSize');
  });
});

describe('from the other side', () => {
  it('an area administrator cannot see, disable, reset or end the sessions of another county’s user (E1103)', async () => {
    const other = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530103' });
    expectError(await wuhua.get(`/api/users/${other.username}`), 404, 'E1103');
    for (const path of ['disable', 'unlock', 'end-sessions']) expectError(await wuhua.post(`/api/users/${other.username}/${path}`), 404, 'E1103');
    expectError(await wuhua.post(`/api/users/${other.username}/reset-password`, { password: 'Temp#Reset-4821x' }), 404, 'E1103');
    expectError(await wuhua.patch(`/api/users/${other.username}`, { displayName: 'x' }), 404, 'E1103');
    expect(await loginStatus(other.username, other.password)).toBe(200);
  });

  it('a viewer cannot administer users (E2101)', async () => {
    const u = await viewer();
    const target = await viewer();
    const s = await createTestSession(app, u.username, u.password);
    expectError(await s.post(`/api/users/${target.username}/disable`), 403, 'E2101');
  });
});

describe('sessions', () => {
  it('end-sessions ends every session of the user', async () => {
    const u = await viewer();
    const a = await createTestSession(app, u.username, u.password);
    const b = await createTestSession(app, u.username, u.password);
    expect((await wuhua.post(`/api/users/${u.username}/end-sessions`)).status).toBe(200);
    expectError(await a.get('/api/auth/me'), 401, 'E2001');
    expectError(await b.get('/api/auth/me'), 401, 'E2001');
  });

  it('a session ends after its absolute lifetime (here 2 h) however active it is, with E2011', async () => {
    const u = await viewer();
    const s = await createTestSession(app, u.username, u.password);
    for (let i = 0; i < 5; i++) {
      ctx.clock.advanceMinutes(20);
      expect((await s.get('/api/auth/me')).status).toBe(200);
    }
    ctx.clock.advanceMinutes(21);
    expectError(await s.get('/api/auth/me'), 401, 'E2011');
  });

  it('expired sessions are swept from the store', async () => {
    const u = await viewer();
    await createTestSession(app, u.username, u.password);
    const row = (await ctx.store.repos.users.byUsername(u.username))!;
    expect(await ctx.store.repos.sessions.countForUser(row.id)).toBe(1);
    ctx.clock.advanceMinutes(45);
    await createTestSession(app, wuhuaName, wuhuaPassword);
    expect(await ctx.store.repos.sessions.countForUser(row.id)).toBe(0);
  });
});
