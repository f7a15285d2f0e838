/**
 * The home dashboard in the browser: nation sees the cards (values as the API gives them), the
 * map and the ranking, drills country → province → city → county, switches to English; wuhua
 * sees 五华区 only and cannot go above it. Screenshots at 1280 and 1920 px. One behaviour per
 * test, each on a page of its own opened where it starts; no fixed waits.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/server/platform/app.js';
import { bandShade } from '../../src/web/features/indicators/charts/status-scale.js';
import { SHOTS_DIR } from '../support/browser.js';
import type { TestContext } from '../support/test-context.js';
import { apiGet, chartsSettled, logIn, MAP_AREAS, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

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
  target: number | null;
}

const WIDE = { width: 1920, height: 1080 };
const NORMAL = { width: 1280, height: 900 };

/** A page logged in as the user, on the dashboard at `query`, its cards loaded. */
async function dashboardAs(username: string, query = '', viewport = NORMAL): Promise<Page> {
  const page = await pageAs(web, username, { viewport });
  await page.goto(`${base}/dashboard${query}`);
  await cardsLoaded(page);
  return page;
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

/** A full-page screenshot once the charts' animations have ended. */
async function shot(page: Page, name: string): Promise<void> {
  await chartsSettled(page);
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

describe('dashboard in the browser, as nation (1280 px)', () => {
  it('logging in lands on the dashboard of the whole country', async () => {
    const context = await browser.newContext({ viewport: NORMAL });
    try {
      const page = await context.newPage();
      await logIn(page, base, 'nation');
      await page.waitForURL(/\/dashboard/);
      await cardsLoaded(page);
      await expect(page.getByTestId('dashboard-title').innerText()).resolves.toContain('全国');
    } finally {
      await context.close();
    }
  });

  it('shows one card per indicator, each with the value the API computes for the same query', async () => {
    const page = await dashboardAs('nation');
    const { body: inds } = await apiGet<{ items: { code: string }[] }>(page, '/api/indicators');
    expect(await page.getByTestId('indicator-card').count()).toBe(inds.items.length);
    const { body: nation } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=CN');
    for (const code of ['tcm_hall_coverage', 'tcm_education_coverage', 'elderly_tcm_management_rate']) {
      const row = nation.rows.find((r) => r.indicator === code)!;
      expect(row.value).not.toBeNull();
      expect(await cardValue(page, code)).toBe(percent(row.value));
    }
    await page.getByText('五个全覆盖', { exact: true }).waitFor();
    await page.getByText('机构全覆盖', { exact: true }).waitFor();
  });

  it('colours the provinces with data on the map, each shaded within its band, and ranks the same provinces', async () => {
    const page = await dashboardAs('nation');
    // The map: province outlines as SVG paths, the provinces with data in a status colour.
    const map = page.getByTestId('area-map');
    await map.locator('svg path').first().waitFor();
    const { body: provinces } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=CN&level=province&indicators=tcm_hall_coverage');
    const withValue = provinces.rows.filter((r) => r.value !== null);
    expect(withValue.map((r) => r.areaCode).sort()).toEqual(['11', '44', '53']);
    const shades = withValue.map((r) => rgb(bandShade(r.value, r.target!)));
    const fills = () => map.locator('svg path').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fill));
    await expect.poll(async () => { const f = new Set(await fills()); return shades.filter((c) => f.has(c)).length; }).toBe(shades.length);
    expect(await map.locator('svg path').count()).toBeGreaterThan(30);
    // The 南海诸岛 inset (its frame and 九段线 filled like the borders) and 台湾省 drawn as land, with the note.
    const all = await fills();
    expect(all).toContain(rgb('#8c8c8c'));
    expect(all).toContain(rgb('#f5f5f5'));
    await map.locator('svg text', { hasText: '台湾省、香港特别行政区、澳门特别行政区资料暂缺' }).waitFor();
    // The ranking lists the same provinces, laggards first.
    const ranked = page.getByTestId('ranked-bar');
    for (const r of withValue) await ranked.locator('svg text', { hasText: r.areaName }).first().waitFor();
    await page.getByTestId('map-note').getByText('审图号').waitFor();
    await shot(page, 'dashboard-nation-1280');
  });

  it('selects a focused card with Enter, another with a click; the URL keeps the choice', async () => {
    const page = await dashboardAs('nation');
    await page.locator('[data-testid=indicator-card][data-indicator=elderly_tcm_management_rate]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/indicator=elderly_tcm_management_rate/);
    await page.locator('[data-testid=indicator-card][data-indicator=tcm_education_coverage]').click();
    await page.waitForURL(/indicator=tcm_education_coverage/);
    await expect.poll(() => page.locator('[data-testid=indicator-card][data-indicator=tcm_education_coverage]').getAttribute('aria-pressed')).toBe('true');
  });

  it('drills country → 云南省 → 昆明市 → 五华区 in three clicks on the ranking', async () => {
    const page = await dashboardAs('nation', '?indicator=tcm_education_coverage');
    await clickRanked(page, '云南省');
    await page.waitForURL(/area=53(&|$)/);
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省']);
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: '昆明市' }).first().waitFor();
    await clickRanked(page, '昆明市');
    await page.waitForURL(/area=5301(&|$)/);
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省', '昆明市']);
    await clickRanked(page, '五华区');
    await page.waitForURL(/area=530102(&|$)/);
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省', '昆明市', '五华区']);
  });

  it('on 云南省: its map, its cities ranked, the cards with the province’s values', async () => {
    const page = await dashboardAs('nation', '?area=53&indicator=tcm_education_coverage');
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: '昆明市' }).first().waitFor();
    const { body: yunnan } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=53&indicators=tcm_education_coverage');
    expect(await cardValue(page, 'tcm_education_coverage')).toBe(percent(yunnan.rows[0].value));
    await shot(page, 'dashboard-yunnan-1280');
  });

  it('on 五华区, a city district: 县办中医医疗机构覆盖率 does not apply (not "no data"), said why', async () => {
    const page = await dashboardAs('nation', '?area=530102');
    const card = page.locator('[data-testid=indicator-card][data-indicator=county_tcm_hospital_coverage]');
    await expect.poll(() => card.getAttribute('data-status')).toBe('na');
    expect(await card.getByTestId('indicator-card-na').innerText()).toBe('不适用');
    expect(await card.getByTestId('indicator-card-completeness').innerText()).toBe('本区域无计入的县级单位（市辖区不计）');
  });

  it('on 昆明市, which has no boundary file: a note instead of the map', async () => {
    const page = await dashboardAs('nation', '?area=5301&indicator=tcm_education_coverage');
    await page.getByTestId('no-boundary-note').waitFor();
    expect(await page.getByTestId('area-map').count()).toBe(0);
  });

  it('on 五华区: its townships ranked, the gap list one click away, the trend to 2025', async () => {
    const page = await dashboardAs('nation', '?area=530102&indicator=tcm_education_coverage');
    const { body: towns } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024&area=530102&level=township&indicators=tcm_education_coverage');
    expect(towns.rows.filter((r) => r.value !== null).length).toBeGreaterThan(0);
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: towns.rows[0].areaName }).first().waitFor();
    expect(await page.getByTestId('gap-list-link').getAttribute('href')).toContain('tab=gaps');
    await page.getByTestId('trend-chart').locator('svg text', { hasText: '2025' }).first().waitFor();
    await shot(page, 'dashboard-wuhua-drill-1280');
  });

  it('goes back up through the breadcrumb', async () => {
    const page = await dashboardAs('nation', '?area=530102');
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省', '昆明市', '五华区']);
    await page.getByTestId('area-breadcrumb').getByText('云南省', { exact: true }).click();
    await page.waitForURL(/area=53(&|$)/);
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '云南省']);
  });

  it('in English, the card titles come from the metadata translations', async () => {
    const page = await dashboardAs('nation', '?area=53');
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.locator('[data-testid=indicator-card][data-indicator=tcm_hall_coverage] [data-testid=indicator-card-title]').getByText('TCM hall coverage').waitFor();
    await page.getByText('The five full coverages').waitFor();
    await shot(page, 'dashboard-yunnan-en-1280');
  });
});

