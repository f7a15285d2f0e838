/** A county user fills in and submits a report, and imports a file, through the web. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/platform/app.js';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { launchBrowser, SHOTS_DIR } from '../support/browser.js';
import { childrenOf, createTestFacility } from '../support/builders/index.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

let ctx: TestContext;
let app: App;
let browser: Browser;
let base: string;
let page: Page;

beforeAll(async () => {
  ctx = await createTestContext({ areas: ['530102'] });
  ctx.config.webDir = resolve('dist/web');
  app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${base}/login?next=%2Fdivisions`);
  await page.fill('input#username', 'wuhua');
  await page.fill('input#password', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('side-menu').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await ctx?.dispose();
});

/** New community health stations in villages of 五华区 (they report a short form). */
async function stations(n: number) {
  const villages = await childrenOf(ctx, '530102001');
  return Promise.all(Array.from({ length: n }, (_, i) => createTestFacility(ctx, { type: 'CHSS', divisionCode: villages[i % villages.length], name: `测试社区卫生服务站${i + 1}` })));
}

describe('data collection in the browser', () => {
  it('fills in and submits one report of the period being collected', async () => {
    const [f] = await stations(1);
    const period = ctx.services.periods.collecting();
    await page.goto(`${base}/entry?facility=${f.code}&period=${period}`);
    const form = page.getByTestId('entry-form');
    await form.waitFor();
    await page.locator('#entry-form_has_tcm_pavilion').getByText('否', { exact: true }).click();
    await page.locator('#entry-form_provides_tcm').getByText('是', { exact: true }).click();
    await page.locator('#entry-form_technique_categories').getByText('针刺类', { exact: true }).click();
    await page.locator('#entry-form_technique_categories').getByText('推拿类', { exact: true }).click();
    for (const [code, v] of Object.entries({ physicians: 3, tcm_physicians: 1, visits: 5200, tcm_visits: 1300, tcm_nondrug_visits: 400, tcm_education_sessions: 4 }))
      await page.fill(`#entry-form_${code}`, String(v));
    await page.getByTestId('entry-submit').click();
    await page.getByTestId('entry-submit-comment').fill('年报已核实');
    await page.getByTestId('entry-submit-confirm').click();
    await page.getByTestId('entry-status').getByText('已提交').waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/entry-submitted.png`, fullPage: true });
    const stored = await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: f.code });
    expect(stored?.status).toBe('SUBMITTED');
    expect(stored?.values).toMatchObject({ provides_tcm: true, has_tcm_pavilion: false, technique_categories: ['ACUPUNCTURE', 'TUINA'], visits: 5200, tcm_visits: 1300 });
  });

  it('imports one file: preview every row, then confirm', async () => {
    const [a, b] = await stations(2);
    const period = ctx.services.periods.collecting();
    const file = join(tmpdir(), `gtcm-e2e-import-${process.pid}.csv`);
    writeFileSync(file, `org_code,period,provides_tcm,visits,tcm_visits\n${a.code},${period},是,3000,600\n${b.code},${period},1,2500,500\n`);
    await page.goto(`${base}/import`);
    await page.setInputFiles('input[type=file]', file);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-summary').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/import-result.png`, fullPage: true });
    expect(await page.getByTestId('import-result').getAttribute('data-state')).toBe('success');
    for (const [f, visits] of [[a, 3000], [b, 2500]] as const) {
      const r = await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: f.code });
      expect(r?.values).toMatchObject({ provides_tcm: true, visits });
      expect(r?.status).toBe('SUBMITTED');
    }
  });

  it('refuses to submit an empty report, naming every required field', async () => {
    const [f] = await stations(1);
    await page.goto(`${base}/entry?facility=${f.code}&period=${ctx.services.periods.collecting()}`);
    await page.getByTestId('entry-form').waitFor();
    await page.getByTestId('entry-submit').click();
    // Each required element of a station's form is marked at its field.
    for (const code of ['has_tcm_pavilion', 'provides_tcm', 'physicians', 'tcm_physicians', 'visits', 'tcm_visits'])
      await page.getByTestId(`entry-issues-${code}`).waitFor();
    expect(await page.getByTestId('entry-submit-confirm').count()).toBe(0);
    expect(await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: ctx.services.periods.collecting(), facilityCode: f.code })).toBeNull();
    await page.screenshot({ path: `${SHOTS_DIR}/entry-empty-refused.png`, fullPage: true });
  });

  it('keeps a wrong number as typed and says what is wrong at the field', async () => {
    const [f] = await stations(1);
    await page.goto(`${base}/entry?facility=${f.code}&period=${ctx.services.periods.collecting()}`);
    await page.fill('#entry-form_physicians', '-5');
    await page.fill('#entry-form_visits', 'abc');
    await page.getByTestId('entry-save').click();
    await page.locator('[data-element=physicians]').getByText('不能小于 0').waitFor();
    await page.locator('[data-element=visits]').getByText('请填写数字').waitFor();
    expect(await page.inputValue('#entry-form_physicians')).toBe('-5');
    expect(await page.inputValue('#entry-form_visits')).toBe('abc');
  });

  it('refuses a future year in an import, naming the header as the clerk wrote it, its column and the facility', async () => {
    const [a] = await stations(1);
    const file = join(tmpdir(), `gtcm-e2e-future-${process.pid}.csv`);
    writeFileSync(file, `机构编码,年度,总诊疗人次\n${a.code},2030,3000\n`);
    await page.goto(`${base}/import`);
    await page.setInputFiles('input[type=file]', file);
    await page.getByTestId('import-preview').click();
    const errors = page.getByTestId('import-errors');
    await errors.getByText('E1406').waitFor();
    const row = errors.locator('tbody tr.ant-table-row').first();
    const text = await row.textContent();
    expect(text).toContain('年度');
    expect(text).toContain('B');
    expect(text).toContain(a.code);
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS_DIR}/import-future-year.png`, fullPage: true });
  });

  it('shows the help page with the guide for the user\'s role open and the definitions to download', async () => {
    await page.goto(`${base}/help`);
    await page.getByTestId('help-guide-area').waitFor();
    await page.getByTestId('help-dictionary-table').waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/help.png`, fullPage: true });
  });

  it('prints the 数据字典 and 指标口径 to PDF from the same rows as the Excel files', async () => {
    await page.goto(`${base}/help`);
    await page.getByTestId('help-printable').click();
    await page.waitForURL(/\/definitions$/);
    await page.locator('[data-testid=definitions-paper][data-ready=true]').waitFor();
    const body = (await page.evaluate(() => fetch('/api/metadata/definitions').then((r) => r.json()))) as { dictionary: { rows: unknown[] }; indicators: { rows: unknown[] } };
    expect(await page.locator('[data-testid=definitions-dictionary] tbody tr').count()).toBe(body.dictionary.rows.length);
    expect(await page.locator('[data-testid=definitions-indicators] tbody tr').count()).toBe(body.indicators.rows.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ar-toolbar').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', path: `${SHOTS_DIR}/definitions.pdf` });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });
});
