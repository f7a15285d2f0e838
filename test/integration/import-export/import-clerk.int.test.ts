/**
 * An import the clerk can act on (issue 11 §3): a period not open for reporting is refused with
 * the header as the clerk wrote it, its column letter and the facility; a missing key column is a
 * file-level error; blank rows are skipped and counted; Excel 97–2003 and OpenDocument files are
 * refused with the fix in words, whatever they are called or sent as.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createTestFacility, createTestUser } from '../../support/builders/index.js';
import { login, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let wuhua: Session;
const CHC = 'IC-CHC';

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, areas: ['530102'] }); // the clock stands at 2025-01-15: 2024 is being collected
  app = await buildApp(ctx, { logger: false });
  const clerk = await createTestUser(ctx, { role: 'AREA_ADMIN', scopeCode: '530102' });
  wuhua = await login(app, clerk.username, clerk.password);
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: CHC, opened: '2010-01-01' });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

async function upload(body: string | Buffer, opts: { type?: string; filename?: string } = {}): Promise<{ status: number; body: any }> {
  const query = new URLSearchParams({ mode: 'strict', dryRun: 'true', ...(opts.filename ? { filename: opts.filename } : {}) });
  const res = await app.inject({
    method: 'POST',
    url: `/api/imports?${query}`,
    headers: { cookie: wuhua.cookie, 'x-csrf-token': wuhua.csrf, 'content-type': opts.type ?? 'text/csv' },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

describe('periods not open for reporting', () => {
  it('a future year is refused (E1406), naming the header as written, its letter and the facility', async () => {
    const r = await upload(`机构编码,年度,执业(助理)医师数\n${CHC},2030,3\n`);
    expect(r.body.rejected).toBe(1);
    expect(r.body.errors).toEqual([
      expect.objectContaining({ row: 2, code: 'E1406', column: 'period', header: '年度', columnLetter: 'B', facilityCode: CHC, message: '2030 尚未开放填报（当前填报期间为 2024）' }),
    ]);
  });

  it('the running year of an annual data set is not open either: it has not ended', async () => {
    const r = await upload(`org_code,period,physicians\n${CHC},2025,3\n`);
    expect(r.body.errors.map((e: any) => e.code)).toEqual(['E1406']);
  });

  it('the year being collected is open', async () => {
    const r = await upload(`org_code,period,physicians\n${CHC},2024,3\n`);
    expect(r.body).toMatchObject({ inserted: 1, rejected: 0, errors: [] });
  });
});

describe('what the clerk sees of an error', () => {
  it('a wrong value names the Chinese header typed, the column letter and the facility code', async () => {
    const r = await upload(`机构编码,年度,总诊疗人次,执业(助理)医师数\n${CHC},2024,100,abc\n`);
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 2, code: 'E1403', column: 'physicians', header: '执业(助理)医师数', columnLetter: 'D', facilityCode: CHC })]);
  });

  it('a missing key column is one file-level error naming it, and no row is read', async () => {
    const r = await upload(`机构编码,执业(助理)医师数\n${CHC},3\n`);
    expect(r.body).toMatchObject({ rows: 0, inserted: 0 });
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 1, code: 'E4012', header: 'period', facilityCode: null })]);
  });
});

describe('blank rows', () => {
  it('a row with its facility and year but no value (a blank template row) is skipped and counted, not "unchanged"', async () => {
    const r = await upload(`org_code,period,physicians,visits\n${CHC},2024,,\n`);
    expect(r.body).toMatchObject({ rows: 1, skipped: 1, unchanged: 0, inserted: 0, rejected: 0 });
  });
});

describe('spreadsheets the import does not read', () => {
  const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  /** The start of an .ods: a zip whose first entry, stored, is `mimetype`. */
  const ods = (() => {
    const name = Buffer.from('mimetype');
    const body = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name, body, Buffer.alloc(64)]);
  })();

  it('an .xls sent as a CSV (the browser guessed) is refused with E4021 and the fix in words', async () => {
    const r = await upload(xls, { filename: 'report.csv' });
    expect(r.status).toBe(415);
    expect(r.body.error).toMatchObject({ code: 'E4021' });
    expect(r.body.error.message).toContain('Excel 97–2003 (.xls)');
    expect(r.body.error.message).toContain('另存为');
  });

  it('an .xls sent as application/vnd.ms-excel is refused the same way, not with 415 E1011', async () => {
    const r = await upload(xls, { type: 'application/vnd.ms-excel', filename: '年报.xls' });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('E4021');
  });

  it('an .ods is refused with E4021, by its bytes', async () => {
    const r = await upload(ods, { type: 'application/octet-stream', filename: 'x.csv' });
    expect(r.body.error).toMatchObject({ code: 'E4021' });
    expect(r.body.error.messageEn).toContain('OpenDocument (.ods)');
  });
});
