/**
 * Projects and funds in the browser: 富民县 declares a 两专科一中心 project for its county TCM
 * hospital, 云南省 approves it and 富民县 starts it; 云南省 allocates a fund to its counties by
 * factors from the platform's data (the amounts add up to the total to the fen) and stores the
 * batch; 富民县 records spending and 云南省 sees the execution warning; then the acceptance runs
 * as an evaluation and the project is completed. Screenshots at 1280 and 390 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../src/domain/facility.js';
import type { ProjectsAnswer } from '../../src/domain/api/projects-funds.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { SHOTS_DIR } from '../support/browser.js';
import { completeValues, createCountyHospital, createTestReport, createTestUser, FUMIN } from '../support/builders/index.js';
import { apiGet, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
let hospital: Facility;
const NAME = '富民县第二中医医院';

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
  await createTestUser(web.ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN, username: 'fumin', password: DEMO_PASSWORD });
  hospital = await createCountyHospital(web.ctx, FUMIN, NAME);
  await createTestReport(web.ctx, { facility: hospital, period: '2024', values: completeValues(web.ctx, 'COUNTY_TCM_HOSPITAL', { tcm_visits: 650, visits: 1000, tcm_physicians: 6, physicians: 10, tcm_nondrug_visits: 260 }) });
});

afterAll(async () => {
  await web?.close();
});

async function projectId(page: Page): Promise<number> {
  const r = await apiGet<ProjectsAnswer>(page, '/api/projects');
  const p = r.body.items.filter((x) => x.subjectCode === hospital.code).sort((a, b) => b.id - a.id)[0];
  if (!p) throw new Error('no project');
  return p.id;
}

const statusOf = (page: Page) => page.locator('[data-testid^=status-]').first().getAttribute('data-testid');

describe('a 两专科一中心 project, funded by factors and accepted', () => {
  it('富民县 declares the project for its county TCM hospital', async () => {
    const page = await pageAs(web, 'fumin');
    await page.goto(`${web.base}/projects`);
    await page.getByTestId('new-project').click();
    await page.getByTestId('project-subject').click();
    await page.keyboard.type('第二中医');
    // The options are searched as each character is typed: wait for the last search's list (one
    // option) before choosing, so that the click does not land on a list being replaced.
    const option = page.locator('.ant-select-item-option', { hasText: `${NAME}（${hospital.code}）` });
    await expect.poll(() => page.locator('.ant-select-item-option').count(), { timeout: 15_000 }).toBe(1);
    await option.click();
    await expect.poll(() => page.getByTestId('create-project').isEnabled(), { timeout: 5_000 }).toBe(true);
    await page.locator('[data-testid=budget-central] input, input[data-testid=budget-central]').first().fill('3000000');
    await page.getByTestId('create-project').click();
    await page.waitForURL(/\/projects\/\d+$/);
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe('status-DECLARED');
    await page.screenshot({ path: `${SHOTS_DIR}/project-declared-1280.png`, fullPage: true });
  });

  it('云南省 approves it and 富民县 starts construction', async () => {
    const yunnan = await pageAs(web, 'yunnan');
    await yunnan.goto(`${web.base}/projects`);
    const id = await projectId(yunnan);
    await yunnan.goto(`${web.base}/projects/${id}`);
    await yunnan.getByTestId('action-approve').click();
    await expect.poll(() => statusOf(yunnan), { timeout: 15_000 }).toBe('status-APPROVED');
    const fumin = await pageAs(web, 'fumin');
    await fumin.goto(`${web.base}/projects/${id}`);
    await fumin.getByTestId('action-start').click();
    await expect.poll(() => statusOf(fumin), { timeout: 15_000 }).toBe('status-BUILDING');
  });

  it('云南省 allocates a 2022 fund to its counties by factors (a year the demo holds no money for): the amounts sum to the total, and the batch is stored', async () => {
    const page = await pageAs(web, 'yunnan');
    await page.goto(`${web.base}/funds/allocate`);
    await page.getByTestId('alloc-level').click();
    await page.getByText('分配到各县').click();
    await page.getByTestId('build-factors').click();
    await expect.poll(() => page.getByTestId('alloc-table').locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.getByTestId('alloc-total').fill('1000000.01');
    await page.getByTestId('alloc-preview').click();
    await expect.poll(() => page.getByTestId('alloc-sum').textContent(), { timeout: 10_000 }).toBe('1,000,000.01');
    await expect.poll(() => page.getByTestId(`amount-${FUMIN}`).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: `${SHOTS_DIR}/funds-allocate-1280.png`, fullPage: true });
    const year = page.getByRole('spinbutton').last();
    await year.fill('2022');
    await page.getByTestId('alloc-doc').fill('云财社〔2022〕99号');
    await page.getByTestId('alloc-store').click();
    await page.waitForURL(/tab=batches/);
    await expect.poll(() => page.getByTestId('batch-list').getByText('云财社〔2022〕99号').count(), { timeout: 10_000 }).toBe(1);
  });

  it('云南省 also allocates 200,000 yuan of 2022 funds to the project itself', async () => {
    const page = await pageAs(web, 'yunnan');
    await page.goto(`${web.base}/projects?tab=batches`);
    await page.getByTestId('allocate-to-projects').click();
    const modal = page.locator('.ant-modal');
    await modal.getByRole('spinbutton').first().fill('2022');
    await page.getByTestId('manual-batch-doc').fill('云财社〔2022〕100号');
    await modal.locator('.ant-select').nth(1).click();
    const option = page.locator('.ant-select-item-option').filter({ hasText: NAME }).first();
    await expect.poll(() => option.count(), { timeout: 15_000 }).toBe(1);
    await option.click();
    await modal.getByPlaceholder('金额（元）').fill('200000');
    await page.getByTestId('manual-batch-save').click();
    // The modal closes when the batch is stored; a refusal would stay in it, said in words.
    await expect.poll(async () => ((await modal.locator('.ant-alert').count()) ? await modal.locator('.ant-alert').textContent() : (await modal.isVisible()) ? 'open' : 'closed'), { timeout: 15_000 }).toBe('closed');
    await expect.poll(() => page.getByTestId('batch-list').getByText('云财社〔2022〕100号').count(), { timeout: 10_000 }).toBe(1);
  });

  it('富民县 records spending; 云南省 sees 富民县 far behind 序时进度', async () => {
    const fumin = await pageAs(web, 'fumin');
    await fumin.goto(`${web.base}/projects`);
    const id = await projectId(fumin);
    await fumin.goto(`${web.base}/projects/${id}`);
    await fumin.getByTestId('record-spending').click();
    await fumin.getByTestId('spending-amount').fill('5000');
    await fumin.getByTestId('spending-purpose').fill('专科设备采购');
    await fumin.getByTestId('spending-year').click();
    await fumin.locator('.ant-select-item-option').getByText('2022', { exact: true }).click();
    await expect.poll(() => fumin.getByTestId('spending-year').textContent(), { timeout: 15_000 }).toContain('2022');
    await fumin.getByTestId('save-spending').click();
    await expect.poll(() => fumin.getByTestId('fund-records').getByText('专科设备采购').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => fumin.getByTestId('fund-records').getByText('支出（2022年资金）').count(), { timeout: 15_000 }).toBe(1);
    // 5,000 of the project's 200,000 spent, and the 2022 money is due in full: 严重滞后 on its own page.
    await expect.poll(() => fumin.getByTestId('execution-warning').textContent(), { timeout: 15_000 }).toContain('严重滞后');
    await fumin.screenshot({ path: `${SHOTS_DIR}/project-funds-warning-1280.png`, fullPage: true });
    const yunnan = await pageAs(web, 'yunnan');
    await yunnan.goto(`${web.base}/projects?tab=execution`);
    await yunnan.getByTestId('execution-year').click();
    await yunnan.locator('.ant-select-item-option').getByText('2022年').click();
    await yunnan.getByTestId('drill-5301').click();
    const row = yunnan.getByTestId('execution-table').locator('tr', { hasText: '富民县' });
    await expect.poll(() => row.getByTestId('warning-far_behind').count(), { timeout: 10_000 }).toBe(1);
    await yunnan.screenshot({ path: `${SHOTS_DIR}/funds-execution-1280.png`, fullPage: true });
    const phone = await pageAs(web, 'yunnan', { viewport: { width: 390, height: 844 } });
    await phone.goto(`${web.base}/projects?tab=execution`);
    await phone.waitForTimeout(500);
    await phone.screenshot({ path: `${SHOTS_DIR}/funds-execution-390.png`, fullPage: true });
  });

  it('富民县 applies for acceptance; 云南省 scores it by the standard and the project is completed', async () => {
    const fumin = await pageAs(web, 'fumin');
    await fumin.goto(`${web.base}/projects`);
    const id = await projectId(fumin);
    await fumin.goto(`${web.base}/projects/${id}`);
    await expect.poll(() => statusOf(fumin), { timeout: 15_000 }).toBe('status-BUILDING');
    await fumin.screenshot({ path: `${SHOTS_DIR}/project-building-1280.png`, fullPage: true });
    await fumin.getByTestId('action-apply_acceptance').click();
    await expect.poll(() => statusOf(fumin), { timeout: 15_000 }).toBe('status-ACCEPTANCE');
    const page = await pageAs(web, 'yunnan');
    await page.goto(`${web.base}/projects/${id}`);
    await page.locator('[data-testid=score-S1] input, input[data-testid=score-S1]').first().fill('28');
    await page.locator('[data-testid=score-S2] input, input[data-testid=score-S2]').first().fill('10');
    await page.locator('[data-testid=score-C1] input, input[data-testid=score-C1]').first().fill('20');
    await page.getByTestId('score-V1').click();
    await page.locator('.ant-select-item-option').getByText('未触发').click();
    await page.getByTestId('submit-acceptance').click();
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe('status-COMPLETED');
    await expect.poll(() => page.getByTestId('acceptance-result').textContent(), { timeout: 15_000 }).toContain('验收通过');
    await page.screenshot({ path: `${SHOTS_DIR}/project-accepted-1280.png`, fullPage: true });
    const phone = await pageAs(web, 'fumin', { viewport: { width: 390, height: 844 } });
    await phone.goto(`${web.base}/projects/${id}`);
    await expect.poll(() => statusOf(phone), { timeout: 15_000 }).toBe('status-COMPLETED');
    await phone.screenshot({ path: `${SHOTS_DIR}/project-390.png`, fullPage: true });
  });
});
