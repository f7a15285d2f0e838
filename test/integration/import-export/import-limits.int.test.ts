/**
 * Bounded imports, from the attacker's side: every hostile file is generated here (an XLSX zip
 * bomb, honest and lying; corrupt archives; a CSV of 10,000 columns, of too many rows, of an
 * endless cell; an upload over the size limit; a file of many errors). Each is refused with its
 * stable code, stores nothing, leaves no temporary file, and the server answers the next request.
 * And an upload is received whole before its import starts: a slow or aborted upload holds no
 * store transaction, so another user's save completes while it is still arriving.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../../src/domain/errors.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { UPLOAD_DIR } from '../../../src/server/platform/files/upload-spool.js';
import { createTestFacility } from '../../support/builders/index.js';
import { runCli } from '../../support/cli.js';
import { client, expectError, login, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const LIMITS = { uploadBytes: 256 * 1024, importRows: 50, importColumns: 30, cellChars: 200, xlsxUncompressedBytes: 2 * 1024 * 1024, importErrors: 20, echoChars: 20, concurrentImports: 1 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const N = 40;
const codes = Array.from({ length: N }, (_, i) => `LIM-${i}`);

let ctx: TestContext;
let app: App;
let admin: Session;
let wuhua: Session;
let base: string;

beforeAll(async () => {
  ctx = await createTestContext({ limits: LIMITS });
  app = await buildApp(ctx, { logger: false });
  admin = await login(app, 'admin');
  wuhua = await login(app, 'wuhua');
  for (const code of codes) await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code, opened: '2010-01-01' });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

function partFiles(): string[] {
  const dir = join(ctx.config.dataDir, UPLOAD_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
}
const reportCount = () => ctx.store.repos.reports.count();

async function upload(body: string | Buffer, query = 'mode=strict', type = 'text/csv', s = admin) {
  const res = await app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type }, payload: body });
  return { status: res.statusCode, body: res.json(), size: res.body.length };
}

/** An upload over a real connection, written by the caller: the request to write to and its answer. */
function rawUpload(query: string, headers: Record<string, string> = {}) {
  const req = request(`${base}/api/imports?${query}`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'text/csv', ...headers } });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
  });
  return { req, answer };
}

/** Waits for a condition the server brings about (bounded: fails after 10 s instead of hanging). */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`never: ${what}`);
}

/** A refusal: its status and stable code, nothing stored, no temporary file left, the server still answering. */
async function refused(r: { status: number; body: any }, status: number, code: string, reportsBefore: number) {
  expectError(r, status, code);
  const def = ERRORS[code as keyof typeof ERRORS];
  expect(r.body.error.message.startsWith(def.zh.split('{')[0])).toBe(true);
  expect(r.body.error.messageEn.startsWith(def.en.split('{')[0])).toBe(true);
  expect(await reportCount()).toBe(reportsBefore);
  expect(partFiles()).toEqual([]);
  expect((await client(app, admin).get('/api/imports/limits')).status).toBe(200);
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
const dataRows = (n: number) => Array.from({ length: n }, (_, i) => [codes[i % N], 2011 + Math.floor(i / N), 3]);

// --- zip and XLSX files made by hand, so that their headers can lie -------------------------

interface Part {
  name: string;
  data: Buffer;
  /** The uncompressed size the headers state (default: the true one). */
  declared?: number;
  /** Store garbage instead of the deflated data. */
  corrupt?: boolean;
}

function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const body = p.corrupt ? Buffer.alloc(64, 0xff) : deflateRawSync(p.data);
    const size = p.declared ?? p.data.length;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0), h.writeUInt16LE(20, 4), h.writeUInt16LE(8, 8), h.writeUInt16LE(0x21, 12);
    h.writeUInt32LE(crc32(p.data), 14), h.writeUInt32LE(body.length, 18), h.writeUInt32LE(size, 22), h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0), c.writeUInt16LE(20, 4), c.writeUInt16LE(20, 6), c.writeUInt16LE(8, 10), c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(crc32(p.data), 16), c.writeUInt32LE(body.length, 20), c.writeUInt32LE(size, 24), c.writeUInt16LE(name.length, 28), c.writeUInt32LE(offset, 42);
    local.push(h, name, body);
    central.push(c, name);
    offset += h.length + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0), end.writeUInt16LE(parts.length, 8), end.writeUInt16LE(parts.length, 10), end.writeUInt32LE(dir.length, 12), end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cellXml = (v: string | number, ref: string) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`);
const sheetXml = (rows: (string | number)[][], tail = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cellXml(v, `${String.fromCharCode(65 + j)}${i + 1}`)).join('')}</row>`).join('')}${tail}</sheetData></worksheet>`;

/** A minimal workbook as Excel lays it out; `sheet` replaces the worksheet part. */
function xlsx(rows: (string | number)[][], sheet: Partial<Part> = {}): Buffer {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${NS}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (xml: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships">${xml}</Relationships>`);
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`) },
    { name: '_rels/.rels', data: rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')) },
    { name: 'xl/_rels/workbook.xml.rels', data: rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml') + rel('rId2', 'sharedStrings', 'sharedStrings.xml')) },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}/spreadsheetml/2006/main" count="0" uniqueCount="0"/>`) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml(rows)), ...sheet },
  ]);
}

