/**
 * The 数据字典 and 指标口径 downloads are made from the metadata the platform runs on: one row per
 * element of each data set (with its options, the facility types it applies to and must fill) and
 * one per indicator (its definition in words, its targets) — so they cannot drift from the figures.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allElements } from '../../../src/domain/program.js';
import { createTestUser, testApp } from '../../support/builders/index.js';
import { login, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import type { App } from '../../../src/server/platform/app.js';

let ctx: TestContext;
let app: App;
let viewer: Session;

beforeAll(async () => {
  ctx = await createTestContext({ init: false });
  app = await testApp(ctx);
  await ctx.services.init.init({ demo: false, seed: 1, areas: ['530102'] });
  const u = await createTestUser(ctx, { role: 'VIEWER', scopeCode: '530102' });
  viewer = await login(app, u.username, u.password);
});
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

async function rows(path: string): Promise<Record<string, unknown>[]> {
  const res = await app.inject({ method: 'GET', url: path, headers: { cookie: viewer.cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const all: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => all.push((r.values as unknown[]).slice(1)));
  const [head, ...body] = all;
  return body.map((r) => Object.fromEntries((head as string[]).map((h, i) => [h, r[i] ?? null])));
}

describe('the data dictionary', () => {
  it('has one row per element of the data set, in form order', async () => {
    const r = await rows('/api/metadata/data-dictionary');
    expect(r.map((x) => x['编码'])).toEqual(allElements(ctx.metadata.defaultDataSet));
  });

  it('says which facilities must fill an element, and lists the options of a multi-select', async () => {
    const r = await rows('/api/metadata/data-dictionary');
    const hall = r.find((x) => x['编码'] === 'has_tcm_hall')!;
    expect(hall).toMatchObject({ 名称: '设置中医馆', 类型: '是/否', 适用机构: '社区卫生服务中心、乡镇卫生院', 必填机构: '社区卫生服务中心、乡镇卫生院' });
    const techniques = r.find((x) => x['编码'] === 'technique_categories')!;
    expect(String(techniques['选项'])).toContain('ACUPUNCTURE 针刺类');
    expect(techniques['必填机构'] ?? '').toBe('');
  });
});

describe('the indicator definitions', () => {
  it('have one row per indicator, with its definition in words and its target', async () => {
    const r = await rows('/api/metadata/indicator-definitions');
    expect(r.map((x) => x['编码'])).toEqual([...ctx.metadata.indicators.keys()]);
    const hall = r.find((x) => x['编码'] === 'tcm_hall_coverage')!;
    expect(hall['口径（分子 / 分母）']).toBe('设置中医馆 = 是 的机构数 / 应报机构数');
    expect(String(hall['目标'])).toMatch(/^≥ 100%（2025年底）/);
  });
});

describe('the printable page’s tables (GET /api/metadata/definitions)', () => {
  it('hold the rows of the two files, with the same headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/metadata/definitions', headers: { cookie: viewer.cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { dictionary: { columns: { key: string; header: string }[]; rows: Record<string, unknown>[] }; indicators: { rows: Record<string, unknown>[] } };
    const file = await rows('/api/metadata/data-dictionary');
    expect(body.dictionary.rows.map((r) => r.code)).toEqual(file.map((x) => x['编码']));
    expect(body.dictionary.columns.map((c) => c.header)).toEqual(Object.keys(file[0]));
    expect(body.indicators.rows.map((r) => r.code)).toEqual([...ctx.metadata.indicators.keys()]);
  });

  it('are not served without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/metadata/definitions' })).statusCode).toBe(401);
  });
});
