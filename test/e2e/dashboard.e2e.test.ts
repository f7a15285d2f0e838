/**
 * The home dashboard in the browser: nation sees the cards (values as the API gives them), the
 * map and the ranking, drills country → province → city → county, switches to English; wuhua
 * sees 五华区 only and cannot go above it. Screenshots at 1280 and 1920 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/server/platform/app.js';
import { STATUS_COLORS } from '../../src/web/features/indicators/indicator-status.js';
import { SHOTS_DIR } from '../support/browser.js';
import type { TestContext } from '../support/test-context.js';
import { apiGet, logIn, MAP_AREAS, startWebApp, type WebApp } from '../support/web-app.js';

let ctx: TestContext;
let app: App;
let browser: Browser;
let base: string;


let web: WebApp;
beforeAll(async () => {
  web = await startWebApp(MAP_AREAS);
  ({ ctx, app, browser, base } = web);
});

afterAll(async () => web?.close());

interface Row {
  areaCode: string;
  areaName: string;
  indicator: string;
  value: number | null;
}

async function loginAs(page: Page, username: string): Promise<void> {
  await logIn(page, base, username);
  await page.waitForURL(/\/dashboard/);
  await cardsLoaded(page);
}

/** Waits until the cards show the values of the current query. */
async function cardsLoaded(page: Page): Promise<void> {
  await page.locator('[data-testid=indicator-cards][data-loading=false]').waitFor();
}


const percent = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

async function cardValue(page: Page, code: string): Promise<string> {
  return (await page.locator(`[data-testid=indicator-card][data-indicator=${code}] [data-testid=indicator-card-value]`).innerText()).trim();
}

/** Clicks an area's name on the y axis of the ranked bar chart (a drill-down). */
async function clickRanked(page: Page, name: string): Promise<void> {
  await page.getByTestId('ranked-bar').locator('svg text', { hasText: name }).first().click();
}

async function breadcrumb(page: Page): Promise<string[]> {
  return (await page.getByTestId('area-breadcrumb').locator('.ant-breadcrumb-link').allInnerTexts()).map((s) => s.trim());
}