describe('dashboard in the browser, as nation on a 1920-px wall screen', () => {
  it('slow answers show placeholders of the final size, so nothing below them moves when the data arrives', async () => {
    const page = await pageAs(web, 'nation', { viewport: WIDE });
    const slow = /\/api\/analytics(\/trend)?\?/;
    await page.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 1500)); // the server's answer made slow, not the test
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
  });

  it('the six 五个全覆盖 cards share one row', async () => {
    const page = await dashboardAs('nation', '', WIDE);
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('trend-chart').locator('svg text', { hasText: '2025' }).first().waitFor();
    await shot(page, 'dashboard-nation-1920');
    const tops = await page.locator('[data-group] [data-testid=indicator-card]').evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  });

  it('a municipality (北京市): the map shows its districts', async () => {
    const page = await dashboardAs('nation', '?area=11', WIDE);
    await page.getByTestId('area-map').locator('svg path').first().waitFor();
    await page.getByTestId('ranked-bar').locator('svg text', { hasText: '东城区' }).first().waitFor();
    await shot(page, 'dashboard-beijing-1920');
  });

  it('another year: the cards show that year’s values', async () => {
    const page = await dashboardAs('nation', '?area=11', WIDE);
    await page.getByTestId('dashboard-period').click();
    await page.locator('.ant-select-item-option', { hasText: '2022年' }).click();
    await page.waitForURL(/period=2022/);
    const { body: y2022 } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2022&area=11&indicators=tcm_hall_coverage');
    await expect.poll(() => cardValue(page, 'tcm_hall_coverage')).toBe(percent(y2022.rows[0].value));
  });

  it('down by keyboard: the child-area picker beside the ranking', async () => {
    const page = await dashboardAs('nation', '?area=11&period=2022', WIDE);
    await page.getByTestId('child-select').locator('input').focus();
    await page.keyboard.type('东城');
    await page.keyboard.press('Enter');
    await page.waitForURL(/area=110101(&|$)/);
    await expect.poll(() => breadcrumb(page)).toEqual(['全国', '北京市', '市辖区', '东城区']);
  });
});

