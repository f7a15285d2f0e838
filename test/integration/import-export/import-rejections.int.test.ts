/**
 * Import rejections: one test per reason (E4001–E4013), each with its row number (the header
 * is row 1), its column, its stable code and a Chinese + English message — and, in strict mode,
 * nothing of the file stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../../src/domain/errors.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { completeValues, createTestFacility, createTestReport } from '../../support/builders/index.js';
import { client, login, type Client, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let adminS: Session;
let wuhuaS: Session;
let wuhua: Client;
let admin: Client;
/** A 530102 CHC, a 530124 village clinic (no reports), and 530103 CHCs with a submitted / an approved 2024 report (all made by the builders). */
const CHC = 'IR-CHC';
const VC = 'IR-VC';
let outside: string;
let outsideApproved: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  adminS = await login(app, 'admin');
  wuhuaS = await login(app, 'wuhua');
  admin = client(app, adminS);
  wuhua = client(app, wuhuaS);
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: CHC, opened: '2010-01-01' });
  const village = (await ctx.store.repos.divisions.children('530124103'))[0].code;
  await createTestFacility(ctx, { type: 'VC', divisionCode: village, code: VC, opened: '2010-01-01' });
  const outsideChc = () => createTestFacility(ctx, { type: 'CHC', divisionCode: '530103003', opened: '2010-01-01' });
  outside = (await createTestReport(ctx, { facility: await outsideChc(), period: '2024', status: 'SUBMITTED' })).facilityCode;
  outsideApproved = (await createTestReport(ctx, { facility: await outsideChc(), period: '2024', status: 'APPROVED', approvalLevel: 3 })).facilityCode;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

interface Summary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string | null; code: string; message: string; messageEn: string }[];
}

async function upload(s: Session, csv: string | Buffer, query = 'mode=strict&dryRun=false', type = 'text/csv'): Promise<{ status: number; body: any }> {
  const res = await app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type }, payload: csv });
  return { status: res.statusCode, body: res.json() };
}

/** Imports and checks the errors exactly (row, column, code), each with a Chinese and an English message. */
async function rejects(s: Session, csv: string, expected: { row: number; column: string | null; code: string }[], query?: string): Promise<Summary> {
  const r = await upload(s, csv, query);
  expect(r.status).toBe(200);
  const sum = r.body as Summary;
  expect(sum.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual(expected);
  for (const e of sum.errors) {
    const def = ERRORS[e.code as keyof typeof ERRORS];
    expect(e.message.startsWith(def.zh)).toBe(true);
    expect(e.messageEn.startsWith(def.en)).toBe(true);
  }
  expect(sum.rejected).toBe(new Set(expected.map((e) => e.row)).size);
  return sum;
}

const report = (code: string, period = '2024') => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });

