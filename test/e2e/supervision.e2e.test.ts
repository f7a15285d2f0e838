/**
 * Supervision in the browser: the nation pastes seed 001, publishes it and hands one task to
 * 云南省, which hands it on to 昆明市; 昆明市 reports progress and sees the light change with the
 * clock (green → yellow when a quarterly report is overdue → green once reported → red past due).
 * Then a rectification item from a gap list is refused closure until new reports lift the
 * indicator, and closes. Each step is looked at as its user would (screenshots at 1280 and 390 px).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Facility } from '../../src/domain/facility.js';
import type { TaskViewDto } from '../../src/domain/api/supervision.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { SHOTS_DIR } from '../support/browser.js';
import { completeValues, createTestReport, createTestUser, FUMIN } from '../support/builders/index.js';
import { apiGet, logIn, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

const SEED_001 = readFileSync(new URL('../../programs/grassroots-tcm/policies/2024-中医医政工作要点.txt', import.meta.url), 'utf8');
const DAY = 1440;
let web: WebApp;
let clinics: Facility[] = [];

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
  await createTestUser(web.ctx, { role: 'AREA_ADMIN', scopeCode: '5301', username: 'kunming', password: DEMO_PASSWORD });
  await createTestUser(web.ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN, username: 'fumin', password: DEMO_PASSWORD });
  // 富民县's village clinics: most do not provide TCM in 2024, so the county is on the gap list.
  const { items } = await web.ctx.store.repos.facilities.list({ area: { level: 3, code: FUMIN }, type: 'VC', status: 'open' }, { offset: 0, limit: 5000 });
  clinics = items as unknown as Facility[];
  for (const [k, f] of clinics.entries()) await createTestReport(web.ctx, { facility: f, period: '2024', values: completeValues(web.ctx, 'VC', { provides_tcm: k % 4 === 0 }) });
});

afterAll(async () => {
  await web?.close();
});

/** A fresh login (after the clock moved on, the sessions of the day before have expired and are swept). */
async function freshPage(username: string, opts: BrowserContextOptions = {}): Promise<Page> {
  const context = await web.browser.newContext(opts);
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await logIn(page, web.base, username);
  return page;
}

async function taskOf(page: Page, lead: string, title: string): Promise<TaskViewDto> {
  if (!page.url().startsWith('http')) await page.goto(`${web.base}/inbox`);
  const r = await apiGet<{ items: TaskViewDto[] }>(page, '/api/supervision/tasks');
  const t = r.body.items.filter((x) => x.leadArea === lead && x.title === title).sort((a, b) => b.id - a.id)[0];
  if (!t) throw new Error(`no task of ${lead}`);
  return t;
}

const lightOn = (page: Page) => page.getByTestId('task-summary').locator('[data-testid^=light-]').first().getAttribute('data-testid');
const TITLE = '深入实施基层中医药服务能力提升工程';

describe('a plan from seed 001, handed down to 昆明市', () => {
  it('the nation pastes the text, checks the 13 items and publishes them as tasks', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/supervision?tab=plans`);
    await page.getByTestId('new-plan').click();
    await page.getByTestId('plan-title').fill('2025 年中医医政工作要点（测试）');
    await page.locator('[data-testid=plan-year] input, input[data-testid=plan-year]').first().fill('2025');
    await page.getByTestId('plan-text').fill(SEED_001);
    await page.getByTestId('plan-parse').click();
    await expect.poll(() => page.getByTestId('plan-items').locator('tbody tr.ant-table-row').count()).toBe(13);
    await page.screenshot({ path: `${SHOTS_DIR}/supervision-plan-editor-1280.png`, fullPage: true });
    await page.getByTestId('plan-publish').click();
    await page.waitForURL(/tab=tasks/);
    await expect.poll(() => page.getByTestId('task-list').getByText(TITLE).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('hands 基层中医药服务能力提升 to 云南省; 云南省 hands it on to 昆明市', async () => {
    const page = await pageAs(web, 'nation');
    const national = await taskOf(page, 'CN', TITLE);
    await page.goto(`${web.base}/supervision/tasks/${national.id}`);
    await page.getByTestId('task-cascade').click();
    await page.getByTestId('cascade-areas').getByText('云南省').click();
    await page.getByTestId('task-action').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('task-children').getByText('云南省').count()).toBe(1);

    const yn = await pageAs(web, 'yunnan');
    const province = await taskOf(yn, '53', TITLE);
    expect(province.parentId).toBe(national.id);
    await yn.goto(`${web.base}/supervision/tasks/${province.id}`);
    await yn.getByTestId('task-cascade').click();
    await yn.getByTestId('cascade-areas').getByText('昆明市').click();
    await yn.getByTestId('task-action').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => yn.getByTestId('task-children').getByText('昆明市').count()).toBe(1);
  });

  it('昆明市 reports progress; the light follows the clock: green, yellow (report overdue), green, red', async () => {
    let page = await pageAs(web, 'kunming');
    const city = await taskOf(page, '5301', TITLE);
    const start = web.ctx.clock.now();
    onTestFinished(() => web.ctx.clock.advanceMinutes((start.getTime() - web.ctx.clock.now().getTime()) / 60_000));
    const open = async () => {
      await page.goto(`${web.base}/supervision/tasks/${city.id}`);
      await page.getByTestId('task-summary').waitFor();
    };
    await open();
    expect(await lightOn(page)).toBe('light-green');
    web.ctx.clock.advanceMinutes(81 * DAY); // 2025-04-06: the first quarter's report was due on the 5th
    page = await freshPage('kunming');
    await open();
    expect(await lightOn(page)).toBe('light-yellow');
    await page.getByTestId('task-report').click();
    await page.locator('[data-testid=progress-percent] input, input[data-testid=progress-percent]').first().fill('30');
    await page.getByTestId('action-text').fill('已印发实施方案，完成摸底调研');
    await page.getByTestId('task-action').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => lightOn(page)).toBe('light-green');
    await expect.poll(() => page.getByTestId('task-progress').getByText('已印发实施方案，完成摸底调研').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS_DIR}/supervision-task-1280.png`, fullPage: true });
    web.ctx.clock.advanceMinutes(271 * DAY); // 2026-01-02: past due, not done
    page = await freshPage('kunming');
    await open();
    expect(await lightOn(page)).toBe('light-red');
    const phone = await freshPage('kunming', { viewport: { width: 390, height: 844 } });
    await phone.goto(`${web.base}/supervision`);
    await phone.getByTestId('task-list').waitFor();
    await phone.screenshot({ path: `${SHOTS_DIR}/supervision-tasks-390.png`, fullPage: true });
  });
});

