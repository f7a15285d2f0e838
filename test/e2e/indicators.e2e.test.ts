/**
 * Indicator view, gap list and facility view in the browser: the numbers on screen are the API's,
 * the colours follow the target status, the Excel export holds every gap row, and scope is kept.
 * One behaviour per test, each on a page of its own opened where it starts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/server/platform/app.js';
import type { GapItem, IndicatorRow } from '../../src/web/features/indicators/analytics-api.js';
import { formatPercent, notApplicable, STATUS_BG, statusBand } from '../../src/web/features/indicators/indicator-status.js';
import { SHOTS_DIR } from '../support/browser.js';
import { createTestFacility } from '../support/builders/index.js';
import type { TestContext } from '../support/test-context.js';
import { apiGet, downloaded, MAP_AREAS, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let ctx: TestContext;
let app: App;
let browser: Browser;
let base: string;
const PERIOD = '2024';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp(MAP_AREAS);
  ({ ctx, app, browser, base } = web);
});

afterAll(async () => web?.close());

const NORMAL = { width: 1280, height: 800 };
const WIDE = { width: 1920, height: 1080 };

/** A page logged in as the user, on the indicator view at `query` (after the period). */
async function indicatorsAs(username: string, query = '', viewport = NORMAL): Promise<Page> {
  const page = await pageAs(web, username, { viewport, acceptDownloads: true });
  await page.goto(`${base}/indicators?period=${PERIOD}${query}`);
  await page.getByTestId('side-menu').waitFor();
  return page;
}

/** The gap list of 村卫生室中医药服务提供率 in 富民县, through the API, page by page. */
const GAP_URL = `/api/analytics/gaps?indicator=vc_tcm_service&period=${PERIOD}&area=530124`;
const GAPS_QUERY = '&area=530124&tab=gaps&indicator=vc_tcm_service';



/** Every `[data-testid=ind-cell]` on the page: area|indicator → { text, band, background of its cell }. */
async function matrixCells(page: Page): Promise<Map<string, { text: string; band: string; bg: string }>> {
  const cells = await page.$$eval('[data-testid=ind-cell]', (els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      const td = el.closest('td');
      return { key: `${el.dataset.area}|${el.dataset.indicator}`, text: el.textContent ?? '', band: el.dataset.band ?? '', bg: td ? getComputedStyle(td).backgroundColor : '' };
    }),
  );
  return new Map(cells.map((c) => [c.key, c]));
}

const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

/** The codes of the drill links, in screen order. */
const drillCodes = (page: Page) => page.$$eval('[data-testid=ind-drill]', (els) => els.map((e) => (e as HTMLElement).dataset.code ?? ''));

async function expectMatrixMatches(page: Page, area: string, level: string): Promise<IndicatorRow[]> {
  const { body } = await apiGet<{ rows: IndicatorRow[] }>(page, `/api/analytics?periods=${PERIOD}&area=${area}&level=${level}`);
  const own = await apiGet<{ rows: IndicatorRow[] }>(page, `/api/analytics?periods=${PERIOD}&area=${area}`);
  const areas = [...new Set(body.rows.map((r) => r.areaCode))];
  await page.locator(`[data-testid=ind-drill][data-code="${areas[0]}"]`).waitFor();
  expect((await drillCodes(page)).sort()).toEqual(areas.sort());
  const cells = await matrixCells(page);
  for (const r of [...body.rows, ...own.body.rows]) {
    const c = cells.get(`${r.areaCode}|${r.indicator}`);
    expect(c, `${r.areaCode} ${r.indicator}`).toBeDefined();
    // Nothing counted in the area (a province without facilities in this store): 不适用, not a value.
    const na = notApplicable(r);
    expect(c!.text).toBe(na ? '不适用' : formatPercent(r.value));
    const band = statusBand(r.value, r.target, r.met);
    expect(c!.band).toBe(na ? 'na' : band);
    expect(c!.bg).toBe(rgb(STATUS_BG[band]));
  }
  return body.rows;
}

