/**
 * Reports exported in the import format (GET /api/reports/export): the caller's reports of an
 * area and period, Chinese headers the importer reads, values as it reads them back — a file
 * exported and imported again changes nothing; another county's area is refused.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createTestFacility, createTestReport, createTestUser } from '../../support/builders/index.js';
import { login, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let clerk: Session;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, areas: ['530102', '530124'] });
  app = await buildApp(ctx, { logger: false });
  const u = await createTestUser(ctx, { role: 'AREA_ADMIN', scopeCode: '530102' });
  clerk = await login(app, u.username, u.password);
  const thc = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: 'RE-CHC', name: '测试中心', opened: '2010-01-01' });
  await createTestReport(ctx, { facility: thc, period: '2024', values: { has_tcm_hall: true, physicians: 9, visits: 1200, technique_categories: ['ACUPUNCTURE', 'TUINA'] } });
  const other = await createTestFacility(ctx, { type: 'CHC', divisionCode: '530124001', code: 'RE-OTHER', opened: '2010-01-01' });
  await createTestReport(ctx, { facility: other, period: '2024' });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: clerk.cookie } });

async function sheet(raw: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('reports exported in the import format', () => {
  it("holds the caller's reports with Chinese headers and values as the importer reads them", async () => {
    const res = await get('/api/reports/export?period=2024');
    expect(res.statusCode).toBe(200);
    const [head, ...rows] = await sheet(res.rawPayload);
    expect(head.slice(0, 5)).toEqual(['机构编码', '机构名称', '机构类型', '期间', '设置中医馆']);
    expect(rows.map((r) => r[0])).toEqual(['RE-CHC']);
    const at = (name: string) => rows[0][head.indexOf(name)];
    expect([at('机构名称'), at('设置中医馆'), at('执业(助理)医师数'), at('开展的中医药技术方法类别')]).toEqual(['测试中心', '是', 9, '针刺类、推拿类']);
  });

  it('imported again, changes nothing', async () => {
    const file = (await get('/api/reports/export?period=2024')).rawPayload;
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports?mode=strict&dryRun=false',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: file,
    });
    expect(res.json()).toMatchObject({ rows: 1, unchanged: 1, inserted: 0, updated: 0, rejected: 0 });
  });

  it('as CSV, with the codes of gtcm export reports', async () => {
    const res = await get('/api/reports/export?period=2024&format=csv');
    const [head, row] = res.payload.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(head.split(',').slice(0, 3)).toEqual(['org_code', 'period', 'has_tcm_hall']);
    expect(row.split(',').slice(0, 3)).toEqual(['RE-CHC', '2024', '1']);
  });

  it("refuses another county's area (E2102) before a byte of the file is sent", async () => {
    const res = await get('/api/reports/export?period=2024&area=530124');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('E2102');
  });
});