describe('one rejection reason at a time (strict: nothing stored)', () => {
  it('E4001 unknown org_code: row 3, column org_code; the valid row 2 is not stored either', async () => {
    const s = await rejects(adminS, `org_code,period,physicians\n${CHC},2024,5\nNO-SUCH-FAC,2024,3\n`, [{ row: 3, column: 'org_code', code: 'E4001' }]);
    expect(s).toMatchObject({ rows: 2, inserted: 0, updated: 0, rejected: 1 });
    expect(s.errors[0].message).toContain('机构编码不存在');
    expect(s.errors[0].message).toContain('NO-SUCH-FAC');
    expect(await report(CHC)).toBeNull();
  });

  it('E4002 facility outside the importer\'s scope: wuhua cannot import a 530103 facility; its report is untouched', async () => {
    const before = await report(outside);
    await rejects(wuhuaS, `org_code,period,physicians\n${outside},2024,99\n`, [{ row: 2, column: 'org_code', code: 'E4002' }]);
    expect(await report(outside)).toEqual(before);
  });

  it('a row outside the scope says nothing about that facility\'s report: only E4002, not E4011 with its approval level', async () => {
    const before = await report(outsideApproved);
    await rejects(wuhuaS, `org_code,period,physicians\n${outsideApproved},2024,99\n`, [{ row: 2, column: 'org_code', code: 'E4002' }]);
    expect(await report(outsideApproved)).toEqual(before);
  });

  it('E4003 facility closed before the period (closed through the API first): the 2024 row is refused, 2023 is fine', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'IR-CLOSE', opened: '2010-01-01' });
    expect((await wuhua.post('/api/facilities/IR-CLOSE/close', { closed: '2023-12-31' })).status).toBe(200);
    await rejects(wuhuaS, 'org_code,period,physicians\nIR-CLOSE,2023,4\nIR-CLOSE,2024,4\n', [{ row: 3, column: 'period', code: 'E4003' }]);
    expect(await report('IR-CLOSE', '2023')).toBeNull();
    const ok = await upload(wuhuaS, 'org_code,period,physicians\nIR-CLOSE,2023,4\n');
    expect(ok.body).toMatchObject({ rows: 1, inserted: 1, rejected: 0, errors: [] });
  });

  it('E4003 facility opened after the period (a builder facility with later dates)', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'IR-LATE', opened: '2024-02-01' });
    await rejects(adminS, 'org_code,period,physicians\nIR-LATE,2023,4\n', [{ row: 2, column: 'period', code: 'E4003' }]);
  });

  it('E1002 malformed period: each bad row with its own row number, column period', async () => {
    const csv = `org_code,period,physicians\n${CHC},24,1\n${CHC},2024-1,1\n${CHC},abcd,1\n${CHC},,1\n${CHC},1800,1\n`;
    const s = await rejects(adminS, csv, [2, 3, 4, 5, 6].map((row) => ({ row, column: 'period', code: 'E1002' })));
    expect(s.rows).toBe(5);
    expect(await report(CHC)).toBeNull();
  });

  it('E1002 a period of another type than the data set\'s (2024Q1, 202401 for the annual GTCM_ANNUAL)', async () => {
    await rejects(adminS, `org_code,period,physicians\n${CHC},2024Q1,1\n${CHC},202401,1\n`, [
      { row: 2, column: 'period', code: 'E1002' },
      { row: 3, column: 'period', code: 'E1002' },
    ]);
    expect(await report(CHC, '2024Q1')).toBeNull();
    expect(await report(CHC, '202401')).toBeNull();
  });

  it('E1402 element not applicable to the facility type: has_tcm_hall for a village clinic (code or Chinese header)', async () => {
    await rejects(adminS, `org_code,period,physicians,has_tcm_hall\n${VC},2024,2,1\n`, [{ row: 2, column: 'has_tcm_hall', code: 'E1402' }]);
    await rejects(adminS, `org_code,period,设置中医馆\n${VC},2024,是\n`, [{ row: 2, column: 'has_tcm_hall', code: 'E1402' }]);
    expect(await report(VC)).toBeNull();
  });

  it('an empty cell in a column that does not apply is fine', async () => {
    const r = await upload(adminS, `org_code,period,physicians,has_tcm_hall\n${VC},2021,2,\n`);
    expect(r.body).toMatchObject({ rows: 1, inserted: 1, rejected: 0, errors: [] });
    expect((await report(VC, '2021'))!.values).toEqual({ physicians: 2 });
  });

  it('E4006 unknown column with a value; the same column empty is fine (partial stores that row)', async () => {
    const s = await rejects(adminS, `org_code,period,physicians,beds\n${CHC},2022,5,\n${VC},2022,2,10\n`, [{ row: 3, column: 'beds', code: 'E4006' }], 'mode=partial');
    expect(s).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect((await report(CHC, '2022'))!.values).toEqual({ physicians: 5 });
    expect(await report(VC, '2022')).toBeNull();
  });

  it('E1403 wrong value type: text, a fraction, a negative number, a non-boolean', async () => {
    await rejects(adminS, `org_code,period,physicians,visits,has_tcm_hall\n${CHC},2024,ten,,\n`, [{ row: 2, column: 'physicians', code: 'E1403' }]);
    await rejects(adminS, `org_code,period,physicians,visits,has_tcm_hall\n${CHC},2024,2.5,-1,maybe\n`, [
      { row: 2, column: 'physicians', code: 'E1403' },
      { row: 2, column: 'visits', code: 'E1403' },
      { row: 2, column: 'has_tcm_hall', code: 'E1403' },
    ]);
    expect(await report(CHC)).toBeNull();
  });

  it('E4008 unknown technique category (codes and Chinese names otherwise accepted)', async () => {
    await rejects(adminS, `org_code,period,technique_categories\n${CHC},2024,"ACUPUNCTURE;占星类"\n`, [{ row: 2, column: 'technique_categories', code: 'E4008' }]);
    expect(await report(CHC)).toBeNull();
    const ok = await upload(adminS, `org_code,period,technique_categories\n${CHC},2023,"针刺类、tuina;CUPPING"\n`);
    expect(ok.body).toMatchObject({ inserted: 1, rejected: 0 });
    expect((await report(CHC, '2023'))!.values.technique_categories).toEqual(['ACUPUNCTURE', 'CUPPING', 'TUINA']);
  });

  it('E4009 error-level rule violated (tcm_visits > visits), with the rule\'s message', async () => {
    const s = await rejects(adminS, `org_code,period,visits,tcm_visits\n${CHC},2024,100,500\n`, [{ row: 2, column: 'tcm_visits,visits', code: 'E4009' }]);
    expect(s.errors[0].message).toContain('中医诊疗人次不能大于总诊疗人次');
    expect(s.errors[0].messageEn).toContain('TCM visits cannot exceed total visits');
    expect(await report(CHC)).toBeNull();
  });

  it('E4010 the same facility and period twice: the second occurrence (row 4) is refused; partial keeps the first', async () => {
    const s = await rejects(adminS, `org_code,period,physicians\n${VC},2023,3\n${CHC},2021,1\n${VC},2023,4\n`, [{ row: 4, column: 'org_code', code: 'E4010' }], 'mode=partial');
    expect(s).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect((await report(VC, '2023'))!.values).toEqual({ physicians: 3 });
  });

  it('E4011 already approved by the county: wuhua (county) cannot change it; yunnan (province) can', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102008', code: 'IR-APPR', opened: '2010-01-01' });
    expect((await wuhua.post('/api/reports/GTCM_ANNUAL/2024/IR-APPR/submit', { values: completeValues(ctx, 'CHC', { physicians: 8 }) })).status).toBe(200);
    expect((await wuhua.post('/api/approvals/approve', { period: '2024', facilityCodes: ['IR-APPR'] })).body).toEqual({ approved: 1 });
    const before = await report('IR-APPR');
    expect(before).toMatchObject({ status: 'APPROVED', approvalLevel: 3 });
    await rejects(wuhuaS, 'org_code,period,physicians\nIR-APPR,2024,9\n', [{ row: 2, column: null, code: 'E4011' }]);
    expect(await report('IR-APPR')).toEqual(before);
    const yunnan = await login(app, 'yunnan');
    expect((await upload(yunnan, 'org_code,period,physicians\nIR-APPR,2024,9\n')).body).toMatchObject({ updated: 1, rejected: 0 });
    expect(await report('IR-APPR')).toMatchObject({ values: { physicians: 9 }, status: 'APPROVED', approvalLevel: 3 });
  });

  it('E4012 missing org_code or period column: an error on row 1, nothing stored', async () => {
    const noPeriod = await upload(adminS, `org_code,physicians\n${CHC},3\n${VC},2\n`);
    expect(noPeriod.status).toBe(200);
    expect(noPeriod.body.errors).toEqual([expect.objectContaining({ row: 1, column: null, code: 'E4012', message: expect.stringMatching(/[\u4e00-\u9fff]/) })]);
    const noOrg = await upload(adminS, `机构名称,period,physicians\n某机构,2024,3\n`);
    expect(noOrg.body.errors.map((e: any) => e.code)).toEqual(['E4012']);
    expect(await report(CHC)).toBeNull();
  });

  it('E4013 unreadable files: garbage XLSX, an unclosed quote mid-file (rolls back the rows before it), an empty file', async () => {
    const xlsx = await upload(adminS, Buffer.from('this is not a zip file at all'), undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.error.code).toBe('E4013');
    const quote = await upload(adminS, `org_code,period,physicians\n${CHC},2024,3\n${VC},2024,"2\n`);
    expect(quote.status).toBe(400);
    expect(quote.body.error.code).toBe('E4013');
    expect(await report(CHC)).toBeNull();
    const empty = await upload(adminS, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('E4013');
  });
});