describe('dashboard in the browser, as wuhua', () => {
  it('logging in lands on the dashboard of 五华区, its cards the API’s', async () => {
    const context = await browser.newContext({ viewport: NORMAL });
    try {
      const page = await context.newPage();
      await logIn(page, base, 'wuhua');
      await page.waitForURL(/\/dashboard/);
      await cardsLoaded(page);
      await expect.poll(() => breadcrumb(page)).toEqual(['五华区']);
      await expect(page.getByTestId('dashboard-title').innerText()).resolves.toContain('五华区');
      const { body: own } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024');
      expect(new Set(own.rows.map((r) => r.areaCode))).toEqual(new Set(['530102']));
      const hall = own.rows.find((r) => r.indicator === 'tcm_hall_coverage')!;
      expect(await cardValue(page, 'tcm_hall_coverage')).toBe(percent(hall.value));
    } finally {
      await context.close();
    }
  });

  it('云南省 is out of scope: the server refuses it and the page falls back to 五华区', async () => {
    const page = await dashboardAs('wuhua');
    const { body: own } = await apiGet<{ rows: Row[] }>(page, '/api/analytics?periods=2024');
    const hall = own.rows.find((r) => r.indicator === 'tcm_hall_coverage')!;
    expect((await apiGet(page, '/api/analytics?periods=2024&area=53')).status).toBe(403);
    await page.goto(`${base}/dashboard?area=53`);
    await page.getByTestId('out-of-scope').waitFor();
    await cardsLoaded(page);
    await expect.poll(() => breadcrumb(page)).toEqual(['五华区']);
    expect(await cardValue(page, 'tcm_hall_coverage')).toBe(percent(hall.value));
    expect(await page.getByText('云南省').count()).toBe(0);
    await page.getByTestId('ranked-bar').locator('svg text').first().waitFor();
    await shot(page, 'dashboard-wuhua-1280');
  });
});
