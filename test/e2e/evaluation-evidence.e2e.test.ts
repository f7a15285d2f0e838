/**
 * Evidence on the score sheet in the browser: the county uploads its 规划文件 to A1 and sees it
 * listed (the "missing" mark gone) and opens it; a renamed .exe is refused with what it really is;
 * the province sees the file but no upload button while the county self-assesses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { SHOTS_DIR } from '../support/browser.js';
import { createTestApplication, createTestCycle, createTestUser, exeFile, pdfFile } from '../support/builders/index.js';
import { pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
let appUrl = '';
const SUBJECT = '530124'; // 富民县

beforeAll(async () => {
  web = await startWebApp([SUBJECT]);
  await createTestUser(web.ctx, { role: 'AREA_ADMIN', scopeCode: SUBJECT, username: 'fumin', password: DEMO_PASSWORD });
  const cycle = await createTestCycle(web.ctx, { code: 'EVID-2025' });
  const app = await createTestApplication(web.ctx, cycle, SUBJECT);
  appUrl = `${web.base}/evaluation/applications/${app.id}`;
});

afterAll(async () => {
  await web?.close();
});

describe('evidence on the score sheet', () => {
  it('the county uploads a PDF to A1: listed under its name, the missing mark gone, and it opens', async () => {
    const page = await pageAs(web, 'fumin');
    await page.goto(appUrl);
    const cell = page.getByTestId('eval-evidence-A1');
    await cell.getByTestId('eval-evidence-missing').waitFor();
    await cell.locator('input[type=file]').setInputFiles({ name: '富民县中医药发展规划.pdf', mimeType: 'application/pdf', buffer: pdfFile('plan') });
    await cell.getByText('富民县中医药发展规划.pdf').waitFor();
    expect(await cell.getByTestId('eval-evidence-missing').count()).toBe(0);
    const href = await cell.getByTestId('eval-evidence-file').getAttribute('href');
    const res = await page.request.get(`${web.base}${href}`);
    expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-evidence-1280.png`, fullPage: true });
  });

  it('a renamed .exe is refused, saying what it is', async () => {
    const page = await pageAs(web, 'fumin');
    await page.goto(appUrl);
    const cell = page.getByTestId('eval-evidence-A2');
    await cell.locator('input[type=file]').setInputFiles({ name: '机制文件.pdf', mimeType: 'application/pdf', buffer: exeFile() });
    await page.getByText('Windows 可执行程序').first().waitFor();
    expect(await cell.getByTestId('eval-evidence-file').count()).toBe(0);
  });

  it('the province reads the file but uploads nothing while the county self-assesses', async () => {
    const page = await pageAs(web, 'yunnan');
    await page.goto(appUrl);
    const cell = page.getByTestId('eval-evidence-A1');
    await cell.getByText('富民县中医药发展规划.pdf').waitFor();
    expect(await page.getByTestId('eval-attach-A1').count()).toBe(0);
  });
});
