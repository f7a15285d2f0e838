/**
 * On a phone (390 × 844): the menu folds behind a button, the header's actions stay reachable,
 * and entry (as a township clerk for a village clinic), completeness and the dashboard fit the
 * screen's width — no sideways scrolling, the entry form in one column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS_DIR } from '../support/browser.js';
import { createTestFacility, villageOf } from '../support/builders/index.js';
import { pageAs, startWebApp, type WebApp } from '../support/web-app.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let web: WebApp;

beforeAll(async () => {
  web = await startWebApp(['530102']);
});

afterAll(async () => {
  await web?.close();
});

/** The page is no wider than the screen: nothing to scroll sideways. */
async function fitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

describe('a phone at 390 px', () => {
  it('folds the menu into a drawer opened by a button, and the title into one line', async () => {
    const page = await pageAs(web, 'wuhua', PHONE);
    await page.goto(`${web.base}/completeness`);
    await page.getByTestId('nav-toggle').waitFor();
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    const title = await page.getByTestId('app-title').boundingBox();
    expect(title!.height).toBeLessThan(30);
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('side-menu').getByText('数据填报').click();
    await page.waitForURL(/\/entry/);
  });

  it('keeps language, password and logout one tap away in the user menu', async () => {
    const page = await pageAs(web, 'wuhua', PHONE);
    await page.goto(`${web.base}/completeness`);
    await page.getByTestId('current-user').click();
    await page.getByTestId('logout').waitFor();
    const box = await page.getByTestId('logout').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });

  it('shows the entry form of a village clinic in one column, labels above their fields', async () => {
    const page = await pageAs(web, 'wuhua', PHONE);
    const clinic = await createTestFacility(web.ctx, { type: 'VC', divisionCode: await villageOf(web.ctx, '530102001'), opened: '2010-01-01' });
    await page.goto(`${web.base}/entry?facility=${clinic.code}`);
    const field = page.locator('[data-element=visits]');
    await field.waitFor();
    const label = await field.locator('label').first().boundingBox();
    const input = await page.locator('#entry-form_visits').boundingBox();
    expect(label!.y + label!.height).toBeLessThanOrEqual(input!.y + 1);
    await fitsWidth(page);
    await page.screenshot({ path: `${SHOTS_DIR}/entry-390.png`, fullPage: true });
  });

  it('fits completeness and the dashboard to the screen', async () => {
    const page = await pageAs(web, 'wuhua', PHONE);
    await page.goto(`${web.base}/completeness`);
    await page.locator('.ant-table').first().waitFor();
    await fitsWidth(page);
    await page.screenshot({ path: `${SHOTS_DIR}/completeness-390.png`, fullPage: true });
    await page.goto(`${web.base}/dashboard`);
    await page.getByTestId('dashboard-page').waitFor();
    await fitsWidth(page);
    await page.screenshot({ path: `${SHOTS_DIR}/dashboard-390.png`, fullPage: true });
  });
});
