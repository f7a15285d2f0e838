/**
 * The account lifecycle in the browser: an administrator resets a password and disables an
 * account in the users page; a user with a reset password sees only the forced change, then the
 * page they were going to; a user changes their own password from the header.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/user.js';
import { SYSTEM_ACTOR } from '../../src/server/platform/access/actor.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { SHOTS_DIR } from '../support/browser.js';
import type { TestContext } from '../support/test-context.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

const COUNTY = '530102';

let web: WebApp;
let ctx: TestContext;
let browser: Browser;
let base: string;

beforeAll(async () => {
  web = await startWebApp([COUNTY]);
  ({ ctx, browser, base } = web);
});

afterAll(async () => web?.close());

/** A user of 五华区 created through the service, with a password the rules accept. */
async function createUser(username: string, password: string, role: Role = 'VIEWER'): Promise<void> {
  await ctx.services.users.create(SYSTEM_ACTOR, { username, password, role, scopeCode: COUNTY, displayName: `测试${username}` });
}

/** API calls each page has in flight. */
const inFlight = new Map<Page, number>();

/** A fresh browser session (its own cookies) logged in through the form, heading for `next`. */
async function logInAs(username: string, password: string, next: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const count = (d: number) => (r: { url(): string }) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) inFlight.set(page, (inFlight.get(page) ?? 0) + d);
  };
  page.on('request', count(1));
  page.on('requestfinished', count(-1));
  page.on('requestfailed', count(-1));
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.fill('input#username', username);
  await page.fill('input#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** The row of a user in the users page. */
const row = (page: Page, username: string) => page.getByTestId('user-table').locator(`tr[data-row-key="${username}"]`);

async function openUsers(): Promise<Page> {
  const page = await logInAs('wuhua', DEMO_PASSWORD, '/users');
  await page.getByTestId('user-table').locator('tr[data-row-key]').first().waitFor();
  return page;
}

/** Fills the own-password form (modal or full page) and submits it. */
async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-new').fill(next);
  await page.getByTestId('password-confirm').fill(next);
  await page.getByTestId('password-submit').click();
}

async function close(page: Page): Promise<void> {
  await page.context().close();
}