describe('indicator view as nation', () => {
  it('shows a legend of the four status bands', async () => {
    const page = await indicatorsAs('nation');
    await page.getByTestId('indicator-legend').waitFor();
    for (const band of ['met', 'near', 'far', 'none']) expect(await page.locator(`[data-testid=indicator-legend] [data-band=${band}]`).count()).toBe(1);
    expect(await page.getByTestId('indicator-legend').innerText()).toContain('达标');
  });

  it('shows the provinces × indicators as the API gives them, met and unmet in their colours', async () => {
    const page = await indicatorsAs('nation');
    const rows = await expectMatrixMatches(page, 'CN', 'province');
    // The demo data has met and unmet provinces: both colours are on screen.
    const bands = new Set(rows.map((r) => statusBand(r.value, r.target, r.met)));
    expect(bands.has('met') && (bands.has('near') || bands.has('far'))).toBe(true);
  });

  it('shows the completeness of the country beside the figures', async () => {
    const page = await indicatorsAs('nation');
    const own = (await apiGet<{ rows: IndicatorRow[] }>(page, `/api/analytics?periods=${PERIOD}&area=CN`)).body.rows;
    const widest = own.reduce((a, r) => (r.expectedReports > a.expectedReports ? r : a));
    await expect.poll(() => page.getByTestId('ind-completeness').innerText()).toContain(formatPercent(widest.reportedReports / widest.expectedReports));
  });

  it('sorting by an indicator orders the rows by its value', async () => {
    const page = await indicatorsAs('nation');
    const rows = await expectMatrixMatches(page, 'CN', 'province');
    await page.locator('th', { has: page.locator('[data-testid=ind-col][data-indicator=tcm_hall_coverage]') }).click();
    const hall = new Map(rows.filter((r) => r.indicator === 'tcm_hall_coverage').map((r) => [r.areaCode, r.value ?? 2]));
    const sorted = (await drillCodes(page)).map((c) => hall.get(c) ?? 2);
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    await page.screenshot({ path: `${SHOTS_DIR}/indicators-nation-1280.png`, fullPage: true });
  });

  it('drills from the country to a county in three clicks: 云南省 → 昆明市 → 富民县, each level the API’s', async () => {
    const page = await indicatorsAs('nation');
    await expectMatrixMatches(page, 'CN', 'province');
    for (const [code, level] of [['53', 'city'], ['5301', 'county'], ['530124', 'township']] as const) {
      await page.locator(`[data-testid=ind-drill][data-code="${code}"]`).click();
      await page.waitForURL((u) => u.searchParams.get('area') === code);
      await expectMatrixMatches(page, code, level);
    }
    expect(await page.getByTestId('area-breadcrumb').innerText()).toMatch(/全国\s*\/\s*云南省\s*\/\s*昆明市\s*\/\s*富民县/);
    await page.screenshot({ path: `${SHOTS_DIR}/indicators-county-1280.png`, fullPage: true });
  });

  it('the gap list of an indicator chosen by name shows the API’s first page of gaps', async () => {
    const page = await indicatorsAs('nation', '&area=530124');
    await page.getByRole('tab', { name: '差距清单' }).click();
    await page.getByTestId('gap-indicator').click();
    await page.keyboard.type('村卫生室中医药服务提供率');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('indicator') === 'vc_tcm_service');
    const first = (await apiGet<{ items: GapItem[]; total: number }>(page, `${GAP_URL}&page=1&pageSize=20`)).body;
    expect(first.total).toBeGreaterThan(0);
    await page.locator(`[data-testid=gap-total][data-total="${first.total}"]`).waitFor();
    await page.locator(`[data-testid=gap-table] [data-code="${first.items[0].code}"]`).waitFor();
    const shown = await page.$$eval('[data-testid=gap-table] tbody tr[data-row-key]', (trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
    expect(shown).toEqual(first.items.map((i) => i.code));
    expect(shown.length).toBe(Math.min(20, first.total));
    await page.screenshot({ path: `${SHOTS_DIR}/indicators-gaps-1280.png`, fullPage: true });
  });

  it('the gap export holds every gap row of every page', async () => {
    const page = await indicatorsAs('nation', GAPS_QUERY);
    const first = (await apiGet<{ items: GapItem[]; total: number }>(page, `${GAP_URL}&page=1&pageSize=20`)).body;
    await page.locator(`[data-testid=gap-total][data-total="${first.total}"]`).waitFor();
    const all: GapItem[] = [];
    for (let p = 1; all.length < first.total; p++) all.push(...(await apiGet<{ items: GapItem[] }>(page, `${GAP_URL}&page=${p}&pageSize=20`)).body.items);
    const wb = await downloaded(page, () => page.getByTestId('gap-export').click(), 'gtcm-gaps-');
    const codes: string[] = [];
    wb.worksheets[0].eachRow((row, i) => {
      if (i > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes.length).toBe(first.total);
    expect(codes).toEqual(all.map((g) => g.code));
  });

  it('a facility of the gap list opens on its registry, its report history and its own result', async () => {
    const page = await indicatorsAs('nation', GAPS_QUERY);
    const target = (await apiGet<{ items: GapItem[] }>(page, `${GAP_URL}&page=1&pageSize=20`)).body.items[0];
    await page.locator(`[data-testid=gap-facility][data-code="${target.code}"]`).click();
    await page.waitForURL(`**/facilities/${target.code}`);
    await page.getByTestId('fv-registry').getByText(target.name).first().waitFor();
    // One row per year to pick from (GET /api/periods: the first period to the one being collected).
    const years = (await apiGet<{ periods: { code: string }[] }>(page, '/api/periods')).body.periods.map((p) => p.code);
    await page.locator('[data-testid=fv-status]').nth(years.length - 1).waitFor();
    expect(await page.locator('[data-testid=fv-status]').count()).toBe(years.length);
    for (const [i, year] of years.entries()) {
      const { body } = await apiGet<{ report: { status: string; approvalLevel: number | null } | null }>(page, `/api/reports/GTCM_ANNUAL/${year}/${target.code}`);
      const want = !body.report ? 'NONE' : body.report.status === 'APPROVED' ? `APPROVED${body.report.approvalLevel ?? 3}` : body.report.status;
      expect(await page.locator('[data-testid=fv-status]').nth(i).getAttribute('data-status')).toBe(want);
    }
    // The facility falls short of vc_tcm_service in 2024: its own result says so.
    const cell = page.locator(`[data-testid=fv-value][data-indicator=vc_tcm_service][data-year="${PERIOD}"]`);
    expect(await cell.getAttribute('data-result')).toBe(target.reported ? 'not-met' : 'none');
    await page.screenshot({ path: `${SHOTS_DIR}/facility-view-1280.png`, fullPage: true });
  });
});

describe('indicator view as nation on a 1920-px wall screen', () => {
  it('shows the provinces × indicators as the API gives them', async () => {
    const page = await indicatorsAs('nation', '', WIDE);
    await expectMatrixMatches(page, 'CN', 'province');
    await page.screenshot({ path: `${SHOTS_DIR}/indicators-nation-1920.png`, fullPage: true });
  });

  it('导出Excel of the table: one row per province × indicator, with the API’s values', async () => {
    const page = await indicatorsAs('nation', '', WIDE);
    const rows = await expectMatrixMatches(page, 'CN', 'province');
    const wb = await downloaded(page, () => page.getByTestId('ind-export').click(), 'gtcm-values-');
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).map(String);
    const [codeCol, indCol, valueCol] = ['区划代码', '指标代码', '值'].map((h) => header.indexOf(h));
    const exported = new Map<string, unknown>();
    wb.worksheets[0].eachRow((row, i) => {
      if (i > 1) exported.set(`${String(row.getCell(codeCol).value)}|${String(row.getCell(indCol).value)}`, row.getCell(valueCol).value);
    });
    expect(exported.size).toBe(rows.length);
    for (const r of rows) expect(exported.get(`${r.areaCode}|${r.indicator}`) ?? null).toBe(r.value);
  });

  it('shows the gap list of 云南省', async () => {
    const page = await indicatorsAs('nation', '&area=53&tab=gaps', WIDE);
    await page.locator('[data-testid=gap-total]').waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/indicators-gaps-1920.png`, fullPage: true });
  });
});

describe('indicator view as wuhua', () => {
  it('shows only the townships of 五华区', async () => {
    const page = await indicatorsAs('wuhua');
    const rows = await expectMatrixMatches(page, '530102', 'township');
    expect(rows.every((r) => r.areaCode.startsWith('530102') && r.areaCode.length === 9)).toBe(true);
    expect(await page.getByText('云南省').count()).toBe(0);
    expect(await page.getByTestId('area-breadcrumb').innerText()).toContain('五华区');
    await page.screenshot({ path: `${SHOTS_DIR}/indicators-wuhua-1280.png`, fullPage: true });
  });

  it('the gap list of another county is refused (403 E2102)', async () => {
    const page = await indicatorsAs('wuhua');
    const refused = await apiGet<{ error: { code: string } }>(page, `/api/analytics/gaps?indicator=vc_tcm_service&period=${PERIOD}&area=530103`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('E2102');
  });

  it('a facility of another county does not open: 无权查看该机构', async () => {
    const other = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530103003', name: '盘龙区测试社区卫生服务中心' });
    const page = await pageAs(web, 'wuhua', { viewport: NORMAL });
    await page.goto(`${base}/facilities/${other.code}`);
    await page.getByTestId('fv-error').waitFor();
    expect(await page.getByTestId('fv-error').innerText()).toContain('无权查看该机构');
    await page.screenshot({ path: `${SHOTS_DIR}/facility-view-no-access.png`, fullPage: true });
  });
});
