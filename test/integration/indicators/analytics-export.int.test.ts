/**
 * Indicator values and gap lists as files: the XLSX and CSV say exactly what the API says (every
 * page of a gap list), and scope holds (a county admin cannot export another county).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { client, login, type Client, type Session } from '../../support/http.js';
import { parseCsv } from '../../support/cli.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let nationSession: Session;
let nation: Client;
let wuhuaSession: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  nationSession = await login(app, 'nation');
  nation = client(app, nationSession);
  wuhuaSession = await login(app, 'wuhua');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

async function download(s: Session, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, json: () => res.json() };
}

async function sheetRows(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('indicator values as a file', () => {
  it('the XLSX has a Chinese header and one row per API row, with the same figures', async () => {
    const q = 'periods=2023,2024&area=5301&level=county';
    const api = (await nation.get(`/api/analytics?${q}`)).body.rows;
    expect(api.length).toBeGreaterThan(20);
    const f = await download(nationSession, `/api/analytics/export?${q}`);
    expect(f.status).toBe(200);
    expect(f.headers['content-type']).toContain('spreadsheetml');
    expect(String(f.headers['content-disposition'])).toMatch(/filename\*=UTF-8''.*\.xlsx/);
    const [head, ...rows] = await sheetRows(f.raw);
    expect(head).toEqual(['区划代码', '区域', '年度', '指标代码', '指标', '分子', '分母', '值', '目标', '是否达标', '应报机构数', '已报机构数']);
    expect(rows).toHaveLength(api.length);
    rows.forEach((r, i) => {
      const a = api[i];
      expect([r[0], r[1], r[2], r[3], r[5], r[6], r[10], r[11]]).toEqual([a.areaCode, a.areaName, a.period, a.indicator, a.numerator, a.denominator, a.expectedReports, a.reportedReports]);
      expect(r[7] ?? null).toEqual(a.value);
      expect(r[9] ?? null).toEqual(a.met === null ? null : a.met ? '是' : '否');
    });
  });

  it('the CSV has the CLI column names and a BOM for Excel', async () => {
    const f = await download(nationSession, '/api/analytics/export?periods=2024&area=530102&format=csv');
    expect(f.status).toBe(200);
    const text = f.raw.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1).replace(/\r/g, ''));
    expect(Object.keys(rows[0])).toEqual(['area_code', 'area_name', 'period', 'indicator', 'indicator_name', 'numerator', 'denominator', 'value', 'target', 'met', 'expected_reports', 'reported_reports']);
    const api = (await nation.get('/api/analytics?periods=2024&area=530102')).body.rows;
    expect(rows.map((r) => [r.indicator, Number(r.numerator), Number(r.denominator)])).toEqual(api.map((a: any) => [a.indicator, a.numerator, a.denominator]));
  });
});

describe('gap lists as a file', () => {
  it('holds every page of the gap list, with each unit\'s 省/市/县/乡镇 and its value as the indicator means it (是/否, 未报告)', async () => {
    const first = (await nation.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=5301&pageSize=7')).body;
    expect(first.total).toBeGreaterThan(7);
    const all: any[] = [];
    for (let p = 1; all.length < first.total; p++) all.push(...(await nation.get(`/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=5301&pageSize=7&page=${p}`)).body.items);
    const f = await download(nationSession, '/api/analytics/gaps/export?indicator=vc_tcm_service&period=2024&area=5301');
    expect(f.status).toBe(200);
    const [head, ...rows] = await sheetRows(f.raw);
    expect(head).toEqual(['编码', '名称', '类型', '省', '市', '县（区）', '乡镇（街道）', '区划代码', '所在区划', '值', '是否已报']);
    expect(rows.map((r) => r[0]).sort()).toEqual(all.map((i) => i.code).sort());
    const byCode = new Map(all.map((i) => [i.code, i]));
    for (const r of rows) {
      const i = byCode.get(r[0])!;
      const value = !i.reported || i.value === null ? '未报告' : i.value === 1 ? '是' : '否';
      expect(r.slice(1)).toEqual([i.name, '村卫生室', i.provinceName, i.cityName, i.countyName, i.townshipName, i.divisionCode, i.divisionName, value, i.reported ? '是' : '否']);
    }
  });

  it('a county-share indicator lists counties', async () => {
    const f = await download(nationSession, '/api/analytics/gaps/export?indicator=county_tcm_hospital_coverage&period=2024&format=csv');
    expect(f.status).toBe(200);
    const api = (await nation.get('/api/analytics/gaps?indicator=county_tcm_hospital_coverage&period=2024&pageSize=1000')).body;
    const rows = parseCsv(f.raw.toString('utf8').slice(1).replace(/\r/g, ''));
    expect(rows.map((r) => r.code)).toEqual(api.items.map((i: any) => i.code));
  });
});

describe('scope', () => {
  it('a county admin cannot export another county, neither values nor gaps', async () => {
    for (const url of ['/api/analytics/export?periods=2024&area=530103', '/api/analytics/gaps/export?indicator=vc_tcm_service&period=2024&area=530103', '/api/analytics/export?periods=2024&area=CN']) {
      const f = await download(wuhuaSession, url);
      expect(f.status, url).toBe(403);
      expect(f.json().error.code).toBe('E2102');
    }
  });

  it('a county admin exports its own county only', async () => {
    const f = await download(wuhuaSession, '/api/analytics/export?periods=2024&level=township&format=csv');
    const rows = parseCsv(f.raw.toString('utf8').slice(1).replace(/\r/g, ''));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.area_code.startsWith('530102')).toBe(true);
  });
});