describe('accounts in the browser', () => {
  it('an administrator resets a password; the user sees only the forced change, then lands on the page it was going to', async () => {
    await createUser('clerk-reset', 'Kq7#cre-Zw9x');
    const admin = await openUsers();
    await row(admin, 'clerk-reset').getByTestId('user-reset').click();
    const dialog = admin.locator('.ant-modal', { hasText: '重置“测试clerk-reset”的密码' });
    await dialog.getByText('下次登录时必须修改').waitFor();
    await dialog.getByTestId('user-reset-password').fill('Rv8#tulip-Mq3');
    await dialog.getByTestId('user-reset-ok').click();
    await admin.getByText('已重置“测试clerk-reset”的密码').waitFor();
    await row(admin, 'clerk-reset').getByTestId('user-status').getByText('须修改密码').waitFor();
    await admin.screenshot({ path: `${SHOTS_DIR}/accounts-users.png`, fullPage: true });
    await close(admin);

    const clerk = await logInAs('clerk-reset', 'Rv8#tulip-Mq3', '/facilities');
    await clerk.getByText('请修改密码后继续').waitFor();
    expect(await clerk.getByTestId('side-menu').count()).toBe(0);
    await clerk.screenshot({ path: `${SHOTS_DIR}/accounts-forced.png`, fullPage: true });
    await changePassword(clerk, 'Rv8#tulip-Mq3', 'Nw5$grove-Lp8x');
    await clerk.getByTestId('side-menu').waitFor();
    expect(new URL(clerk.url()).pathname).toBe('/facilities');
    expect(await clerk.getByTestId('password-forced').count()).toBe(0);
    expect((await ctx.services.users.get(SYSTEM_ACTOR, 'clerk-reset')).mustChangePassword).toBe(false);
    await close(clerk);
  });

  it('switches to the forced change when a call answers 403 E2009', async () => {
    await createUser('clerk-flag', 'Kq7#clf-Zw9x');
    const clerk = await logInAs('clerk-flag', 'Kq7#clf-Zw9x', '/divisions');
    // The divisions page's own calls done first, so that the click below makes the refused one.
    await clerk.getByTestId('division-name').waitFor();
    await expect.poll(() => inFlight.get(clerk)).toBe(0);
    // The flag set behind the page's back (as a reset in another process would): the next call is refused.
    const u = (await ctx.store.repos.users.byUsername('clerk-flag'))!;
    await ctx.store.repos.users.update(u.id, { mustChangePassword: true }, new Date().toISOString());
    await clerk.getByTestId('side-menu').getByText('机构管理').click();
    await clerk.getByTestId('password-forced').waitFor();
    expect(await clerk.getByTestId('side-menu').count()).toBe(0);
    await close(clerk);
  });

  it('an administrator disables a user after confirming, and the row shows 已停用', async () => {
    await createUser('clerk-off', 'Kq7#clo-Zw9x');
    const admin = await openUsers();
    // One's own row offers neither disabling nor a reset.
    expect(await row(admin, 'wuhua').getByTestId('user-reset').count()).toBe(0);
    await row(admin, 'clerk-off').getByTestId('user-more').click();
    await admin.getByTestId('user-disable').click();
    await admin.locator('.ant-modal-confirm', { hasText: '停用后该用户无法登录' }).waitFor();
    await admin.getByTestId('user-confirm-ok').click();
    await row(admin, 'clerk-off').getByTestId('user-status').getByText('已停用').waitFor();
    expect((await ctx.services.users.get(SYSTEM_ACTOR, 'clerk-off')).disabled).toBe(true);
    await close(admin);
  });

  it('an administrator edits a display name; each edit opens on its own user', async () => {
    await createUser('clerk-ed1', 'Kq7#ce1-Zw9x');
    await createUser('clerk-ed2', 'Kq7#ce2-Zw9x');
    const admin = await openUsers();
    const form = admin.locator('.ant-modal', { hasText: '编辑用户' });
    await row(admin, 'clerk-ed1').getByTestId('user-edit').click();
    await expect.poll(() => form.locator('#user-form_username').inputValue()).toBe('clerk-ed1');
    await form.getByRole('button', { name: /取\s*消/ }).click();
    await form.waitFor({ state: 'hidden' });
    await row(admin, 'clerk-ed2').getByTestId('user-edit').click();
    await expect.poll(() => form.locator('#user-form_username').inputValue()).toBe('clerk-ed2');
    await form.locator('#user-form_displayName').fill('王小二');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await row(admin, 'clerk-ed2').getByText('王小二').waitFor();
    expect((await ctx.services.users.get(SYSTEM_ACTOR, 'clerk-ed1')).displayName).toBe('测试clerk-ed1');
    await close(admin);
  });

  it('a user changes their own password from the header', async () => {
    await createUser('clerk-own', 'Kq7#clw-Zw9x');
    const page = await logInAs('clerk-own', 'Kq7#clw-Zw9x', '/divisions');
    await page.getByTestId('change-password').click();
    const modal = page.getByTestId('password-modal');
    await modal.waitFor();
    // A wrong current password is named under its field.
    await changePassword(page, 'Wrong#pass-77', 'Hb4%maple-Rt6y');
    await modal.getByText('原密码不正确').waitFor();
    await changePassword(page, 'Kq7#clw-Zw9x', 'Hb4%maple-Rt6y');
    await page.getByText('密码已修改').waitFor();
    await modal.waitFor({ state: 'hidden' });
    await expect(ctx.services.auth.login('clerk-own', 'Hb4%maple-Rt6y')).resolves.toMatchObject({ user: { username: 'clerk-own' } });
    await close(page);
  });
});