/** A full-page screenshot once the charts' animations (400 ms) have ended. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe('dashboard in the browser', () => {
  it('nation sees the cards, the map and the ranking, and drills down to a county', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, 'nation');

    // One card per indicator, each with a value as the API computes it for the same query.
    const { body: inds } = await apiGet<{ items: { code: string }[] }>(page, '/api/indicators');
    expect(await page.getByTestId('indicator-card').count()).toBe(inds.items.length);
    const { body: nation } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=CN');
    for (const code of ['tcm_hall_coverage', 'tcm_education_coverage', 'elderly_tcm_management_rate']) {
      const row = nation.rows.find((r) => r.indicator === code)!;
      expect(row.value).not.toBeNull();
      expect(await cardValue(page, code)).toBe(percent(row.value));
    }
    await expect(page.getByTestId('dashboard-title').innerText()).resolves.toContain('全国');
    await page.getByText('五个全覆盖', { exact: true }).waitFor();
    await page.getByText('机构全覆盖', { exact: true }).waitFor();

    // The map: province outlines as SVG paths, the provinces with data in a status colour.
    const map = page.getByTestId('area-map');
    await map.locator('svg path').first().waitFor();
    const { body: provinces } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=CN&level=province&indicators=tcm_hall_coverage');
    const withValue = provinces.rows.filter((r) => r.value !== null);
    expect(withValue.map((r) => r.areaCode).sort()).toEqual(['11', '44', '53']);
    const bandColours = [STATUS_COLORS.met, STATUS_COLORS.near, STATUS_COLORS.far].map(rgb);
    await expect
      .poll(async () => (await map.locator('svg path').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fill))).filter((f) => bandColours.includes(f)).length)
      .toBeGreaterThanOrEqual(withValue.length);
    expect(await map.locator('svg path').count()).toBeGreaterThan(30);
    // The ranking lists the same provinces, best first.
    const ranked = page.getByTestId('ranked-bar');
    for (const r of withValue) await ranked.locator('svg text', { hasText: r.areaName }).first().waitFor();
    await page.getByTestId('map-note').getByText('审图号').waitFor();
    await shot(page, 'dashboard-nation-1280');

    // Keyboard: a focused card is selected with Enter.
    await page.locator('[data-testid=indicator-card][data-indicator=elderly_tcm_management_rate]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/indicator=elderly_tcm_management_rate/);
    // Selecting another card re-colours the charts for that indicator (and the URL keeps it).
    await page.locator('[data-testid=indicator-card][data-indicator=tcm_education_coverage]').click();
    await page.waitForURL(/indicator=tcm_education_coverage/);
    await expect.poll(() => page.locator('[data-testid=indicator-card][data-indicator=tcm_education_coverage]').getAttribute('aria-pressed')).toBe('true');

    // Drill: country → 云南省 → 昆明市 → 五华区, three clicks.
    await clickRanked(page, '云南省');
    await page.waitForURL(/area=53(&|$)/);
    await cardsLoaded(page);
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: '昆明市' }).first().waitFor();
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省']);
    const { body: yunnan } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=53&indicators=tcm_education_coverage');
    expect(await cardValue(page, 'tcm_education_coverage')).toBe(percent(yunnan.rows[0].value));
    await shot(page, 'dashboard-yunnan-1280');

    await clickRanked(page, '昆明市');
    await page.waitForURL(/area=5301(&|$)/);
    await cardsLoaded(page);
    await page.getByTestId('no-boundary-note').waitFor();
    expect(await page.getByTestId('area-map').count()).toBe(0);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省', '昆明市']);

    await clickRanked(page, '五华区');
    await page.waitForURL(/area=530102(&|$)/);
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省', '昆明市', '五华区']);
    // Townships of 五华区 are ranked; the gap list is one click away.
    const { body: towns } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=530102&level=township&indicators=tcm_education_coverage');
    expect(towns.rows.filter((r) => r.value !== null).length).toBeGreaterThan(0);
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: towns.rows[0].areaName }).first().waitFor();
    expect(await page.getByTestId('gap-list-link').getAttribute('href')).toContain('tab=gaps');
    await page.getByTestId('trend-chart').locator('svg text', { hasText: '2025' }).first().waitFor();
    await shot(page, 'dashboard-wuhua-drill-1280');

    // Back up through the breadcrumb.
    await page.getByTestId('area-breadcrumb').getByText('云南省', { exact: true }).click();
    await page.waitForURL(/area=53(&|$)/);
    await cardsLoaded(page);

    // English: card titles come from the metadata translations.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.locator('[data-testid=indicator-card][data-indicator=tcm_hall_coverage] [data-testid=indicator-card-title]').getByText('TCM hall coverage').waitFor();
    await page.getByText('The five full coverages').waitFor();
    await shot(page, 'dashboard-yunnan-en-1280');
    await page.close();
  });

  it('nation on a 1920-px wall screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await loginAs(page, 'nation');

    // Slow answers: placeholders of the final size, so nothing below them moves when the data arrives.
    const slow = /\/api\/analytics(\/trend)?\?/;
    await page.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${base}/dashboard?period=2023`);
    await page.getByTestId('chart-placeholder').first().waitFor();
    const box = () =>
      page.getByTestId('dashboard-children').evaluate((e) => {
        const r = e.getBoundingClientRect();
        return [Math.round(r.top), Math.round(r.height)];
      });
    const loading = await box();
    await shot(page, 'dashboard-loading-1920');
    await cardsLoaded(page);
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('trend-chart').waitFor();
    expect(await box()).toEqual(loading);
    await page.unroute(slow);

    await page.goto(`${base}/dashboard`);
    await cardsLoaded(page);
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('trend-chart').locator('svg text', { hasText: '2025' }).first().waitFor();
    await shot(page, 'dashboard-nation-1920');
    // Wall screen: the six 五个全覆盖 cards share one row.
    const tops = await page.locator('[data-group] [data-testid=indicator-card]').evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    // Municipalities: 北京市's map shows its districts.
    await page.goto(`${base}/dashboard?area=11`);
    await cardsLoaded(page);
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: '东城区' }).first().waitFor();
    await shot(page, 'dashboard-beijing-1920');
    // Another year: the cards show that year's values.
    await page.getByTestId('dashboard-period').click();
    await page.locator('.ant-select-item-option', { hasText: '2022年' }).click();
    await page.waitForURL(/period=2022/);
    const { body: y2022 } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2022&area=11&indicators=tcm_hall_coverage');
    await expect.poll(() => cardValue(page, 'tcm_hall_coverage')).toBe(percent(y2022.rows[0].value));
    // Down by keyboard: the child-area picker beside the ranking.
    await page.getByTestId('child-select').locator('input').focus();
    await page.keyboard.type('东城');
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=110101(&|$)/);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '北京市', '市辖区', '东城区']);
    await page.close();
  });

  it('wuhua sees only 五华区 and cannot go above it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginAs(page, 'wuhua');
    await expect.poll(() => breadcrumb(page)).toEqual(['五华区']);
    await expect(page.getByTestId('dashboard-title').innerText()).resolves.toContain('五华区');
    const { body: own } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024');
    expect(new Set(own.rows.map((r) => r.areaCode))).toEqual(new Set(['530102']));
    const hall = own.rows.find((r) => r.indicator === 'tcm_hall_coverage')!;
    expect(await cardValue(page, 'tcm_hall_coverage')).toBe(percent(hall.value));

    // 云南省 is out of scope: the server refuses it and the page falls back to 五华区.
    expect((await apiGet(page, '/api/analytics?periods=2024&area=53')).status).toBe(403);
    await page.goto(`${base}/dashboard?area=53`);
    await page.getByTestId('out-of-scope').waitFor();
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['五华区']);
    expect(await cardValue(page, 'tcm_hall_coverage')).toBe(percent(hall.value));
    expect(await page.getByText('云南省').count()).toBe(0);
    await page.getByTestId('ranked-bar').locator('svg text').first().waitFor();
    await shot(page, 'dashboard-wuhua-1280');
    await page.close();
  });
});
