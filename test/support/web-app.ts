/**
 * Browser tests' server: a test store with demo data in the given counties, the built web app
 * served on a free port, and Chromium; plus logging in through the form and calling the API
 * with the page's own session.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';
import { buildApp, type App } from '../../src/server/platform/app.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { launchBrowser } from './browser.js';
import { createTestContext, type TestContext } from './test-context.js';

/** Counties in three provinces (云南 ×3, 北京, 广东), so maps and rankings have data. */
export const MAP_AREAS = ['530102', '530103', '530124', '110101', '440103'];

export interface WebApp {
  ctx: TestContext;
  app: App;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export async function startWebApp(areas: string[]): Promise<WebApp> {
  const webDir = resolve(process.env.TEST_WEB_DIR ?? 'dist/web');
  if (!existsSync(resolve(webDir, 'index.html'))) throw new Error(`${webDir} is missing: run \`npm run build\` first`);
  const ctx = await createTestContext({ areas });
  ctx.config.webDir = webDir;
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    ctx,
    app,
    browser,
    base,
    close: async () => {
      await browser.close();
      await app.close();
      await ctx.dispose();
    },
  };
}

/** Logs in through the form (to `next` when given) and waits until the login page is left. */
export async function logIn(page: Page, base: string, username: string, next?: string): Promise<void> {
  await page.goto(`${base}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.fill('input#username', username);
  await page.fill('input#password', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;
const sessions = new WeakMap<WebApp, Map<string, StorageState>>();

/**
 * A page of its own (a fresh browser context, closed when the test ends) logged in as the
 * user: the first page of a user logs in through the form, later ones reuse its cookies, so a
 * focused test does not pay for a login. The page is wherever the login left it (or blank):
 * the test goes where it needs to.
 */
export async function pageAs(web: WebApp, username: string, opts: BrowserContextOptions = {}): Promise<Page> {
  const known = sessions.get(web) ?? new Map<string, StorageState>();
  sessions.set(web, known);
  const state = known.get(username);
  const context = await web.browser.newContext({ ...opts, storageState: state });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  if (!state) {
    await logIn(page, web.base, username);
    known.set(username, await context.storageState());
  }
  return page;
}

/**
 * Resolves once no SVG on the page changes between two looks 100 ms apart — the charts'
 * animations are over — instead of sleeping for their length (for screenshots).
 */
export async function chartsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __svgSnapshot?: string };
      const now = Array.from(document.querySelectorAll('svg'), (s) => s.innerHTML).join('\u0000');
      const same = w.__svgSnapshot === now;
      w.__svgSnapshot = now;
      return same;
    },
    undefined,
    { polling: 100 },
  );
}

/** A GET of the API with the page's own session. */
export async function apiGet<T = any>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    return { status: res.status, body: await res.json() };
  }, path);
}

/** Clicks what downloads an XLSX file and reads the file the browser saved. */
export async function downloaded(page: Page, click: () => Promise<void>, prefix: string): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(mkdtempSync(join(tmpdir(), prefix)), download.suggestedFilename() || 'export.xlsx');
  await download.saveAs(file);
  expect(file).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
