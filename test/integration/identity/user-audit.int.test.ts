/**
 * User administration inside the caller's scope, and the audit log: what is recorded (actor,
 * action, before, after), who may browse it and what they see, and that the store itself
 * refuses to update or delete audit records.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { openDatabase } from '../../../src/server/platform/db/database.js';
import { createTestFacility } from '../../support/builders/index.js';
import { client, login, type Client, expectError } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let admin: Client;
let nation: Client;
let wuhua: Client;
let viewer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  [admin, nation, wuhua, viewer] = (await Promise.all(['admin', 'nation', 'wuhua', 'viewer'].map((u) => login(app, u)))).map((s) => client(app, s));
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const PASSWORD = 'Strong@2024';
const newUser = (username: string, role: string, scopeCode: string) => ({ username, password: PASSWORD, role, scopeCode });


/** The audit records about one entity key, newest first, as a caller sees them. */
async function auditOf(c: Client, key: string) {
  const r = await c.get(`/api/audit?key=${encodeURIComponent(key)}&pageSize=200`);
  expect(r.status).toBe(200);
  return r.body as { items: any[]; total: number };
}

describe('users', () => {
  it('an admin creates a user of each role with a fitting scope', async () => {
    const cases = [newUser('u-sys', 'SYSTEM_ADMIN', 'CN'), newUser('u-area', 'AREA_ADMIN', '53'), newUser('u-rep', 'FACILITY_REPORTER', 'CHC-530124001'), newUser('u-view', 'VIEWER', '530124')];
    for (const body of cases) {
      const r = await admin.post('/api/users', body);
      expect(r.status).toBe(201);
      expect(r.body.user).toMatchObject({ username: body.username, role: body.role, scopeCode: body.scopeCode, disabled: false });
      expect(r.body.user.passwordHash).toBeUndefined();
      expect((await ctx.store.repos.users.byUsername(body.username))!.role).toBe(body.role);
    }
  });

  it('refuses an unknown role (400), a role that does not fit its scope (400 E2103) and a taken username (409 E1202)', async () => {
    expect((await admin.post('/api/users', newUser('u-bad-role', 'SUPERUSER', 'CN'))).status).toBe(400);
    expectError(await admin.post('/api/users', newUser('u-bad-fit', 'FACILITY_REPORTER', '530102')), 400, 'E2103');
    expectError(await admin.post('/api/users', newUser('wuhua', 'VIEWER', '530102')), 409, 'E1202');
    expect(await ctx.store.repos.users.byUsername('u-bad-role')).toBeNull();
    expect(await ctx.store.repos.users.byUsername('u-bad-fit')).toBeNull();
  });

  it('wuhua cannot create a user scoped to 530103 (403 E2102); it does not exist afterwards', async () => {
    expectError(await wuhua.post('/api/users', newUser('w-out', 'AREA_ADMIN', '530103')), 403, 'E2102');
    expectError(await wuhua.post('/api/users', newUser('w-cn', 'VIEWER', 'CN')), 403, 'E2102');
    expectError(await wuhua.post('/api/users', newUser('w-rep-out', 'FACILITY_REPORTER', 'CHC-530103001')), 403, 'E2102');
    for (const u of ['w-out', 'w-cn', 'w-rep-out']) expect(await ctx.store.repos.users.byUsername(u)).toBeNull();
  });

  it('wuhua cannot create a SYSTEM_ADMIN (403); it does not exist afterwards', async () => {
    const r = await wuhua.post('/api/users', newUser('w-sys', 'SYSTEM_ADMIN', 'CN'));
    expect(r.status).toBe(403);
    expect(await ctx.store.repos.users.byUsername('w-sys')).toBeNull();
  });

  it('GET /api/users for wuhua lists exactly the users whose scope lies in 530102', async () => {
    expect((await wuhua.post('/api/users', newUser('w-in', 'VIEWER', '530102001'))).status).toBe(201);
    expect((await wuhua.post('/api/users', newUser('w-rep-in', 'FACILITY_REPORTER', 'CHC-530102003'))).status).toBe(201);
    expect((await nation.post('/api/users', newUser('n-out', 'VIEWER', '530103'))).status).toBe(201);
    const r = await wuhua.get('/api/users');
    expect(r.status).toBe(200);
    const names = r.body.items.map((u: any) => u.username).sort();
    expect(names).toEqual(expect.arrayContaining(['w-in', 'w-rep-in', 'wuhua']));
    expect(names).not.toContain('n-out');
    const expected: string[] = [];
    for (const u of await ctx.store.repos.users.all()) {
      const division = /^\d+$/.test(u.scopeCode) ? u.scopeCode : (await ctx.store.repos.facilities.get(u.scopeCode))?.divisionCode;
      if (division?.startsWith('530102')) expected.push(u.username);
    }
    expect(names).toEqual(expected.sort());
    const everyone = (await nation.get('/api/users')).body.items.map((u: any) => u.username);
    expect(everyone).toEqual(expect.arrayContaining(['admin', 'nation', 'yunnan', 'wuhua', 'viewer', 'w-in', 'n-out']));
  });

  it('a viewer may not list users (403 E2101)', async () => {
    expectError(await viewer.get('/api/users'), 403, 'E2101');
  });
});

