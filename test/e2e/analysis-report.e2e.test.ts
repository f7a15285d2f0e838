/**
 * Analysis (pivot, favourites, pin to the dashboard) and the printable annual report, in the
 * browser: values checked against the API, the report printed to an A4 PDF, scope enforced.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/server/platform/app.js';
import { SHOTS_DIR } from '../support/browser.js';
import type { TestContext } from '../support/test-context.js';
import { apiGet, logIn, MAP_AREAS, startWebApp, type WebApp } from '../support/web-app.js';

let ctx: TestContext;
let app: App;
let browser: Browser;
let base: string;

interface Row {
  areaCode: string;
  areaName: string;
  indicator: string;
  period: string;
  value: number | null;
}

const PDF_PATH = 'test-results/annual-report.pdf';
const FAV_NAME = '云南广东对比（测试）';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp(MAP_AREAS);
  ({ ctx, app, browser, base } = web);
});

afterAll(async () => web?.close());

async function loginAs(page: Page, username: string): Promise<void> {
  await logIn(page, base, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}


const percent = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/** Picks an option of the antd select with the given test id by typing its label. */
async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).locator('input').fill(label);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

describe('analysis and annual report in the browser', () => {
  it('nation: pivot table matches the API, bars and map draw, a favourite is saved, pinned and reopened', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await loginAs(page, 'nation');
    await page.goto(`${base}/analysis`);
    await page.getByTestId('analysis-controls').waitFor();

    // Two indicators instead of the default six: clear the choice, then pick them by name.
    const indicators = page.getByTestId('an-indicators');
    await indicators.hover();
    await indicators.locator('.ant-select-clear').click();
    await pickOption(page, 'an-indicators', '中医馆设置率');
    await pickOption(page, 'an-indicators', '村卫生室中医药服务提供率');
    await page.keyboard.press('Escape');
    // Years 2023 and 2024.
    const years = page.getByTestId('an-periods');
    await years.hover();
    await years.locator('.ant-select-clear').click();
    await years.click();
    for (const y of ['2023年', '2024年']) await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: y }).click();
    await page.keyboard.press('Escape');
    // Breakdown: provinces.
    await page.getByTestId('an-level').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '省级' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ind')).toBe('tcm_hall_coverage,vc_tcm_service');
    expect(new URL(page.url()).searchParams.get('level')).toBe('province');
    await expect.poll(() => new URL(page.url()).searchParams.get('periods')).toBe('2023,2024');
    const periods = '2023,2024';

    // The table shows exactly the API's values, one row per province with data.
    const { body } = await apiGet<{ rows: Row[] }>(page, `/api/analytics?periods=${periods}&indicators=tcm_hall_coverage,vc_tcm_service&area=CN&level=province`);
    const provinces = new Set(body.rows.map((r) => r.areaCode));
    expect(provinces.size).toBeGreaterThanOrEqual(3);
    const table = page.getByTestId('analysis-table');
    await table.locator('[data-cell]').first().waitFor();
    expect(await table.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(provinces.size);
    for (const r of body.rows) {
      const cell = table.locator(`[data-cell="${r.areaCode}|${r.indicator}|${r.period}"]`);
      expect(await cell.textContent(), `${r.areaName} ${r.indicator} ${r.period}`).toBe(percent(r.value));
    }
    await expect.poll(() => table.getByText('云南省', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-table.png`, fullPage: true });

    // Bars, then the map of provinces (SVG drawn).
    await page.getByTestId('an-display').getByText('柱状图', { exact: true }).click();
    await page.getByTestId('analysis-bar').locator('svg path').first().waitFor({ state: 'attached' });
    expect(new URL(page.url()).searchParams.get('display')).toBe('bar');
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-bar.png`, fullPage: true });
    await page.getByTestId('an-display').getByText('地图', { exact: true }).click();
    const map = page.getByTestId('area-map');
    await map.locator('svg').waitFor();
    await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(30);
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-map.png`, fullPage: true });

    // Save as a favourite, then pin it in the favourites drawer.
    await page.getByTestId('an-save').click();
    await page.getByTestId('an-fav-name').fill(FAV_NAME);
    await page.getByTestId('an-fav-name').press('Enter');
    await page.getByTestId('an-current-fav').getByText(FAV_NAME).waitFor();
    const favId = new URL(page.url()).searchParams.get('fav')!;
    expect(favId).toMatch(/^\d+$/);
    await page.getByTestId('an-favourites').click();
    const item = page.getByTestId(`an-fav-${favId}`);
    await item.getByTestId('an-fav-pin').click();
    await item.getByText('已置顶').waitFor();
    const saved = await apiGet<{ items: { id: number; name: string; pinned: boolean; config: Record<string, unknown> } [] }>(page, '/api/favourites');
    const fav = saved.body.items.find((f) => String(f.id) === favId)!;
    expect(fav).toMatchObject({ name: FAV_NAME, pinned: true });
    expect(fav.config).toMatchObject({ indicators: ['tcm_hall_coverage', 'vc_tcm_service'], level: 'province', display: 'map' });
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-favourites.png` });

    // The dashboard shows it pinned, with a link back into the analysis.
    await page.goto(`${base}/dashboard`);
    const pinned = page.getByTestId(`pinned-${favId}`);
    await pinned.getByText(FAV_NAME).waitFor({ timeout: 20_000 });
    await pinned.locator('[data-testid=area-map] svg path').first().waitFor();
    expect(await pinned.getByRole('link', { name: '在分析中打开' }).getAttribute('href')).toBe(`/analysis?fav=${favId}`);
    await pinned.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS_DIR}/dashboard-pinned.png`, fullPage: true });

    // A fresh load of /analysis?fav=<id> restores the saved choices.
    await page.goto(`${base}/analysis?fav=${favId}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('ind')).toBe('tcm_hall_coverage,vc_tcm_service');
    const url = new URL(page.url());
    expect(url.searchParams.get('level')).toBe('province');
    expect(url.searchParams.get('display')).toBe('map');
    expect(url.searchParams.get('periods')).toBe(periods);
    await page.getByTestId('an-current-fav').getByText(FAV_NAME).waitFor();
    await page.getByTestId('area-map').locator('svg path').first().waitFor({ state: 'attached' });
    expect(await page.getByTestId('an-indicators').locator('.ant-select-selection-item').allTextContents()).toEqual(
      expect.arrayContaining(['中医馆设置率', '村卫生室中医药服务提供率']),
    );
    await page.close();
  });

  it('nation: the annual report of 云南省 matches the API and prints to an A4 PDF of several pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, 'nation');
    await page.goto(`${base}/report?area=53&period=2024`);
    const paper = page.getByTestId('report-paper');
    await page.locator('[data-testid=report-paper][data-ready=true]').waitFor({ timeout: 30_000 });
    const title = await page.getByTestId('report-title').textContent();
    expect(title).toContain('云南省');
    expect(title).toContain('2024年度');

    // One target-table row per indicator, with the API's value.
    const { body } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=53&level=province');
    const { body: indicators } = await apiGet<{ items: { code: string }[] }>(page, '/api/indicators');
    const rows = page.getByTestId('report-target-table').locator('tbody tr');
    expect(await rows.count()).toBe(indicators.items.length);
    expect(body.rows).toHaveLength(indicators.items.length);
    for (const r of body.rows) {
      const row = page.getByTestId('report-target-table').locator(`tr[data-indicator="${r.indicator}"]`);
      expect(await row.getByTestId('report-target-value').textContent(), r.indicator).toBe(percent(r.value));
    }
    // Charts and the map are drawn before printing.
    await paper.getByTestId('report-trend').locator('svg path').first().waitFor({ state: 'attached' });
    await paper.getByTestId('report-bar-vc_tcm_service').locator('svg path').first().waitFor({ state: 'attached' });
    await paper.getByTestId('area-map').locator('svg path').first().waitFor({ state: 'attached' });
    expect(await page.getByTestId('report-print').isEnabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS_DIR}/annual-report.png`, fullPage: true });

    mkdirSync('test-results', { recursive: true });
    await page.pdf({ path: PDF_PATH, format: 'A4', printBackground: true });
    const pdf = readFileSync(PDF_PATH);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('wuhua: the report of 五华区 works; 云南省 is out of scope', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, 'wuhua');
    await page.goto(`${base}/report?area=530102&period=2024`);
    await page.locator('[data-testid=report-paper][data-ready=true]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-title').textContent()).toContain('五华区');
    const { body } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=530102&level=county&indicators=vc_tcm_service');
    const row = page.getByTestId('report-target-table').locator('tr[data-indicator="vc_tcm_service"]');
    expect(await row.getByTestId('report-target-value').textContent()).toBe(percent(body.rows[0].value));
    // A county has no boundary file: a note instead of a map.
    await page.getByTestId('report-map-none').or(page.getByText('本区域暂无边界数据')).first().waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/annual-report-wuhua.png`, fullPage: true });

    await page.goto(`${base}/report?area=53&period=2024`);
    await page.getByTestId('report-error').waitFor();
    expect(await page.getByTestId('report-paper').textContent()).not.toContain('云南省');
    expect(await page.getByTestId('report-target-table').count()).toBe(0);
    expect(await page.getByTestId('report-print').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS_DIR}/annual-report-out-of-scope.png`, fullPage: true });
    await page.close();
  });
});
