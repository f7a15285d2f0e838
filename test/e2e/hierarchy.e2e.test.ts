import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/server/platform/app.js';
import { SHOTS_DIR } from '../support/browser.js';
import type { TestContext } from '../support/test-context.js';
import { logIn, startWebApp, type WebApp } from '../support/web-app.js';

let ctx: TestContext;
let app: App;
let browser: Browser;
let base: string;

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp(['530102', '530103', '530124', '110101']);
  ({ ctx, app, browser, base } = web);
});

afterAll(async () => web?.close());

async function loginAs(page: Page, username: string): Promise<void> {
  await logIn(page, base, username, '/divisions');
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