describe('audit records', () => {
  it('facility create, update and close are recorded with actor, action, before and after', async () => {
    const body = { code: 'AUD-F1', name: '审计机构', type: 'CHC', divisionCode: '530102002', ownership: 'PUBLIC', opened: '2019-01-01' };
    expect((await wuhua.post('/api/facilities', body)).status).toBe(201);
    expect((await wuhua.patch('/api/facilities/AUD-F1', { name: '审计机构（改）', ownership: 'PRIVATE' })).status).toBe(200);
    expect((await wuhua.post('/api/facilities/AUD-F1/close', { closed: '2024-12-31' })).status).toBe(200);
    const { items, total } = await auditOf(admin, 'AUD-F1');
    expect(total).toBe(3);
    const [close, update, create] = items;
    expect(create).toMatchObject({ actor: 'wuhua', action: 'create', entity: 'facility', entityKey: 'AUD-F1', before: null });
    expect(create.after).toMatchObject({ ...body, closed: null });
    expect(update).toMatchObject({ actor: 'wuhua', action: 'update', entity: 'facility' });
    expect(update.before).toMatchObject({ code: 'AUD-F1', name: '审计机构', ownership: 'PUBLIC', divisionCode: '530102002', closed: null });
    expect(update.after).toMatchObject({ code: 'AUD-F1', name: '审计机构（改）', ownership: 'PRIVATE', divisionCode: '530102002', closed: null });
    expect(close).toMatchObject({ actor: 'wuhua', action: 'close' });
    expect(close.before).toMatchObject({ name: '审计机构（改）', closed: null });
    expect(close.after).toMatchObject({ name: '审计机构（改）', closed: '2024-12-31' });
    expect(typeof create.at).toBe('string');
  });

  it('user creation is recorded without the password or its hash', async () => {
    expect((await wuhua.post('/api/users', newUser('aud-user', 'VIEWER', '530102004'))).status).toBe(201);
    const { items } = await auditOf(admin, 'aud-user');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor: 'wuhua', action: 'create', entity: 'user', entityKey: 'aud-user' });
    expect(items[0].after).toMatchObject({ username: 'aud-user', role: 'VIEWER', scopeCode: '530102004' });
    const text = JSON.stringify(items[0]);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('$argon2');
  });

  it('report save (create, update) and delete are recorded with before and after values', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102005', code: 'AUD-R1', opened: '2010-01-01' });
    const url = '/api/reports/GTCM_ANNUAL/2024/AUD-R1';
    expect((await wuhua.put(url, { values: { physicians: 5 } })).status).toBe(200);
    expect((await nation.put(url, { values: { physicians: 6, tcm_physicians: 2 } })).status).toBe(200);
    expect((await wuhua.delete(url)).status).toBe(200);
    const { items } = await auditOf(admin, 'GTCM_ANNUAL/2024/AUD-R1');
    expect(items.map((e) => [e.actor, e.action, e.entity])).toEqual([
      ['wuhua', 'delete', 'report'],
      ['nation', 'update', 'report'],
      ['wuhua', 'create', 'report'],
    ]);
    expect(items[2]).toMatchObject({ before: null, after: { physicians: 5 } });
    expect(items[1]).toMatchObject({ before: { physicians: 5 }, after: { physicians: 6, tcm_physicians: 2 } });
    expect(items[0]).toMatchObject({ before: { physicians: 6, tcm_physicians: 2 }, after: null });
  });

  it('filters by entity and by actor', async () => {
    const users = await admin.get('/api/audit?entity=user&pageSize=200');
    expect(users.body.total).toBeGreaterThan(0);
    for (const e of users.body.items) expect(e.entity).toBe('user');
    const byWuhua = await admin.get('/api/audit?actor=wuhua&pageSize=200');
    expect(byWuhua.body.total).toBeGreaterThan(0);
    for (const e of byWuhua.body.items) expect(e.actor).toBe('wuhua');
  });
});

