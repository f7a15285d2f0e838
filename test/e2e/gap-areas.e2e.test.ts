/**
 * The gap list by area, as a provincial or city official uses it: the counties below the view
 * with their number of gaps, a county chosen narrows the list to it, each row names its 县 and
 * 乡镇, and the Excel file holds the same rows with their path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR } from '../support/browser.js';
import { apiGet, downloaded, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
const LIST = '/indicators?area=5301&period=2024&tab=gaps&indicator=vc_tcm_service';

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
});

afterAll(async () => {
  await web?.close();
});

describe('the gap list of 昆明市 by county', () => {
  it('offers the counties with their number of gaps, and a county chosen narrows the list to it', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}${LIST}`);
    const { body: fumin } = await apiGet(page, '/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=1');
    await page.getByTestId('gap-area').click();
    await page.locator('.ant-select-item-option', { hasText: `富民县（${fumin.total.toLocaleString('zh-CN')}）` }).click();
    await page.locator(`[data-testid=gap-total][data-total="${fumin.total}"]`).waitFor();
    const counties = await page.locator('[data-testid=gap-table] tbody tr.ant-table-row td:nth-child(4)').allTextContents();
    expect(counties.length).toBeGreaterThan(0);
    expect(new Set(counties)).toEqual(new Set(['富民县']));
    await page.screenshot({ path: `${SHOTS_DIR}/gap-list-by-county.png`, fullPage: true });
  });

  it('exports the chosen county with each row’s 省, 市, 县 and 乡镇', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}${LIST}`);
    await page.getByTestId('gap-area').click();
    await page.locator('.ant-select-item-option', { hasText: '富民县' }).click();
    const { body: fumin } = await apiGet(page, '/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=1');
    await page.locator(`[data-testid=gap-total][data-total="${fumin.total}"]`).waitFor();
    const wb = await downloaded(page, () => page.getByTestId('gap-export').click(), 'gtcm-gap-county-');
    const sheet = wb.worksheets[0];
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(3, 7)).toEqual(['省', '市', '县（区）', '乡镇（街道）']);
    const paths = new Set<string>();
    sheet.eachRow((row, i) => {
      if (i > 1) paths.add(`${row.getCell(4).value}/${row.getCell(5).value}/${row.getCell(6).value}`);
    });
    expect(sheet.rowCount - 1).toBe(fumin.total);
    expect(paths).toEqual(new Set(['云南省/昆明市/富民县']));
  });
});
