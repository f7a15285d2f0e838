/**
 * The on-site review in the browser: the nation draws the sample on 创建申报 and sees why each unit
 * was drawn; the expert assigned to 富民县 fills its checklist on a tablet (820 × 1180) — a finding
 * short of 符合 needs a note — and the progress shows on the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/platform/init/init.service.js';
import { SHOTS_DIR } from '../support/browser.js';
import { createNationalApplication, createTestCycle, createTestUser } from '../support/builders/index.js';
import { pageAs, startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
const CYCLE = 'ONSITE-2025';
const FUMIN = '530124';
let appId = 0;

beforeAll(async () => {
  web = await startWebApp(['530102', FUMIN]);
  await web.ctx.store.repos.divisions.insertMany([{ code: '11', name: '北京市', level: 1, parentCode: null, kind: 'PROVINCE' }]);
  const cycle = await createTestCycle(web.ctx, { code: CYCLE });
  appId = (await createNationalApplication(web.ctx, cycle, FUMIN, 10, 0)).id; // a gap of 15 points: drawn by risk
  await createNationalApplication(web.ctx, cycle, '530102', 9, 9);
  await createTestUser(web.ctx, { role: 'VIEWER', scopeCode: 'CN', username: 'liming', password: DEMO_PASSWORD });
  const nation = await web.ctx.services.auth.actorFor('nation');
  const e = await web.ctx.services.experts.add(nation, { name: '李明', provinceCode: '11', specialty: '中医内科', username: 'liming' });
  await web.ctx.services.experts.assign(nation, appId, e.id);
});

afterAll(async () => {
  await web?.close();
});

describe('the on-site review', () => {
  it('the nation draws the sample and sees why 富民县 was drawn: its self total 15 points above the province’s', async () => {
    const page = await pageAs(web, 'nation');
    await page.goto(`${web.base}/evaluation?cycle=${CYCLE}`);
    await page.getByTestId('eval-draw').click();
    await page.locator('input[data-testid=eval-draw-random], [data-testid=eval-draw-random] input').first().fill('0');
    await page.getByTestId('eval-draw-ok').click();
    const row = page.getByTestId('eval-applications').locator('tr', { hasText: '富民县' });
    await row.getByTestId('eval-sampled').waitFor();
    expect(await row.getByTestId('eval-sampled').textContent()).toContain('自评与省评差距大');
  });

  it('the assigned expert fills the checklist on a tablet; 不符合 needs a note', async () => {
    const page = await pageAs(web, 'liming', { viewport: { width: 820, height: 1180 } });
    await page.goto(`${web.base}/evaluation/applications/${appId}/onsite`);
    await page.getByTestId('eval-check-A1').waitFor();
    await page.getByTestId('eval-result-A1').getByText('符合', { exact: true }).click();
    await page.getByTestId('eval-result-A3').getByText('不符合', { exact: true }).click();
    await page.getByTestId('eval-onsite-save').click();
    await page.getByText('A3 为“基本符合”或“不符合”，须填写检查情况').waitFor();
    await page.getByTestId('eval-note-A3').fill('2024 年预算未见中医药专项');
    await page.getByTestId('eval-onsite-save').click();
    await page.getByText('已查 2/18 项').first().waitFor();
    await page.screenshot({ path: `${SHOTS_DIR}/evaluation-onsite-tablet.png` });
    const list = await web.ctx.services.onsite.checklist(await web.ctx.services.auth.actorFor('liming'), appId);
    expect(list.items.filter((i) => i.check).map((i) => [i.code, i.check!.result])).toEqual([['A1', 'MET'], ['A3', 'NOT_MET']]);
  });
});