describe('a rectification item from a gap list', () => {
  it('is refused closure while 富民县 misses the target, and closes once new reports lift it', async () => {
    const city = await freshPage('kunming');
    await city.goto(`${web.base}/supervision?tab=rect`);
    await city.getByTestId('rect-from-gaps').click();
    await city.getByTestId('gap-period').fill('2024');
    await city.getByTestId('gap-find').click();
    await expect.poll(() => city.getByTestId('gap-candidates').getByText('富民县').count()).toBeGreaterThan(0);
    await city.screenshot({ path: `${SHOTS_DIR}/supervision-gap-list-1280.png`, fullPage: true });
    await city.getByTestId('gap-create').click();
    await expect.poll(() => city.getByTestId('rect-list').getByText('富民县').count()).toBeGreaterThan(0);
    const items = (await apiGet<{ items: { id: number; areaCode: string; issuerArea: string }[] }>(city, '/api/supervision/rect')).body.items;
    const id = items.find((i) => i.areaCode === FUMIN && i.issuerArea === '5301')!.id; // the demo's 云南省 issued one too

    const county = await pageAs(web, 'fumin');
    await county.goto(`${web.base}/supervision/rect/${id}`);
    await county.getByTestId('rect-text').fill('已组织乡镇卫生院对口指导，村卫生室全部开展中医药服务');
    await county.getByTestId('rect-submit').click();
    await expect.poll(() => county.getByTestId('rect-state').textContent()).toContain('待核验');

    await city.goto(`${web.base}/supervision/rect/${id}`);
    await city.getByTestId('rect-close').click();
    await expect.poll(() => city.getByTestId('rect-error').textContent()).toContain('仍未达到 80.0%，不能销号');
    expect(await city.getByTestId('rect-error').textContent()).toMatch(/当前值 \d+\.\d%/);
    await city.screenshot({ path: `${SHOTS_DIR}/supervision-rect-refused-1280.png`, fullPage: true });

    // New reports arrive: every village clinic of 富民县 now provides TCM.
    for (const f of clinics) await createTestReport(web.ctx, { facility: f, period: '2024', values: completeValues(web.ctx, 'VC', { provides_tcm: true }) });
    await city.reload();
    await expect.poll(() => city.getByTestId('rect-live').textContent(), { timeout: 10_000 }).toContain('已达标');
    await city.getByTestId('rect-close').click();
    await expect.poll(() => city.getByTestId('rect-state').textContent()).toContain('已销号');
  });
});

describe('the inbox', () => {
  it('counts what waits in the header and lists it for 五华区', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/inbox`);
    await page.getByTestId('inbox-entries').waitFor();
    expect(await page.getByTestId('inbox-entries').locator('.ant-list-item').count()).toBeGreaterThan(0);
    await expect.poll(async () => Number((await page.getByTestId('inbox-count').locator('.ant-scroll-number').first().getAttribute('title')) ?? 0)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS_DIR}/inbox-1280.png`, fullPage: true });
    const phone = await pageAs(web, 'wuhua', { viewport: { width: 390, height: 844 } });
    await phone.goto(`${web.base}/inbox`);
    await phone.getByTestId('inbox-entries').waitFor();
    await phone.screenshot({ path: `${SHOTS_DIR}/inbox-390.png`, fullPage: true });
  });
});