describe('who sees the audit log', () => {
  it('requires an admin role: a viewer and a facility reporter get 403 E2101', async () => {
    expectError(await viewer.get('/api/audit'), 403, 'E2101');
    expect((await admin.post('/api/users', newUser('aud-rep', 'FACILITY_REPORTER', 'CHC-530102001'))).status).toBe(201);
    const reporter = client(app, await login(app, 'aud-rep', PASSWORD));
    expectError(await reporter.get('/api/audit'), 403, 'E2101');
  });

  it('wuhua sees the record of a change in 530102 but not one in 530103', async () => {
    const mk = (code: string, divisionCode: string) => ({ code, name: '范围审计', type: 'CHC', divisionCode, ownership: 'PUBLIC', opened: '2019-01-01' });
    expect((await wuhua.post('/api/facilities', mk('AUD-IN', '530102003'))).status).toBe(201);
    expect((await nation.post('/api/facilities', mk('AUD-OUT', '530103003'))).status).toBe(201);
    const list = await wuhua.get('/api/audit?pageSize=200');
    expect(list.status).toBe(200);
    const keys = list.body.items.map((e: any) => e.entityKey);
    expect(keys).toContain('AUD-IN');
    expect(keys).not.toContain('AUD-OUT');
    expect((await auditOf(wuhua, 'AUD-OUT')).total).toBe(0);
    expect((await auditOf(nation, 'AUD-OUT')).total).toBe(1);
    const outReport = await nation.put('/api/reports/GTCM_ANNUAL/2024/AUD-OUT', { values: { physicians: 1 } });
    expect(outReport.status).toBe(200);
    expect((await auditOf(wuhua, 'GTCM_ANNUAL/2024/AUD-OUT')).total).toBe(0);
  });

  it('wuhua sees the lockout record of a facility reporter of 530102', async () => {
    expect((await wuhua.post('/api/users', newUser('lock-rep', 'FACILITY_REPORTER', 'CHC-530102002'))).status).toBe(201);
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lock-rep', password: `Wrong@${i}xyz` } });
    const all = await auditOf(admin, 'lock-rep');
    expect(all.items.map((e) => e.action)).toContain('locked');
    const mine = await auditOf(wuhua, 'lock-rep');
    expect(mine.items.map((e) => e.action)).toContain('locked');
  });
});

describe('append-only in the store', () => {
  it('UPDATE and DELETE on audit_log are refused by the database; rows stay as they were', async () => {
    const second = openDatabase(ctx.config);
    try {
      const db = second.db;
      const snapshot = async () => (await sql<{ id: number; actor: string }>`select id, actor from audit_log order by id`.execute(db)).rows.map((r) => ({ id: Number(r.id), actor: r.actor }));
      const before = await snapshot();
      expect(before.length).toBeGreaterThan(0);
      await expect(sql`update audit_log set actor = 'x'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log where id = ${before[0].id}`.execute(db)).rejects.toThrow(/append-only/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await second.close();
    }
  });
});
