/**
 * A second data set as data alone: test/fixtures/programs/tcm-pharmacy-quarterly (QUARTERLY,
 * three elements, one rule) placed beside programs/grassroots-tcm in a programs directory.
 * Entry, rule validation, the previous-quarter check, submission, approval, import (API and
 * CLI) and completeness work for it with no code change; a yearly period is E1002.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createContext, type AppContext } from '../../../src/server/platform/context.js';
import { ManualClock } from '../../../src/server/platform/clock.js';
import { createTestFacility } from '../../support/builders/index.js';
import { runCli } from '../../support/cli.js';
import { client, login, type Client, type Session, expectError } from '../../support/http.js';
import { FIXTURE_AREAS, storeConfig, type TestContext } from '../../support/test-context.js';

const DS = 'TCM_PHARMACY_Q';
let ctx: TestContext;
let app: App;
let programsDir: string;
let wuhuaS: Session;
let wuhua: Client;
const CHC = 'Q-CHC';
const THC = 'Q-THC';
const url = (code: string, period = '2024Q1') => `/api/reports/${DS}/${period}/${code}`;
const stored = (code: string, period = '2024Q1') => ctx.store.repos.reports.get({ dataSet: DS, period, facilityCode: code });

beforeAll(async () => {
  programsDir = mkdtempSync(join(tmpdir(), 'gtcm-programs-'));
  cpSync(fileURLToPath(new URL('../../../programs/grassroots-tcm', import.meta.url)), join(programsDir, 'grassroots-tcm'), { recursive: true });
  cpSync(fileURLToPath(new URL('../../fixtures/programs/tcm-pharmacy-quarterly', import.meta.url)), join(programsDir, 'tcm-pharmacy-quarterly'), { recursive: true });
  const { config, cleanup } = await storeConfig();
  const clock = new ManualClock(new Date('2024-04-10T02:00:00Z'));
  const base: AppContext = await createContext({ ...config, programsDir }, { clock });
  await base.services.init.init({ demo: true, seed: 1, areas: FIXTURE_AREAS });
  ctx = { ...base, clock, dispose: async () => (await base.close(), await cleanup()) };
  app = await buildApp(ctx, { logger: false });
  wuhuaS = await login(app, 'wuhua');
  wuhua = client(app, wuhuaS);
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: CHC, opened: '2010-01-01' });
  await createTestFacility(ctx, { type: 'THC', divisionCode: '530102006', code: THC, opened: '2010-01-01' });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
  if (programsDir) rmSync(programsDir, { recursive: true, force: true });
});

async function upload(csv: string, query = `dataSet=${DS}`) {
  const res = await app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { cookie: wuhuaS.cookie, 'x-csrf-token': wuhuaS.csrf, 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('entry for a quarterly data set', () => {
  it('the metadata holds both programs; the elements follow the facility type', async () => {
    const meta = await wuhua.get('/api/metadata');
    expect(meta.body.programs.map((p: any) => p.program.code).sort()).toEqual(['GRASSROOTS_TCM', 'TCM_PHARMACY']);
    expect((await wuhua.get(url(CHC))).body.elements).toEqual(['herb_prescriptions', 'decocted_prescriptions', 'offers_decoction']);
    expect((await wuhua.get(url(THC))).body.elements).toEqual(['herb_prescriptions', 'decocted_prescriptions']);
  });

  it('PUT 2024Q1 saves a draft with the rule violation reported; submit is 400 E5001', async () => {
    const r = await wuhua.put(url(CHC), { values: { herb_prescriptions: 100, decocted_prescriptions: 150, offers_decoction: true } });
    expect(r.status).toBe(200);
    expect(r.body.validation.errors).toEqual([expect.objectContaining({ rule: 'R_DECOCTED', elements: ['decocted_prescriptions', 'herb_prescriptions'], message: '代煎处方数不能大于中药饮片处方数' })]);
    expect(await stored(CHC)).toMatchObject({ status: 'DRAFT', period: '2024Q1', values: { herb_prescriptions: 100, decocted_prescriptions: 150, offers_decoction: true } });
    expectError(await wuhua.post(`${url(CHC)}/submit`, {}), 400, 'E5001');
  });

  it('fixed values submit; the county approves it like any report', async () => {
    const r = await wuhua.post(`${url(CHC)}/submit`, { values: { herb_prescriptions: 100, decocted_prescriptions: 40, offers_decoction: true } });
    expect(r.status).toBe(200);
    expect(await stored(CHC)).toMatchObject({ status: 'SUBMITTED', submittedAt: ctx.clock.now().toISOString() });
    expect((await wuhua.post('/api/approvals/approve', { dataSet: DS, period: '2024Q1', facilityCodes: [CHC] })).body).toEqual({ approved: 1 });
    expect(await stored(CHC)).toMatchObject({ status: 'APPROVED', approvalLevel: 3 });
  });

  it('the previous period is the previous quarter: 2023Q4 → a 4× jump in 2024Q1 warns (E5002 without a comment)', async () => {
    await wuhua.put(url(THC, '2023Q4'), { values: { herb_prescriptions: 50 } });
    const r = await wuhua.put(url(THC), { values: { herb_prescriptions: 200 } });
    expect(r.body.validation.warnings).toEqual([expect.objectContaining({ rule: 'W_CHANGE', elements: ['herb_prescriptions'] })]);
    expect((await wuhua.get(url(THC))).body.previous).toEqual({ herb_prescriptions: 50 });
    expectError(await wuhua.post(`${url(THC)}/submit`, {}), 400, 'E5002');
    expect((await wuhua.post(`${url(THC)}/submit`, { comment: '新开中药房' })).status).toBe(200);
  });

  it('an element of the other data set, or one not applicable to the type, is refused (E1402)', async () => {
    expectError(await wuhua.put(url(THC, '2024Q2'), { values: { offers_decoction: true } }), 400, 'E1402');
    expectError(await wuhua.put(url(THC, '2024Q2'), { values: { herb_prescriptions: 3, physicians: 3 } }), 400, 'E1402');
    expect(await stored(THC, '2024Q2')).toBeNull();
  });

  it('a yearly (or monthly) period is 400 E1002 for it; a quarter is E1002 for the annual data set', async () => {
    expectError(await wuhua.put(url(CHC, '2024'), { values: { herb_prescriptions: 1 } }), 400, 'E1002');
    expectError(await wuhua.get(url(CHC, '2024')), 400, 'E1002');
    expectError(await wuhua.put(url(CHC, '202401'), { values: { herb_prescriptions: 1 } }), 400, 'E1002');
    expectError(await wuhua.put(`/api/reports/GTCM_ANNUAL/2024Q1/${CHC}`, { values: { physicians: 1 } }), 400, 'E1002');
    expect(await stored(CHC, '2024')).toBeNull();
  });
});

describe('import for a quarterly data set', () => {
  it('imports 2024Q2 rows with its own element columns (codes or Chinese names)', async () => {
    const s = await upload(`org_code,period,中药饮片处方数,decocted_prescriptions,offers_decoction\n${CHC},2024Q2,120,30,是\n${THC},2024Q2,80,10,\n`);
    expect(s).toMatchObject({ rows: 2, inserted: 2, rejected: 0, errors: [] });
    expect(await stored(CHC, '2024Q2')).toMatchObject({ status: 'SUBMITTED', values: { herb_prescriptions: 120, decocted_prescriptions: 30, offers_decoction: true } });
  });

  it('its rule, applicability and unknown columns reject rows (E4009, E1402, E4006)', async () => {
    const s = await upload(`org_code,period,herb_prescriptions,decocted_prescriptions,offers_decoction,physicians\n${CHC},2023Q1,10,20,,\n${THC},2023Q1,10,5,否,\n${CHC},2023Q2,10,5,,7\n`);
    expect(s.errors.map((e: any) => [e.row, e.code, e.column])).toEqual([
      [2, 'E4009', 'decocted_prescriptions,herb_prescriptions'],
      [3, 'E1402', 'offers_decoction'],
      [4, 'E4006', 'physicians'],
    ]);
    expect(await stored(CHC, '2023Q1')).toBeNull();
  });

  it('a quarter not yet begun is not open for reporting, even with early reporting (E1406)', async () => {
    const s = await upload(`org_code,period,herb_prescriptions\n${THC},2024Q3,10\n`);
    expect(s.errors).toEqual([expect.objectContaining({ row: 2, column: 'period', code: 'E1406', header: 'period', columnLetter: 'B', facilityCode: THC })]);
    expect(await stored(THC, '2024Q3')).toBeNull();
  });

  it('a yearly period in a quarterly import is E1002', async () => {
    const s = await upload(`org_code,period,herb_prescriptions\n${THC},2024,10\n`);
    expect(s.errors).toEqual([expect.objectContaining({ row: 2, column: 'period', code: 'E1002' })]);
    expect(await stored(THC, '2024')).toBeNull();
  });

  it('the CLI imports it with --data-set', async () => {
    const file = join(programsDir, 'q.csv');
    writeFileSync(file, `org_code,period,herb_prescriptions\n${THC},2023Q3,60\n`);
    const saved = process.env.GTCM_PROGRAMS_DIR;
    process.env.GTCM_PROGRAMS_DIR = programsDir;
    try {
      const r = await runCli(ctx.config, ['import', file, '--data-set', DS, '--as', 'wuhua']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    } finally {
      if (saved === undefined) delete process.env.GTCM_PROGRAMS_DIR;
      else process.env.GTCM_PROGRAMS_DIR = saved;
    }
    expect((await stored(THC, '2023Q3'))!.values).toEqual({ herb_prescriptions: 60 });
  });
});

describe('template for a quarterly data set', () => {
  it('lists only the data set\'s facility types (CHC, THC) with its own element headers', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/imports/template?dataSet=${DS}&period=2024Q1&area=530102`, headers: { cookie: wuhuaS.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['机构编码', '机构名称', '机构类型', '期间', '中药饮片处方数', '代煎中药饮片处方数', '提供中药代煎服务']);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['社区卫生服务中心', '乡镇卫生院']));
    expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining([CHC, THC]));
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(['2024Q1']));
  });
});

describe('completeness for a quarterly data set', () => {
  it('counts the CHC and THC open in 2024Q1 with the deadline one month after the quarter', async () => {
    const { items } = await ctx.store.repos.facilities.list({ area: { level: 3, code: '530102' }, status: 'all' }, { offset: 0, limit: 5000 });
    const expected = items.filter((f) => (f.type === 'CHC' || f.type === 'THC') && f.opened <= '2024-03-31' && (f.closed === null || f.closed >= '2024-01-01'));
    const r = await wuhua.get(`/api/completeness?dataSet=${DS}&period=2024Q1&area=530102`);
    expect(r.status).toBe(200);
    expect(r.body.deadline).toBe('2024-04-30');
    // CHC: approved, submitted 2024-04-10 (on time); THC: submitted with a comment, on time.
    expect(r.body.area).toMatchObject({ code: '530102', expected: expected.length, received: 2, submitted: 2, approved: 1, onTime: 2, late: 0 });
    const missing = await wuhua.get(`/api/completeness/missing?dataSet=${DS}&period=2024Q1&area=530102&pageSize=200`);
    expect(missing.body.total).toBe(expected.length - 2);
    expect(missing.body.items.map((i: any) => i.code).sort()).toEqual(expected.map((f) => f.code).filter((c) => c !== CHC && c !== THC).sort());
  });
});
