/**
 * The data-quality review in the browser: a county official sees the findings of the county's
 * demo reports (the same the API lists), opens a report from its finding, and downloads the list;
 * a provincial official is asked to choose a city or county first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityAnswer } from '../../src/domain/api/approval.js';
import { SHOTS_DIR } from '../support/browser.js';
import { apiGet, downloaded, pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp(['530102', '530124']);
});

afterAll(async () => {
  await web?.close();
});

describe('数据质量核查', () => {
  it('a county official sees the API’s findings and opens a report from one', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/quality?period=2024`);
    const { body } = await apiGet<QualityAnswer>(page, '/api/quality?period=2024');
    expect(body.findings.length).toBeGreaterThan(0);
    const links = page.getByTestId('quality-report-link');
    await links.first().waitFor();
    expect(await page.getByTestId('quality-count-outlier').innerText()).toContain(String(body.counts.outlier));
    expect(await links.first().innerText()).toBe(body.findings[0].facilityName);
    await page.screenshot({ path: `${SHOTS_DIR}/quality-county-1280.png`, fullPage: true });
    await links.first().click();
    await page.waitForURL(new RegExp(`/entry\\?facility=${body.findings[0].facilityCode}&period=2024`));
  });

  it('the Excel file holds every finding', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/quality?period=2024`);
    await page.getByTestId('quality-report-link').first().waitFor();
    const { body } = await apiGet<QualityAnswer>(page, '/api/quality?period=2024');
    const wb = await downloaded(page, () => page.getByTestId('quality-export').click(), 'gtcm-quality-');
    const sheet = wb.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['类别', '县（区）', '乡镇（街道）']);
    expect(sheet.rowCount - 1).toBe(body.findings.length);
  });

  it('a provincial official is asked for a city or county first', async () => {
    const page = await pageAs(web, 'yunnan');
    await page.goto(`${web.base}/quality?period=2024`);
    await page.getByTestId('quality-pick').waitFor();
    expect(await page.getByTestId('quality-findings').count()).toBe(0);
  });
});
