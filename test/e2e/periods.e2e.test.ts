/**
 * The period rule in the browser, in January after the year: a handful of early reports for the
 * new year does not flip the figure pages to it — the dashboard opens on the last complete year,
 * the new one stays selectable marked "填报中 x%", and opened on purpose it carries the banner
 * "数据不完整"; data entry opens on the year being collected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR } from '../support/browser.js';
import { createTestFacility, createTestReport } from '../support/builders/index.js';
import { pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp(['530102']); // demo reports 2021–2024
  web.ctx.clock.advanceMinutes(365 * 24 * 60); // 2026-01-15: 2025 is being collected
  for (let i = 0; i < 4; i++) {
    const f = await createTestFacility(web.ctx, { type: 'THC', divisionCode: '530102001', opened: '2010-01-01' });
    await createTestReport(web.ctx, { facility: f, period: '2025' });
  }
  await web.ctx.engine.sync();
});

afterAll(async () => {
  await web?.close();
});

describe('the period rule in January, with four early reports', () => {
  it('the dashboard opens on the last complete year, not on the new one', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/dashboard`);
    await page.waitForURL(/period=2024/);
    await page.getByTestId('dashboard-page').waitFor();
    expect(await page.getByTestId('completeness-banner').count()).toBe(0);
  });

  it('the new year stays selectable, marked as being collected with its completeness', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/dashboard?period=2024`);
    await page.getByTestId('dashboard-period').click();
    const option = page.locator('.ant-select-item-option', { hasText: '2025年（填报中' });
    await option.waitFor();
    expect(await option.textContent()).toMatch(/2025年（填报中 \d+\.\d%）/);
  });

  it('opened on purpose, the new year carries the banner and claims no target status', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/dashboard?period=2025`);
    const banner = page.getByTestId('completeness-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-level')).toBe('insufficient');
    expect(await banner.textContent()).toContain('数据不完整（已报');
    await page.screenshot({ path: `${SHOTS_DIR}/dashboard-incomplete-year.png`, fullPage: true });
  });

  it('data entry opens on the year being collected', async () => {
    const page = await pageAs(web, 'wuhua');
    await page.goto(`${web.base}/entry`);
    await page.getByTestId('entry-period').getByText('2025年（填报中）').waitFor();
  });
});
