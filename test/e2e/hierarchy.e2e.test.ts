import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import { DEMO_PASSWORD } from '../../src/server/services/init.service.js';
import { launchBrowser, SHOTS_DIR } from '../support/browser.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

let ctx: TestContext;
let app: App;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const webDir = resolve(process.env.TEST_WEB_DIR ?? 'dist/web');
  if (!existsSync(resolve(webDir, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  // Two provinces' worth of real counties: 云南 (昆明市's three fixture counties) and 北京 东城区.
  ctx = await createTestContext({ areas: ['530102', '530103', '530124', '110101'] });
  ctx.config.webDir = webDir;
  app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await ctx?.dispose();
});

async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/login?next=%2Fdivisions`);
  await page.fill('input#username', username);
  await page.fill('input#password', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('side-menu').waitFor();
}

describe('hierarchy in the browser', () => {
  it('nation logs in, opens the hierarchy and sees 云南省 with its children', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginAs(page, 'nation');
    const tree = page.getByTestId('division-tree');
    await tree.getByText('云南省', { exact: true }).waitFor();
    await tree.getByText('北京市', { exact: true }).waitFor();
    // Expand 云南省: its prefecture 昆明市 appears.
    const yunnan = tree.locator('.ant-tree-treenode', { hasText: '云南省' }).first();
    await yunnan.locator('.ant-tree-switcher').click();
    await tree.getByText('昆明市', { exact: true }).waitFor();
    // Selecting 云南省 shows its facility counts.
    await tree.getByText('云南省', { exact: true }).click();
    await page.getByText('昆明市').nth(1).waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/hierarchy-nation.png`, fullPage: true });
    expect(await tree.getByText('昆明市', { exact: true }).count()).toBe(1);
    await page.close();
  });

  it('wuhua sees only 五华区', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await loginAs(page, 'wuhua');
    const tree = page.getByTestId('division-tree');
    await tree.getByText('五华区', { exact: true }).waitFor();
    expect(await tree.getByText('云南省', { exact: true }).count()).toBe(0);
    expect(await tree.getByText('盘龙区', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS_DIR}/hierarchy-wuhua.png`, fullPage: true });
    await page.close();
  });
});
