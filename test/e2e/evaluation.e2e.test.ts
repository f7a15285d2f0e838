/**
 * 评审评估 in the browser: the example standard's items as data, the automatic scores of 昆明市's
 * counties as the API computes them, and one county's drawer explaining each item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoscoreAnswer } from '../../src/domain/api/evaluation.js';
import { SHOTS_DIR } from '../support/browser.js';
import { apiGet, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
  // 富民县 named in 2018 (in the demo it is creating in this cycle, so it holds no title).
  await web.ctx.store.repos.titles.upsertMany([{ divisionCode: '530124', title: 'DEMO_COUNTY', granted: 2018, withdrawn: null, source: 'test' }]);
});

afterAll(async () => {
  await web?.close();
});

describe('评审评估', () => {
  it('lists the standard’s eighteen items and scores 昆明市’s counties as the API does', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/evaluation?tab=autoscore&standard=DEMO_COUNTY&period=2024&area=5301`);
    await page.locator('[data-testid=eval-items] tbody tr.ant-table-row').nth(17).waitFor();
    expect(await page.locator('[data-testid=eval-items] tbody tr.ant-table-row').count()).toBe(18);
    const { body } = await apiGet<AutoscoreAnswer>(page, '/api/evaluation/autoscore?standard=DEMO_COUNTY&period=2024&area=5301');
    await page.getByTestId('eval-subject').first().waitFor();
    const fumin = body.rows.filter((r) => r.subjectCode === '530124');
    const points = Math.round(fumin.reduce((n, r) => n + (r.applicable && r.points !== null ? r.points : 0), 0) * 10) / 10;
    const row = page.locator('[data-testid=eval-scores] tbody tr.ant-table-row', { hasText: '富民县' });
    expect(await row.getByTestId('eval-points').innerText()).toMatch(new RegExp(`^${points} / \\d+$`));
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-1280.png`, fullPage: true });
  });

  it('a county’s drawer says how each automatic item was scored', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/evaluation?tab=autoscore&standard=DEMO_COUNTY&period=2024&area=5301`);
    const { body } = await apiGet<AutoscoreAnswer>(page, '/api/evaluation/autoscore?standard=DEMO_COUNTY&period=2024&area=5301');
    const b2 = body.rows.find((r) => r.subjectCode === '530124' && r.item === 'B2')!;
    await page.locator('[data-testid=eval-scores] tbody tr.ant-table-row', { hasText: '富民县' }).getByTestId('eval-subject').click();
    const detail = page.getByTestId('eval-detail-B2');
    await detail.waitFor();
    expect(await detail.innerText()).toContain(`分子 ${b2.numerator} / 分母 ${b2.denominator}`);
    expect(await detail.innerText()).toContain(`${b2.points} / ${b2.maxPoints}`);
    // 五华区 is a 市辖区: B1 does not apply there.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=eval-scores] tbody tr.ant-table-row', { hasText: '五华区' }).getByTestId('eval-subject').click();
    await expect.poll(() => page.getByTestId('eval-detail-B1').innerText()).toBe('不适用');
  });

  it('复审预警: a named county below the pass line is listed, and a failed re-review withdraws its title', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/evaluation?tab=warning&standard=DEMO_COUNTY&period=2024&area=5301`);
    const { body } = await apiGet<{ items: { subjectCode: string; subjectName: string }[] }>(page, '/api/evaluation/early-warning?standard=DEMO_COUNTY&period=2024&area=5301');
    expect(body.items.length).toBeGreaterThan(0);
    const first = body.items[0];
    const row = page.locator('[data-testid=eval-warnings] tbody tr.ant-table-row', { hasText: first.subjectName });
    await row.getByTestId('eval-withdraw').click();
    await page.getByTestId('eval-withdraw-note').fill('复审总分低于合格线');
    await page.getByTestId('eval-withdraw-ok').click();
    await row.getByTestId('eval-withdrawn').waitFor();
    await expect
      .poll(async () => (await apiGet<{ rows: { numerator: number }[] }>(page, `/api/analytics?periods=2025&area=${first.subjectCode}&indicators=demonstration_county_share`)).body.rows[0]?.numerator)
      .toBe(0);
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-warning-1280.png`, fullPage: true });
  });
});
