/**
 * Analysis (pivot, favourites, pin to the dashboard) and the printable annual report, in the
 * browser: values checked against the API, the report printed to an A4 PDF, scope enforced.
 * One behaviour per test, each on a page of its own opened where it starts; a test that needs a
 * saved favourite makes it with the builder.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import unzipper from 'unzipper';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/server/platform/app.js';
import { SHOTS_DIR } from '../support/browser.js';
import type { TestContext } from '../support/test-context.js';
import { createTestFavourite, type TestAnalysisConfig } from '../support/builders/index.js';
import { apiGet, MAP_AREAS, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

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

/** A page logged in as the user, at `path`. */
async function openAs(username: string, path: string): Promise<Page> {
  const page = await pageAs(web, username, { viewport: { width: 1280, height: path.startsWith('/analysis') ? 860 : 900 } });
  await page.goto(`${base}${path}`);
  return page;
}

/** The analysis the tests look at: two indicators, two years, by province. */
const PERIODS = '2023,2024';
const CHOICE = `ind=tcm_hall_coverage,vc_tcm_service&periods=${PERIODS}&level=province`;
const SAVED: TestAnalysisConfig = { indicators: ['tcm_hall_coverage', 'vc_tcm_service'], periods: ['2023', '2024'], area: 'CN', level: 'province', display: 'map' };


const percent = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/** Picks an option of the antd select with the given test id by typing its label. */
async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).locator('input').fill(label);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

