/**
 * One county through the 示范县 review in the browser: 盘龙区 (no facilities in this store, so its
 * automatic items do not apply and the manual ones decide; its demo title withdrawn first, so the
 * naming shows) applies and self-assesses; 云南省 reviews it, and its lower score of F1 is flagged
 * beside the district's; the nation scores F1 as the district did, passes it into publicity,
 * records an objection and resolves it, and names it once publicity is over — and the 14th
 * indicator counts it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ManualClock } from '../../src/server/platform/clock.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { SHOTS_DIR } from '../support/browser.js';
import { createTestUser } from '../support/builders/index.js';
import { apiGet, downloaded, logIn, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
const CYCLE = 'E2E-2025-2027'; // the demo's own cycle is DEMO-2022-2024
const SUBJECT = '530103'; // 盘龙区
let appUrl = '';

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
  // 盘龙区 as a district of 昆明市 without facilities (this store holds the demo of two counties only).
  await web.ctx.store.repos.divisions.insertMany([{ code: SUBJECT, name: '盘龙区', level: 3, parentCode: '5301', kind: 'DISTRICT' }]);
  await web.ctx.store.repos.titles.upsertMany([{ divisionCode: SUBJECT, title: 'DEMO_COUNTY', granted: 2019, withdrawn: 2021, source: 'test' }]);
  // The engine was built at init (the demo's evaluation scores from it); divisions carry no change
  // sequence (the hierarchy is loaded once), so a district added afterwards needs a rebuild.
  await web.ctx.engine.rebuild();
  await createTestUser(web.ctx, { role: 'AREA_ADMIN', scopeCode: SUBJECT, username: 'panlong', password: DEMO_PASSWORD });
  const nation = await web.ctx.services.auth.actorFor('nation');
  await web.ctx.services.reviews.createCycle(nation, {
    code: CYCLE, standard: 'DEMO_COUNTY', name: '2025—2027年度示范县创建（测试）', firstYear: 2025, lastYear: 2027, assessmentYear: '2024', applyFrom: '2025-01-01', applyTo: '2025-03-31', publicityDays: 7,
  });
});

afterAll(async () => {
  await web?.close();
});

/** Picks an option of the antd Select with this test id. */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).first().click();
  // The list closes before the next field is clicked (an open one covers it).
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

async function fillNumber(page: Page, testId: string, value: string) {
  const input = page.locator(`input[data-testid=${testId}], [data-testid=${testId}] input`).first();
  await input.fill(value);
  await input.blur();
}

const stageOf = (page: Page) => page.locator('[data-testid=eval-stage]').first().getAttribute('data-stage');

describe('示范县 review, enrolment to naming', () => {
  it('the county applies and self-assesses', async () => {
    const page = await pageAs(web, 'panlong');
    await page.goto(`${web.base}/evaluation?cycle=${CYCLE}`);
    await page.getByTestId('eval-enrol').click();
    await page.getByTestId('eval-application-link').first().click();
    await page.waitForURL(/\/evaluation\/applications\/\d+$/);
    appUrl = page.url();
    await page.getByTestId('eval-sheet').waitFor();
    await choose(page, 'eval-input-A1', '是');
    await choose(page, 'eval-input-A2', '是');
    await fillNumber(page, 'eval-input-A3', '4');
    await fillNumber(page, 'eval-input-F1', '9');
    await choose(page, 'eval-input-V2', '否');
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-self-1280.png`, fullPage: true });
    await page.getByTestId('eval-pass').click();
    await expect.poll(() => stageOf(page)).toBe('PROVINCE');
  });

  it('the province reviews it; its lower F1 is flagged beside the county’s', async () => {
    const page = await pageAs(web, 'yunnan');
    await page.goto(appUrl);
    await page.getByTestId('eval-sheet').waitFor();
    // The county's scores are the starting point; the province changes F1 only.
    await fillNumber(page, 'eval-input-F1', '5');
    await page.getByTestId('eval-save').click();
    await page.getByText('已保存').first().waitFor();
    await page.getByTestId('eval-pass').click();
    await expect.poll(() => stageOf(page)).toBe('NATIONAL');
    await page.getByTestId('eval-gap-F1').waitFor();
  });

  it('the nation passes it into publicity, records an objection and resolves it', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(appUrl);
    await page.getByTestId('eval-sheet').waitFor();
    await fillNumber(page, 'eval-input-F1', '9');
    await page.getByTestId('eval-pass').click();
    await expect.poll(() => stageOf(page)).toBe('PUBLICITY');
    await page.getByTestId('eval-object').click();
    await page.getByTestId('eval-ask-text').fill('群众反映满意度调查样本不足');
    await page.getByTestId('eval-ask-ok').click();
    await page.getByTestId('eval-resolve').click();
    await page.getByTestId('eval-ask-text').fill('经核实，调查样本符合要求');
    await page.getByTestId('eval-ask-ok').click();
    await page.getByTestId('eval-objections').getByText('已处理：经核实，调查样本符合要求').waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-publicity-1280.png`, fullPage: true });
  });

  it('after publicity the nation names it, and the 14th indicator counts it', async () => {
    (web.ctx.clock as ManualClock).advanceMinutes(8 * 24 * 60);
    // A week on, yesterday's sessions have expired: a fresh login.
    const context = await web.browser.newContext();
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await logIn(page, web.base, 'nation', new URL(appUrl).pathname);
    await page.getByTestId('eval-name').click();
    await page.getByTestId('eval-named').waitFor();
    expect(await stageOf(page)).toBe('NAMED');
    await expect
      .poll(async () => (await apiGet<{ rows: { numerator: number; denominator: number }[] }>(page, `/api/analytics?periods=2025&area=${SUBJECT}&indicators=demonstration_county_share`)).body.rows[0]?.numerator)
      .toBe(1);
  });

  it('the naming list downloads as Excel with the named district', async () => {
    const context = await web.browser.newContext();
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await logIn(page, web.base, 'nation', `/evaluation?cycle=${CYCLE}`);
    await page.getByTestId('eval-stage-filter').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '已命名' }).click();
    await page.getByTestId('eval-application-link').first().waitFor();
    const wb = await downloaded(page, () => page.getByTestId('eval-results').click(), 'gtcm-naming-');
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['序号', '省份', '单位代码', '单位']);
    expect(sheet.getRow(2).getCell(4).value).toBe('盘龙区');
  });
});

