/**
 * Import through the CLI (`gtcm import`: one JSON summary on stdout, exit code by rejections,
 * --dry-run, --mode, --as) and XLSX files; the XLSX template (exactly the open facilities of the
 * area, Chinese headers, scoped) and the round trip: download, fill a few cells, import back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allElements } from '../../../src/domain/program.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { createTestFacility, createTestReport } from '../../support/builders/index.js';
import { runCli } from '../../support/cli.js';
import { login, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let ctx: TestContext;
let app: App;
let wuhua: Session;
let dir: string;
/** A 530103 facility with a submitted 2024 report (outside wuhua's scope). */
let outside: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  wuhua = await login(app, 'wuhua');
  dir = mkdtempSync(join(tmpdir(), 'gtcm-import-cli-'));
  for (const code of ['CL-1', 'CL-2', 'CL-3']) await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code, opened: '2010-01-01' });
  // Template fixtures in 530102: open part of 2024, closed before it, opened after it.
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'TPL-MID', name: '年中开业中心', opened: '2024-07-01' });
  await createTestFacility(ctx, { type: 'CHSS', divisionCode: (await ctx.store.repos.divisions.children('530102007'))[0].code, code: 'TPL-CLOSING', opened: '2001-01-01', closed: '2024-03-31' });
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'TPL-GONE', opened: '2001-01-01', closed: '2023-12-31' });
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'TPL-NEW', opened: '2025-01-10' });
  // A 530103 facility with a submitted 2024 report, outside wuhua's scope.
  outside = (await createTestReport(ctx, { facility: await createTestFacility(ctx, { type: 'CHC', divisionCode: '530103003', opened: '2010-01-01' }), period: '2024' })).facilityCode;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const p = join(dir, `f${++n}.${ext}`);
  writeFileSync(p, content);
  return p;
}
const get = (code: string, period = '2024') => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });
const cli = (...args: string[]) => runCli(ctx.config, ['import', ...args]);
/** The one JSON line the CLI prints. */
function summary(stdout: string): any {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
}

