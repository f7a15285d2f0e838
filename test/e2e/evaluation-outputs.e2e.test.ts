/**
 * The evaluation's outputs in the browser: the publicity list printed as a 公文 (issuing office,
 * title, the unit in its attachment), the score sheet printed with each stage's total, and the
 * applications by stage on the dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR } from '../support/browser.js';
import { createNationalApplication, createTestActor, createTestCycle, manualScores } from '../support/builders/index.js';
import { pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
const CYCLE = 'PRINT-2025';
const PANLONG = '530103'; // without facilities in this store: its manual items decide, and it passes
let appId = 0;

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
  await web.ctx.store.repos.divisions.insertMany([{ code: PANLONG, name: '盘龙区', level: 3, parentCode: '5301', kind: 'DISTRICT' }]);
  const cycle = await createTestCycle(web.ctx, { code: CYCLE, name: '2025—2027年度全国基层中医药工作示范县创建' });
  appId = (await createNationalApplication(web.ctx, cycle, PANLONG, 10, 10)).id;
  const nation = await createTestActor(web.ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  await web.ctx.services.reviews.score(nation, appId, manualScores(10));
  await web.ctx.services.reviews.submit(nation, appId, 'pass');
});

afterAll(async () => {
  await web?.close();
});

describe('printed outputs', () => {
  it('the publicity list is a 公文 from the national office with the unit in its attachment', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/evaluation?cycle=${CYCLE}`);
    await page.getByTestId('eval-stage-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '公示' }).first().click();
    await page.getByTestId('eval-print-list-link').click();
    await page.waitForURL(/\/evaluation\/print\/cycles\/PRINT-2025\?stage=PUBLICITY$/);
    await expect.poll(() => page.getByTestId('eval-print-title').textContent()).toBe('关于2025—2027年度全国基层中医药工作示范县拟命名名单的公示');
    expect(await page.locator('.gw-issuer').textContent()).toBe('国家中医药管理局');
    expect(await page.getByTestId('eval-print-rows').locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('盘龙区')]);
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-publicity-print.png`, fullPage: true });
  });

  it('the score sheet prints every stage’s total', async () => {
    const page = await pageAs(web, 'yunnan');
    await page.goto(`${web.base}/evaluation/applications/${appId}`);
    await page.getByTestId('eval-print-sheet-link').click();
    const items = page.getByTestId('eval-print-items');
    await items.waitFor();
    const header = await items.locator('thead th').allTextContents();
    expect(header).toEqual(['评分项', '分值', '自动得分（依据）', '自评', '省级评审', '国家评审']);
    expect(await items.locator('tbody tr').last().textContent()).toContain('合格');
  });
});

describe('on the dashboard', () => {
  it('the nation sees the newest cycle’s applications by stage', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/dashboard`);
    const card = page.getByTestId('eval-overview');
    await card.getByText('2025—2027年度全国基层中医药工作示范县创建', { exact: false }).first().waitFor();
    await card.getByTestId('eval-overview-chart').waitFor();
    expect(await card.textContent()).toContain('公示');
  });
});