describe('encodings, blank rows, roles', () => {
  it('a CSV saved by Excel or WPS on a Chinese Windows (GBK) is read, its Chinese headers and all', async () => {
    // 机构编码,年度,执业(助理)医师数 in GBK, then one data row.
    const gbk = Buffer.concat([Buffer.from('bbfab9b9b1e0c2eb2cc4eab6c82cd6b4d2b528d6fac0ed29d2bdcaa6cafd', 'hex'), Buffer.from(`\n${CHC},2017,3\n`)]);
    const r = await upload(adminS, gbk);
    expect(r.body).toMatchObject({ rows: 1, inserted: 1, rejected: 0, errors: [] });
    expect((await report(CHC, '2017'))!.values).toEqual({ physicians: 3 });
  });

  it('E4013 for a CSV in neither UTF-8 nor GBK, instead of misreading it', async () => {
    const bad = Buffer.concat([Buffer.from('org_code,period,physicians\n'), Buffer.from(`${CHC},2016,`), Buffer.from([0x81, 0x30, 0xff, 0xfe]), Buffer.from('\n')]);
    const r = await upload(adminS, bad);
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('E4013');
    expect(await report(CHC, '2016')).toBeNull();
  });

  it('a CSV row of separators only (Excel writes them for formatted empty rows) is skipped, like an empty XLSX row', async () => {
    const r = await upload(adminS, `org_code,period,physicians\n${CHC},2019,3\n,,\n`);
    expect(r.body).toMatchObject({ rows: 1, inserted: 1, rejected: 0, errors: [] });
    expect((await report(CHC, '2019'))!.values).toEqual({ physicians: 3 });
  });

  it('a viewer may not import at all: 403 E2101', async () => {
    const r = await upload(await login(app, 'viewer'), `org_code,period,physicians\n${CHC},2018,3\n`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('E2101');
    expect(await report(CHC, '2018')).toBeNull();
  });
});

describe('row numbers and several problems at once', () => {
  it('counts the header as row 1 with a BOM, CRLF line ends and Chinese headers; every problem of a row is listed', async () => {
    const csv = `\uFEFF机构编码,年度,执业(助理)医师数,设置中医馆\r\n${CHC},2020,4,是\r\n${VC},2020,x,1\r\n`;
    const s = await rejects(
      adminS,
      csv,
      [
        { row: 3, column: 'physicians', code: 'E1403' },
        { row: 3, column: 'has_tcm_hall', code: 'E1402' },
      ],
      'mode=partial',
    );
    expect(s).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect((await report(CHC, '2020'))!.values).toEqual({ physicians: 4, has_tcm_hall: true });
  });
});