describe('gtcm import', () => {
  it('a clean file: one JSON summary {rows, inserted, updated, unchanged, rejected, errors}, exit 0, values stored', async () => {
    const r = await cli(file('org_code,period,physicians,visits,tcm_visits,has_tcm_hall\nCL-1,2024,6,1000,300,是\nCL-1,2023,5,900,250,否\n'));
    expect(r.code).toBe(0);
    const s = summary(r.stdout);
    expect(s).toMatchObject({ rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['rows', 'inserted', 'updated', 'unchanged', 'rejected', 'errors']));
    expect(await get('CL-1')).toMatchObject({ values: { physicians: 6, visits: 1000, tcm_visits: 300, has_tcm_hall: true }, status: 'SUBMITTED', updatedBy: 'system' });
  });

  it('a rejected row (strict by default): exit non-zero, errors with row, column (as written, and its letter), facility, code and message; nothing stored', async () => {
    const r = await cli(file('org_code,period,physicians\nCL-2,2024,3\nCL-2,2023,-4\n'));
    expect(r.code).not.toBe(0);
    const s = summary(r.stdout);
    expect(s).toMatchObject({ rows: 2, inserted: 0, rejected: 1 });
    expect(s.errors).toEqual([
      {
        row: 3, column: 'physicians', header: 'physicians', columnLetter: 'C', facilityCode: 'CL-2', code: 'E1403',
        message: expect.stringContaining('数值类型不正确'), messageEn: expect.stringContaining('Wrong value type'),
      },
    ]);
    expect(await get('CL-2')).toBeNull();
  });

  it('--mode partial: stores the valid rows, still exits non-zero because a row was rejected', async () => {
    const r = await cli(file('org_code,period,physicians\nCL-2,2024,3\nCL-2,2023,-4\n'), '--mode', 'partial');
    expect(r.code).not.toBe(0);
    expect(summary(r.stdout)).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect((await get('CL-2'))!.values).toEqual({ physicians: 3 });
    expect(await get('CL-2', '2023')).toBeNull();
  });

  it('--dry-run: the counts, exit 0, nothing stored', async () => {
    const r = await cli(file('org_code,period,physicians\nCL-3,2024,3\nCL-3,2023,2\n'), '--dry-run');
    expect(r.code).toBe(0);
    expect(summary(r.stdout)).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(await get('CL-3')).toBeNull();
  });

  it('--as wuhua: a 530103 facility is E4002 (exit non-zero, untouched); as the default system admin it imports', async () => {
    const before = await get(outside);
    const f = file(`org_code,period,physicians\n${outside},2024,42\n`);
    const r = await cli(f, '--as', 'wuhua');
    expect(r.code).not.toBe(0);
    expect(summary(r.stdout).errors).toEqual([expect.objectContaining({ row: 2, column: 'org_code', code: 'E4002' })]);
    expect(await get(outside)).toEqual(before);
    const sys = await cli(f);
    expect(sys.code).toBe(0);
    expect((await get(outside))!.values.physicians).toBe(42);
  });

  it('a file without a period column (E4012) imports nothing and exits non-zero', async () => {
    const r = await cli(file('org_code,physicians\nCL-3,3\n'));
    expect(summary(r.stdout).errors.map((e: any) => e.code)).toEqual(['E4012']);
    expect(r.code).not.toBe(0);
    expect(await get('CL-3')).toBeNull();
  });

  it('an unreadable XLSX and a missing file: E4013 on stderr, exit non-zero', async () => {
    const bad = await cli(file('not a workbook', 'xlsx'));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('E4013');
    const missing = await cli(join(dir, 'nope.csv'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('E4013');
  });
});

/** An XLSX workbook from rows (first row: headers). */
async function workbook(rows: (string | number | boolean | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX files', () => {
  it('the CLI imports an .xlsx (numbers as numeric cells, 是/否, Chinese category names)', async () => {
    const buf = await workbook([
      ['org_code', 'period', 'physicians', '设置中医馆', 'technique_categories'],
      ['CL-3', '2022', 7, '是', '针刺类、拔罐类'],
    ]);
    const r = await cli(file(buf, 'xlsx'));
    expect(r.code).toBe(0);
    expect(summary(r.stdout)).toMatchObject({ rows: 1, inserted: 1 });
    expect((await get('CL-3', '2022'))!.values).toEqual({ physicians: 7, has_tcm_hall: true, technique_categories: ['ACUPUNCTURE', 'CUPPING'] });
  });

  it('POST /api/imports takes an XLSX body; row numbers are the sheet\'s', async () => {
    const buf = await workbook([
      ['org_code', 'period', 'physicians'],
      ['CL-3', 2021, 8],
      ['CL-3', 2020, 'eight'],
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/imports?mode=partial', headers: { cookie: wuhua.cookie, 'x-csrf-token': wuhua.csrf, 'content-type': XLSX }, payload: buf });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, inserted: 1, rejected: 1, errors: [expect.objectContaining({ row: 3, column: 'physicians', code: 'E1403' })] });
    expect((await get('CL-3', '2021'))!.values).toEqual({ physicians: 8 });
  });
});

async function template(s: Session, query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/imports/template?${query}`, headers: { cookie: s.cookie } });
  return res;
}
async function sheetOf(buf: Buffer): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return { wb, ws, rows };
}
/** Facilities of 530102 open at some time in 2024, computed here from every facility of the county. */
/** The facilities of the data set's types (a tertiary hospital reports nothing) open in 2024 in 五华区. */
async function openIn2024(): Promise<string[]> {
  const { items } = await ctx.store.repos.facilities.list({ area: { level: 3, code: '530102' }, status: 'all' }, { offset: 0, limit: 5000 });
  const types = ctx.metadata.dataSet('GTCM_ANNUAL').facilityTypes as string[];
  return items.filter((f) => types.includes(f.type) && f.opened <= '2024-12-31' && (f.closed === null || f.closed >= '2024-01-01')).map((f) => f.code).sort();
}

describe('the template', () => {
  it('GET /api/imports/template?period=2024&area=530102: an XLSX of exactly the facilities open in 2024, Chinese headers', async () => {
    const res = await template(wuhua, 'period=2024&area=530102');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain('attachment');
    const { rows } = await sheetOf(res.rawPayload);
    const ds = ctx.metadata.dataSet('GTCM_ANNUAL');
    expect(rows[0]).toEqual(['机构编码', '机构名称', '机构类型', '期间', ...allElements(ds).map((c) => ctx.metadata.elements.get(c)!.name.zh)]);
    const codes = rows.slice(1).map((r) => r[0]);
    expect([...codes].sort()).toEqual(await openIn2024());
    expect(codes).toContain('TPL-MID');
    expect(codes).toContain('TPL-CLOSING');
    expect(codes).not.toContain('TPL-GONE');
    expect(codes).not.toContain('TPL-NEW');
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(['2024']));
    expect(rows.slice(1).find((r) => r[0] === 'TPL-MID')!.slice(1, 3)).toEqual(['年中开业中心', '社区卫生服务中心']);
  });

  it('without area it is the user\'s scope; yunnan gets the same list for 530102', async () => {
    const mine = await sheetOf((await template(wuhua, 'period=2024')).rawPayload);
    const yunnan = await login(app, 'yunnan');
    const prov = await sheetOf((await template(yunnan, 'period=2024&area=530102')).rawPayload);
    const expected = await openIn2024();
    expect(mine.rows.slice(1).map((r) => r[0]).sort()).toEqual(expected);
    expect(prov.rows.slice(1).map((r) => r[0]).sort()).toEqual(expected);
  });

  it('a county user cannot download another county\'s template: 403', async () => {
    const res = await template(wuhua, 'period=2024&area=530103');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('E2102');
  });

  it('round trip: fill a few cells, keep only those rows, import back — the Chinese headers are read', async () => {
    const { wb, ws } = await sheetOf((await template(wuhua, 'period=2024&area=530102')).rawPayload);
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    for (let i = ws.rowCount; i >= 2; i--) if (ws.getRow(i).getCell(1).value !== 'TPL-MID') ws.spliceRows(i, 1);
    const r = ws.getRow(2);
    r.getCell(col('设置中医馆')).value = '是';
    r.getCell(col('执业(助理)医师数')).value = 9;
    r.getCell(col('开展的中医药技术方法类别')).value = '针刺类;推拿类';
    r.commit();
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { cookie: wuhua.cookie, 'x-csrf-token': wuhua.csrf, 'content-type': XLSX }, payload: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.json()).toMatchObject({ rows: 1, inserted: 1, rejected: 0, errors: [] });
    expect((await get('TPL-MID'))!.values).toEqual({ has_tcm_hall: true, physicians: 9, technique_categories: ['ACUPUNCTURE', 'TUINA'] });
  });

  it('round trip of the whole template with a few cells filled: the filled facility is stored, blank rows change nothing', async () => {
    const reportsBefore = new Map<string, Report>();
    for await (const x of ctx.store.repos.reports.iterate({ dataSet: 'GTCM_ANNUAL', period: '2024' }, { area: { level: 3, code: '530102' } })) reportsBefore.set(x.facilityCode, x);
    const { wb, ws } = await sheetOf((await template(wuhua, 'period=2024&area=530102')).rawPayload);
    const header = (ws.getRow(1).values as unknown[]).map(String);
    let filled = 0;
    ws.eachRow((r, i) => {
      if (i > 1 && r.getCell(1).value === 'TPL-CLOSING') {
        r.getCell(header.indexOf('设置中医阁')).value = '否';
        r.getCell(header.indexOf('执业(助理)医师数')).value = 2;
        filled = i;
      }
    });
    expect(filled).toBeGreaterThan(1);
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: { cookie: wuhua.cookie, 'x-csrf-token': wuhua.csrf, 'content-type': XLSX }, payload: Buffer.from(await wb.xlsx.writeBuffer()) });
    const s = res.json();
    expect(s.rejected).toBe(0);
    expect(s.inserted).toBe(1);
    expect((await get('TPL-CLOSING'))!.values).toEqual({ has_tcm_pavilion: false, physicians: 2 });
    for (const [code, before] of reportsBefore) expect(await get(code)).toEqual(before);
    expect(await ctx.store.repos.reports.getMany('GTCM_ANNUAL', '2024', (await openIn2024()).filter((c) => !reportsBefore.has(c) && c !== 'TPL-CLOSING'))).toEqual(new Map());
  });
});
