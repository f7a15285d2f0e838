/**
 * Login from the attacker's side: parallel guesses cannot outrun the lockout, every failure gets
 * the same answer, failed logins are audited, a flood is refused early, common passwords and
 * case-twin usernames are refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { createTestUser, testApp } from '../../support/builders/index.js';
import { expectError } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const loginAs = (app: App, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }).then((r) => ({ status: r.statusCode, body: r.json(), cookies: r.cookies }));

async function failedLogins(ctx: TestContext, username: string) {
  const { items } = await ctx.services.audit.list(SYSTEM_ACTOR, { entity: 'user', entityKey: username }, 1, 500);
  return items.filter((e) => e.action === 'login_failed').map((e) => e.after as { reason: string; ip: string | null });
}

describe('parallel guesses', () => {
  let ctx: TestContext;
  let app: App;
  beforeAll(async () => {
    // Every guess reaches the password check: no early refusal hides the race.
    ctx = await createTestContext({ demo: false, security: { loginConcurrency: 40 } });
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('check at most 5 passwords of 40 sent at once, and the right one sent with them is refused', async () => {
    const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    const guesses = Array.from({ length: 39 }, (_, i) => `Wrong#${i}-guess`);
    const answers = await Promise.all([...guesses, u.password].map((p) => loginAs(app, u.username, p)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(0);
    expect(answers.every((a) => a.status === 401 && a.body.error.code === 'E2002')).toBe(true);
    const reasons = (await failedLogins(ctx, u.username)).map((f) => f.reason);
    expect(reasons).toHaveLength(40);
    expect(reasons.filter((r) => r === 'wrong_password').length).toBeLessThanOrEqual(5);
    expect((await ctx.store.repos.users.byUsername(u.username))!.lockedUntil).not.toBeNull();
  });
});

describe('one answer whatever the reason', () => {
  let ctx: TestContext;
  let app: App;
  beforeAll(async () => {
    ctx = await createTestContext({ demo: false });
    app = await testApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('answers an unknown user, a wrong password, a locked and a disabled account with the same status and body', async () => {
    const wrong = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    const locked = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    const disabled = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    for (let i = 0; i < 5; i++) await loginAs(app, locked.username, `Wrong#${i}-guess`);
    await ctx.services.users.act(SYSTEM_ACTOR, disabled.username, 'disable');
    const answers = [
      await loginAs(app, 'nobody-here', 'Whatever#123x'),
      await loginAs(app, wrong.username, 'Wrong#guess-1'),
      await loginAs(app, locked.username, locked.password),
      await loginAs(app, disabled.username, disabled.password),
    ];
    for (const a of answers) {
      expectError(a, 401, 'E2002');
      expect(a.body).toEqual(answers[0].body);
      expect(a.body.error).not.toHaveProperty('field');
      expect(a.body.error).not.toHaveProperty('remainingAttempts');
      expect(a.cookies).toHaveLength(0);
    }
  });

  it('audits each failed login with its reason and address, unknown users included', async () => {
    const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    await loginAs(app, u.username, 'Wrong#guess-1');
    await loginAs(app, 'ghost-user', 'Wrong#guess-1');
    expect(await failedLogins(ctx, u.username)).toEqual([expect.objectContaining({ reason: 'wrong_password', ip: '127.0.0.1' })]);
    expect(await failedLogins(ctx, 'ghost-user')).toEqual([expect.objectContaining({ reason: 'unknown_user' })]);
  });

  it('takes a username whatever its case, and refuses a case twin of an existing one', async () => {
    const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102', username: 'caseuser' });
    expect((await loginAs(app, 'CaseUser', u.password)).status).toBe(200);
    await expect(createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102', username: 'CASEUSER' })).rejects.toMatchObject({ code: 'E1202' });
  });

  it.each(['Password1', 'P@ssw0rd', 'Admin@123', '1qaz@WSX', 'Aa123456!'])('refuses the common password %s with E2008', async (password) => {
    await expect(createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102', password })).rejects.toMatchObject({ code: 'E2008' });
  });

  it('refuses a malformed username with E2015 naming the rule', async () => {
    await expect(createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102', username: 'has space' })).rejects.toMatchObject({ code: 'E2015' });
  });

  it('refuses a password built from the username with E2014', async () => {
    await expect(createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102', username: 'kunming', password: 'Kunming#2024x' })).rejects.toMatchObject({ code: 'E2014' });
  });
});

describe('a login flood', () => {
  let ctx: TestContext;
  let app: App;
  afterEach(async () => {
    await app.close();
    await ctx.dispose();
  });

  it('refuses an address past its logins per minute with 429 E2012 and a retry time, before any password check', async () => {
    ctx = await createTestContext({ demo: false, security: { loginRatePerMinute: 3 } });
    app = await testApp(ctx);
    const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    for (let i = 0; i < 3; i++) expect((await loginAs(app, u.username, `Wrong#${i}-guess`)).status).toBe(401);
    const refused = await loginAs(app, u.username, u.password);
    expectError(refused, 429, 'E2012');
    expect(refused.body.error.retryAfter).toBeGreaterThan(0);
    expect(await failedLogins(ctx, u.username)).toHaveLength(3);
  });

  it('answers every one of 60 logins at once, refusing those beyond the hash queue with 503 E1010, and still serves', async () => {
    ctx = await createTestContext({ demo: false, security: { loginConcurrency: 1 } });
    app = await testApp(ctx);
    const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
    const answers = await Promise.all(Array.from({ length: 60 }, () => loginAs(app, 'flood-nobody', 'Wrong#guess-1')));
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) expectError(a, 503, 'E1010');
    expect(answers.filter((a) => a.status !== 503).every((a) => a.status === 401)).toBe(true);
    expect((await loginAs(app, u.username, u.password)).status).toBe(200);
  });
});