describe('analysis in the browser, as nation', () => {
  it('choosing two indicators, two years and the provinces puts the choice in the URL', async () => {
    const page = await openAs('nation', '/analysis');
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
    // The favourite is fetched before the URL takes its choices: under a loaded run that is more than expect.poll's default second.
    await expect.poll(() => new URL(page.url()).searchParams.get('ind'), { timeout: 10_000 }).toBe('tcm_hall_coverage,vc_tcm_service');
    expect(new URL(page.url()).searchParams.get('level')).toBe('province');
    await expect.poll(() => new URL(page.url()).searchParams.get('periods')).toBe(PERIODS);
  });

  it('the pivot table shows exactly the API’s values, one row per province with data', async () => {
    const page = await openAs('nation', `/analysis?${CHOICE}`);
    const { body } = await apiGet<{ rows: Row[] }>(page, `/api/analytics?periods=${PERIODS}&indicators=tcm_hall_coverage,vc_tcm_service&area=CN&level=province`);
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
  });

  it('draws the bars, and the URL keeps the display', async () => {
    const page = await openAs('nation', `/analysis?${CHOICE}`);
    await page.getByTestId('an-display').getByText('柱状图', { exact: true }).click();
    await page.getByTestId('analysis-bar').locator('svg path').first().waitFor({ state: 'attached' });
    expect(new URL(page.url()).searchParams.get('display')).toBe('bar');
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-bar.png`, fullPage: true });
  });

  it('draws the map of the provinces', async () => {
    const page = await openAs('nation', `/analysis?${CHOICE}&display=bar`);
    await page.getByTestId('an-display').getByText('地图', { exact: true }).click();
    const map = page.getByTestId('area-map');
    await map.locator('svg').waitFor();
    await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(30);
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-map.png`, fullPage: true });
  });

  it('saves the analysis as a favourite and pins it in the favourites drawer', async () => {
    const page = await openAs('nation', `/analysis?${CHOICE}&display=map`);
    await page.getByTestId('area-map').locator('svg path').first().waitFor({ state: 'attached' });
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
    const saved = await apiGet<{ items: { id: number; name: string; pinned: boolean; config: Record<string, unknown> }[] }>(page, '/api/favourites');
    const fav = saved.body.items.find((f) => String(f.id) === favId)!;
    expect(fav).toMatchObject({ name: FAV_NAME, pinned: true });
    expect(fav.config).toMatchObject({ indicators: ['tcm_hall_coverage', 'vc_tcm_service'], level: 'province', display: 'map' });
    await page.screenshot({ path: `${SHOTS_DIR}/analysis-favourites.png` });
  });

  it('a pinned favourite shows on the dashboard, with a link back into the analysis', async () => {
    const fav = await createTestFavourite(ctx, { username: 'nation', name: '置顶的对比（测试）', config: SAVED, pinned: true });
    const page = await openAs('nation', '/dashboard');
    const pinned = page.getByTestId(`pinned-${fav.id}`);
    await pinned.getByText(fav.name).waitFor({ timeout: 20_000 });
    await pinned.locator('[data-testid=area-map] svg path').first().waitFor();
    expect(await pinned.getByRole('link', { name: '在分析中打开' }).getAttribute('href')).toBe(`/analysis?fav=${fav.id}`);
    await pinned.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS_DIR}/dashboard-pinned.png`, fullPage: true });
  });

  it('a fresh load of /analysis?fav=<id> restores the saved choices', async () => {
    const fav = await createTestFavourite(ctx, { username: 'nation', name: '重新打开的对比（测试）', config: SAVED });
    const page = await openAs('nation', `/analysis?fav=${fav.id}`);
    // The favourite is fetched before the URL takes its choices: under a loaded run that is more than expect.poll's default second.
    await expect.poll(() => new URL(page.url()).searchParams.get('ind'), { timeout: 10_000 }).toBe('tcm_hall_coverage,vc_tcm_service');
    const url = new URL(page.url());
    expect(url.searchParams.get('level')).toBe('province');
    expect(url.searchParams.get('display')).toBe('map');
    expect(url.searchParams.get('periods')).toBe(PERIODS);
    await page.getByTestId('an-current-fav').getByText(fav.name).waitFor();
    await page.getByTestId('area-map').locator('svg path').first().waitFor({ state: 'attached' });
    expect(await page.getByTestId('an-indicators').locator('.ant-select-selection-item').allTextContents()).toEqual(
      expect.arrayContaining(['中医馆设置率', '村卫生室中医药服务提供率']),
    );
  });
});

describe('annual report in the browser', () => {
  /** A page as nation on the annual report of 云南省 2024, drawn. */
  async function yunnanReport(): Promise<Page> {
    const page = await openAs('nation', '/report?area=53&period=2024');
    await page.locator('[data-testid=report-paper][data-ready=true]').waitFor({ timeout: 30_000 });
    return page;
  }

  it('nation: the annual report of 云南省 has one target row per indicator, with the API’s value', async () => {
    const page = await yunnanReport();
    const title = await page.getByTestId('report-title').textContent();
    expect(title).toContain('云南省');
    expect(title).toContain('2024年度');
    const { body } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=53&level=province');
    const { body: indicators } = await apiGet<{ items: { code: string }[] }>(page, '/api/indicators');
    const rows = page.getByTestId('report-target-table').locator('tbody tr');
    expect(await rows.count()).toBe(indicators.items.length);
    expect(body.rows).toHaveLength(indicators.items.length);
    for (const r of body.rows) {
      const row = page.getByTestId('report-target-table').locator(`tr[data-indicator="${r.indicator}"]`);
      expect(await row.getByTestId('report-target-value').textContent(), r.indicator).toBe(percent(r.value));
    }
  });

  it('nation: with its charts and map drawn, the report prints to an A4 PDF of several pages', async () => {
    const page = await yunnanReport();
    const paper = page.getByTestId('report-paper');
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
  });

  it('nation: the report downloads as a Word file with its contents, target table, charts and the 编制单位 / 签发 block', async () => {
    const page = await yunnanReport();
    const paper = page.getByTestId('report-paper');
    await paper.getByTestId('report-bar-vc_tcm_service').locator('svg path').first().waitFor({ state: 'attached' });
    await page.locator('[data-testid=report-paper][data-ready=true]').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-word').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(mkdtempSync(join(tmpdir(), 'gtcm-docx-')), 'report.docx');
    await download.saveAs(file);
    const zip = await unzipper.Open.file(file);
    const xml = (await zip.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8');
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words).toContain(String(await page.getByTestId('report-title').textContent()));
    expect(words).toContain('目录');
    expect(words).toContain('村卫生室中医药服务提供率');
    expect(words).toContain('编制单位');
    expect(words).toContain('签发');
    expect(xml).toContain('<w:tbl>');
    const images = zip.files.filter((f) => f.path.startsWith('word/media/') && f.path.endsWith('.png'));
    expect(images.length).toBeGreaterThanOrEqual(3);
  });

  it('wuhua: the report of 五华区 has the API’s values and, a county having no boundary file, a note instead of a map', async () => {
    const page = await openAs('wuhua', '/report?area=530102&period=2024');
    await page.locator('[data-testid=report-paper][data-ready=true]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-title').textContent()).toContain('五华区');
    const { body } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=530102&level=county&indicators=vc_tcm_service');
    const row = page.getByTestId('report-target-table').locator('tr[data-indicator="vc_tcm_service"]');
    expect(await row.getByTestId('report-target-value').textContent()).toBe(percent(body.rows[0].value));
    await page.getByTestId('report-map-none').or(page.getByText('本区域暂无边界数据')).first().waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/annual-report-wuhua.png`, fullPage: true });
  });

  it('wuhua: the report of 云南省 is out of scope — an error, no figures, printing disabled', async () => {
    const page = await openAs('wuhua', '/report?area=53&period=2024');
    await page.getByTestId('report-error').waitFor();
    expect(await page.getByTestId('report-paper').textContent()).not.toContain('云南省');
    expect(await page.getByTestId('report-target-table').count()).toBe(0);
    expect(await page.getByTestId('report-print').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS_DIR}/annual-report-out-of-scope.png`, fullPage: true });
  });
});