/** 40 MB of worksheet rows, deflated to a few dozen kilobytes. */
const bombSheet = () => Buffer.from(sheetXml([['org_code', 'period', 'physicians']], '<row><c><v>1</v></c><c><v>2024</v></c><c><v>3</v></c></row>'.repeat(700_000)));

describe('the limits, as the import page reads them', () => {
  it('GET /api/imports/limits: the configured bounds, the upload size in words', async () => {
    const r = await client(app, wuhua).get('/api/imports/limits');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ uploadBytes: 256 * 1024, uploadText: '256 KB', rows: 50, columns: 30, cellChars: 200, xlsxUncompressedBytes: 2 * 1024 * 1024, errorsListed: 20 });
  });
});

describe('CSV files over the caps', () => {
  it('an upload over uploadBytes: 413 E4014 naming the limit, whether it declares its length or not', async () => {
    const before = await reportCount();
    const big = csv([['org_code', 'period', 'physicians'], ...dataRows(30)]) + 'x'.repeat(300 * 1024);
    const declared = await upload(big);
    await refused(declared, 413, 'E4014', before);
    expect(declared.body.error).toMatchObject({ limit: '256 KB', message: '文件过大：最多 256 KB' });
    // Chunked, no length: refused while receiving, once the count passes the limit.
    const { req, answer } = rawUpload('mode=strict');
    req.on('error', () => undefined); // the server may close the connection before the client is done
    req.write(big.slice(0, 200 * 1024));
    req.end(big.slice(200 * 1024));
    await refused(await answer, 413, 'E4014', before);
  });

  it('10,000 unknown columns (the 220 MB answer of the review): one E4016 for the file, a short answer', async () => {
    const before = await reportCount();
    const header = ['org_code', 'period', ...Array.from({ length: 10_000 }, (_, i) => `x${i}`)];
    const r = await upload(csv([header, [codes[0], 2024, ...header.slice(2).map(() => 1)]]));
    await refused(r, 400, 'E4016', before);
    expect(r.body.error).toMatchObject({ limit: 30, row: 1 });
    expect(r.size).toBeLessThan(1000);
    // At the cap is fine: 30 columns, the 27 unknown ones empty.
    const ok = await upload(csv([[...header.slice(0, 30)], [codes[0], 2024, ...Array(28).fill('')]]), 'mode=strict&dryRun=true');
    expect(ok.status).toBe(200);
  });

  it('more data rows than importRows: E4015; exactly importRows is fine', async () => {
    const before = await reportCount();
    const head = ['org_code', 'period', 'physicians'];
    await refused(await upload(csv([head, ...dataRows(51)])), 400, 'E4015', before);
    const ok = await upload(csv([head, ...dataRows(50)]), 'mode=strict&dryRun=true');
    expect(ok.body).toMatchObject({ rows: 50, rejected: 0, stored: false });
  });

  it('a cell longer than cellChars: E4017 with its row and column; an endless quoted cell is refused before it is built', async () => {
    const before = await reportCount();
    const long = await upload(csv([['org_code', 'period', 'physicians'], [codes[0], 2024, 3], [codes[1], 2024, 'é'.repeat(201)]]));
    await refused(long, 400, 'E4017', before);
    expect(long.body.error).toMatchObject({ limit: 200, row: 3, column: 'physicians' });
    const endless = await upload(`org_code,period,physicians\n${codes[0]},2024,"${'1,\n'.repeat(60_000)}`);
    await refused(endless, 400, 'E4017', before);
  });

  it('many errors: at most importErrors listed, all counted; echoed values cut to echoChars', async () => {
    const before = await reportCount();
    const rows = Array.from({ length: 45 }, (_, i) => [`NO-SUCH-${'X'.repeat(60)}-${i}`, 2024, 1]);
    const r = await upload(csv([['org_code', 'period', 'physicians'], ...rows]), 'mode=partial');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 45, rejected: 45, errorsTotal: 45, errorsTruncated: true, warnings: [], warningsTotal: 0, warningsTruncated: false });
    expect(r.body.errors).toHaveLength(20);
    expect(r.body.errors.map((e: any) => e.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(r.body.errors[0].message).toBe(`${ERRORS.E4001.zh}（NO-SUCH-XXXXXXXXXXXX…）`);
    expect(r.body.errors[0].messageEn).toBe(`${ERRORS.E4001.en} (NO-SUCH-XXXXXXXXXXXX…)`);
    expect(await reportCount()).toBe(before);
  });

  it('unknown columns: one error per column (at its first value), not per row × column; their rows rejected', async () => {
    const before = await reportCount();
    const head = ['org_code', 'period', 'physicians', 'u1', 'u2', 'u3', 'u4', 'u5'];
    const r = await upload(csv([head, ...codes.map((c) => [c, 2024, 2, 'a', 'b', 'c', 'd', 'e'])]), 'mode=partial');
    expect(r.body).toMatchObject({ rows: N, rejected: N, inserted: 0, errorsTotal: 5, errorsTruncated: false });
    expect(r.body.errors.map((e: any) => [e.row, e.column, e.code])).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => [2, u, 'E4006']));
    expect(r.body.errors[0].message).toBe(`${ERRORS.E4006.zh}（a）（共 40 行）`);
    expect(await reportCount()).toBe(before);
  });
});

