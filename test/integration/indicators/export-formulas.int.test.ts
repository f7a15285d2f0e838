/**
 * Formula injection through exported files (hardening issue 9): a facility named
 * `=HYPERLINK("http://x","y")` and a township named `=1+1` come out of every CSV export (gap
 * list, indicator values) as text quoted with a leading `'`, so Excel shows them instead of
 * running them; XLSX exports and the import template keep the exact text as a text cell (never
 * a formula), formatted as text; numbers stay numbers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { parseCsv } from '../../support/cli.js';
import { client, login, type Client, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const EVIL_NAME = '=HYPERLINK("http://x","y")';
const EVIL_TOWNSHIP = '=1+1';
const TOWNSHIP = '530102990';

let ctx: TestContext;
let app: App;
let adminSession: Session;
let admin: Client;
let village: string;
let township: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  adminSession = await login(app, 'admin');
  admin = client(app, adminSession);
  // A village clinic with no report: it is on the 2024 gap list of its township.
  village = (await ctx.store.repos.divisions.iterate({ level: 5, area: { level: 3, code: '530124' } }).next()).value!.code;
  township = village.slice(0, 9);
  const made = await admin.post('/api/facilities', { code: 'EVIL-VC-1', name: EVIL_NAME, type: 'VC', divisionCode: village, ownership: 'PUBLIC', opened: '2010-01-01' });
  expect(made.status).toBe(201);
  // A township whose name is a formula (as a hand-edited hierarchy could hold), with a health centre.
  await ctx.store.repos.divisions.insertMany([{ code: TOWNSHIP, name: EVIL_TOWNSHIP, level: 4, parentCode: '530102', kind: 'TOWN' }]);
  const thc = await admin.post('/api/facilities', { code: 'EVIL-THC-1', name: '-2 卫生院', type: 'THC', divisionCode: TOWNSHIP, ownership: 'PUBLIC', opened: '2010-01-01' });
  expect(thc.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

async function download(url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: adminSession.cookie } });
  expect(res.statusCode, res.statusCode === 200 ? url : res.body).toBe(200);
  return res.rawPayload;
}

const csvRows = (buf: Buffer) => parseCsv(buf.toString('utf8').replace(/^\ufeff/, '').replace(/\r/g, ''));

async function sheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb.worksheets[0];
}

/** The cells of the rows whose `col`-th cell is `value` (1-based column). */
function rowsWith(ws: ExcelJS.Worksheet, col: number, value: string): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  ws.eachRow((row) => {
    if (row.getCell(col).value === value) out.push(row);
  });
  return out;
}

describe('gap list export', () => {
  const url = (format: string) => `/api/analytics/gaps/export?indicator=vc_tcm_service&period=2024&area=${township}&format=${format}`;

  it('CSV: the formula-like facility name starts with a quote', async () => {
    const raw = (await download(url('csv'))).toString('utf8');
    expect(raw).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const row = csvRows(await download(url('csv'))).find((r) => r.code === 'EVIL-VC-1');
    expect(row).toBeDefined();
    expect(row!.name).toBe(`'${EVIL_NAME}`);
    // Nothing else in the file starts a formula unquoted.
    for (const r of csvRows(await download(url('csv')))) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('XLSX: the name is the exact text, a text cell formatted as text, not a formula', async () => {
    const ws = await sheet(await download(url('xlsx')));
    const [row] = rowsWith(ws, 1, 'EVIL-VC-1');
    expect(row).toBeDefined();
    const cell = row.getCell(2);
    expect(cell.value).toBe(EVIL_NAME);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.numFmt).toBe('@');
  });
});

describe('indicator values export', () => {
  const url = (format: string) => `/api/analytics/export?periods=2024&area=530102&level=township&indicators=tcm_hall_coverage&format=${format}`;

  it('CSV: the formula-like area name starts with a quote; numbers stay numbers', async () => {
    const rows = csvRows(await download(url('csv')));
    const row = rows.find((r) => r.area_code === TOWNSHIP);
    expect(row).toBeDefined();
    expect(row!.area_name).toBe(`'${EVIL_TOWNSHIP}`);
    expect(row!.denominator).toBe('1');
    for (const r of rows) {
      expect(Number.isFinite(Number(r.numerator)) && Number.isFinite(Number(r.denominator))).toBe(true);
      for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('XLSX: the area name is the exact text in a text cell; the figures are numbers', async () => {
    const ws = await sheet(await download(url('xlsx')));
    const [row] = rowsWith(ws, 1, TOWNSHIP);
    expect(row).toBeDefined();
    expect(row.getCell(2).value).toBe(EVIL_TOWNSHIP);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).numFmt).toBe('@');
    expect(row.getCell(7).value).toBe(1);
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('import template', () => {
  it('keeps the codes and names exact, formula-like names as text cells formatted as text', async () => {
    const ws = await sheet(await download(`/api/imports/template?period=2024&area=${township}`));
    const [row] = rowsWith(ws, 1, 'EVIL-VC-1');
    expect(row).toBeDefined();
    expect(row.getCell(2).value).toBe(EVIL_NAME);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).numFmt).toBe('@');
    const ws2 = await sheet(await download(`/api/imports/template?period=2024&area=${TOWNSHIP}`));
    const [thc] = rowsWith(ws2, 1, 'EVIL-THC-1');
    expect(thc.getCell(2).value).toBe('-2 卫生院');
    expect(thc.getCell(2).numFmt).toBe('@');
  });
});