describe('XLSX files: zip bombs and broken archives', () => {
  it('a hand-made workbook within the limits imports (the guard lets a real file through)', async () => {
    const r = await upload(xlsx([['org_code', 'period', 'physicians'], [codes[0], 2015, 4], [codes[1], 2015, 5]]), 'mode=strict', XLSX);
    expect(r.body).toMatchObject({ rows: 2, inserted: 2, rejected: 0, stored: true });
    expect((await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2015', facilityCode: codes[1] }))!.values).toEqual({ physicians: 5 });
  });

  it('a zip bomb (40 MB of rows in a small file): E4018 from the central directory, nothing inflated, exceljs never runs', async () => {
    const before = await reportCount();
    const bomb = xlsx([], { data: bombSheet() });
    expect(bomb.length).toBeLessThan(LIMITS.uploadBytes);
    const parse = vi.spyOn(unzipper, 'Parse');
    const reader = vi.spyOn(ExcelJS.stream.xlsx, 'WorkbookReader');
    try {
      const r = await upload(bomb, 'mode=strict', XLSX);
      await refused(r, 400, 'E4018', before);
      expect(r.body.error).toMatchObject({ limit: '2 MB' });
      expect(parse).not.toHaveBeenCalled();
      expect(reader).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      reader.mockRestore();
    }
  });

  it('a bomb whose headers lie (its worksheet declared 1 KB): E4018 once the inflated count passes the limit', async () => {
    const before = await reportCount();
    await refused(await upload(xlsx([], { data: bombSheet(), declared: 1024 }), 'mode=strict', XLSX), 400, 'E4018', before);
  });

  it('a CSV or a workbook of more rows than importRows is refused before any transaction opens (a 5-million-row file cannot hold the store)', async () => {
    const spy = vi.spyOn(ctx.store, 'transaction');
    try {
      const head = ['org_code', 'period', 'physicians'];
      expectError(await upload(csv([head, ...dataRows(51)])), 400, 'E4015');
      expectError(await upload(xlsx([head, ...dataRows(51)]), 'mode=strict', XLSX), 400, 'E4015');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('a workbook of more rows than importRows: E4015', async () => {
    const before = await reportCount();
    await refused(await upload(xlsx([['org_code', 'period', 'physicians'], ...dataRows(51)]), 'mode=strict', XLSX), 400, 'E4015', before);
  });

  it('corrupt files: E4013 in plain words, no library text (not a zip; a zip whose worksheet data is garbage)', async () => {
    const before = await reportCount();
    const internals = /signature|central directory|0x|zlib|inflate|unzip|yauzl|block type|Error/i;
    for (const file of [Buffer.from('this is not a zip file at all'), xlsx([['org_code', 'period']], { corrupt: true })]) {
      const r = await upload(file, 'mode=strict', XLSX);
      await refused(r, 400, 'E4013', before);
      expect(r.body.error.message).toContain('XLSX 文件已损坏');
      expect(r.body.error.messageEn).toContain('damaged or not an Excel workbook');
      expect(`${r.body.error.message} ${r.body.error.messageEn}`).not.toMatch(internals);
    }
  });
});

describe('the upload is received whole before the import starts', () => {
  it('a crowd of uploads is bounded: past concurrentImports one is refused at once with 503 E1010, and the next after it is served', async () => {
    const { req, answer } = rawUpload('mode=strict&dryRun=true');
    req.write('org_code,period,physicians\n');
    await until(() => partFiles().length === 1, 'the first upload reached the server');
    const crowd = await upload(csv([['org_code', 'period', 'physicians'], [codes[0], 2016, 1]]), 'mode=strict&dryRun=true');
    expectError(crowd, 503, 'E1010');
    expect(partFiles()).toHaveLength(1);
    req.end(`${codes[0]},2016,1\n`);
    expect((await answer).status).toBe(200);
    const after = await upload(csv([['org_code', 'period', 'physicians'], [codes[0], 2016, 1]]), 'mode=strict&dryRun=true');
    expect(after.status).toBe(200);
  });

  it('a slow upload holds no store: another user saves a report while it is still arriving', async () => {
    const before = await reportCount();
    const facility = (await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006' })).code;
    const { req, answer } = rawUpload('mode=strict');
    const events: string[] = [];
    let filesAtSave = -1;
    let sent = 0;
    req.write('org_code,period,physicians\n');
    req.write(`${codes[sent++]},2016,1\n`);
    await until(() => partFiles().length === 1, 'the upload reached the server');
    const save = client(app, wuhua)
      .put(`/api/reports/GTCM_ANNUAL/2016/${facility}`, { values: { physicians: 7 } })
      .then((r) => {
        events.push('save done');
        filesAtSave = partFiles().length;
        return r;
      });
    // One more row every 100 ms until the save is done (or all 40 rows are sent), then the end.
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        if (events.length || sent === N) {
          clearInterval(tick);
          events.push('upload end');
          req.end();
          resolve();
        } else req.write(`${codes[sent++]},2016,1\n`);
      }, 100);
    });
    expect(events).toEqual(['save done', 'upload end']);
    expect(filesAtSave).toBe(1);
    expect((await save).status).toBe(200);
    const r = await answer;
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: sent, inserted: sent, rejected: 0, stored: true });
    expect(await reportCount()).toBe(before + sent + 1);
    expect(partFiles()).toEqual([]);
  });

  it('a client that aborts mid-upload leaves no temporary file, no transaction, nothing stored', async () => {
    const before = await reportCount();
    const { req, answer } = rawUpload('mode=strict', { 'content-length': String(100_000) });
    answer.catch(() => undefined);
    req.on('error', () => undefined);
    req.write(csv([['org_code', 'period', 'physicians'], ...dataRows(20).map(([c]) => [c, 2017, 1])]));
    await until(() => partFiles().length === 1, 'the upload reached the server');
    req.destroy();
    await until(() => partFiles().length === 0, 'the temporary file is removed');
    const save = await client(app, wuhua).put(`/api/reports/GTCM_ANNUAL/2017/${codes[0]}`, { values: { physicians: 2 } });
    expect(save.status).toBe(200);
    expect(await reportCount()).toBe(before + 1);
  });
});

describe('gtcm import: the same checks and caps', () => {
  it('refuses a file of too many rows (E4015) and an XLSX bomb (E4018), storing nothing', async () => {
    const before = await reportCount();
    const saved = { rows: process.env.GTCM_MAX_IMPORT_ROWS, xlsx: process.env.GTCM_MAX_XLSX_UNCOMPRESSED_MB };
    process.env.GTCM_MAX_IMPORT_ROWS = '50';
    process.env.GTCM_MAX_XLSX_UNCOMPRESSED_MB = '2';
    try {
      const rowsFile = join(ctx.config.dataDir, 'rows.csv');
      writeFileSync(rowsFile, csv([['org_code', 'period', 'physicians'], ...dataRows(51)]));
      const rows = await runCli(ctx.config, ['import', rowsFile]);
      expect(rows.code).not.toBe(0);
      expect(rows.stderr).toContain('E4015');
      const bombFile = join(ctx.config.dataDir, 'bomb.xlsx');
      writeFileSync(bombFile, xlsx([], { data: bombSheet() }));
      const bomb = await runCli(ctx.config, ['import', bombFile]);
      expect(bomb.code).not.toBe(0);
      expect(bomb.stderr).toContain('E4018');
    } finally {
      for (const [k, v] of [['GTCM_MAX_IMPORT_ROWS', saved.rows], ['GTCM_MAX_XLSX_UNCOMPRESSED_MB', saved.xlsx]] as const)
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    expect(await reportCount()).toBe(before);
  });
});
