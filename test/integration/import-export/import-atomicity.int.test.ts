/**
 * Import atomicity: strict stores nothing when a row is rejected, partial stores exactly the
 * valid rows, a dry run stores nothing but reports the same counts, a re-import is unchanged;
 * a stream failing after several batches stores nothing; and (SQLite) a CLI process killed
 * midway leaves the store without any of the file and consistent.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createContext } from '../../../src/server/platform/context.js';
import { SQLITE_FILE } from '../../../src/server/platform/db/database.js';
import { ReportRepository, type Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { SCAN_CHUNK_BYTES } from '../../../src/server/modules/import-export/csv-guard.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { ManualClock } from '../../../src/server/platform/clock.js';
import { createTestFacility } from '../../support/builders/index.js';
import { runCli } from '../../support/cli.js';
import { login, type Session } from '../../support/http.js';
import { createTestContext, FIXTURE_AREAS, STORE, storeConfig, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let wuhua: Session;
/** Two 530102 demo facilities whose 2024 reports are SUBMITTED (wuhua may change them) and carry physicians. */
let u1: Report;
let u2: Report;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  wuhua = await login(app, 'wuhua');
  const open: Report[] = [];
  for await (const r of ctx.store.repos.reports.iterate({ dataSet: 'GTCM_ANNUAL', period: '2024' }, { area: { level: 3, code: '530102' } }))
    if (r.status === 'SUBMITTED' && typeof r.values.physicians === 'number') open.push(r);
  [u1, u2] = open;
  for (const code of ['AT-1', 'AT-2', 'AT-3']) await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code, opened: '2010-01-01' });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

async function upload(csv: string, query: string): Promise<any> {
  const res = await app.inject({ method: 'POST', url: `/api/imports?${query}`, headers: { cookie: wuhua.cookie, 'x-csrf-token': wuhua.csrf, 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const get = (code: string, period = '2024') => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });
const auditCount = async () => (await ctx.store.repos.audit.list({ entity: 'report' }, { offset: 0, limit: 1 })).total;
const counts = (s: any) => ({ rows: s.rows, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected, errors: s.errors });

/** Insert AT-1, update u1, leave u2 unchanged, reject AT-2 (E1403 on row 5). */
const mixed = () => `org_code,period,physicians\nAT-1,2024,5\n${u1.facilityCode},2024,${(u1.values.physicians as number) + 1}\n${u2.facilityCode},2024,${u2.values.physicians}\nAT-2,2024,x\n`;

describe('strict, partial, dry run', () => {
  it('strict: one bad row and nothing of the file is stored (read back)', async () => {
    const audits = await auditCount();
    const s = await upload(mixed(), 'mode=strict&dryRun=false');
    expect(counts(s)).toMatchObject({ rows: 4, inserted: 0, updated: 0, rejected: 1 });
    expect(s.errors).toEqual([expect.objectContaining({ row: 5, column: 'physicians', code: 'E1403' })]);
    expect(await get('AT-1')).toBeNull();
    expect(await get('AT-2')).toBeNull();
    expect(await get(u1.facilityCode)).toEqual(u1);
    expect(await get(u2.facilityCode)).toEqual(u2);
    expect(await auditCount()).toBe(audits);
  });

  it('partial dry run: reports inserted 1, updated 1, unchanged 1, rejected 1 — and stores nothing', async () => {
    const audits = await auditCount();
    const s = await upload(mixed(), 'mode=partial&dryRun=true');
    expect(counts(s)).toMatchObject({ rows: 4, inserted: 1, updated: 1, unchanged: 1, rejected: 1 });
    expect(await get('AT-1')).toBeNull();
    expect(await get(u1.facilityCode)).toEqual(u1);
    expect(await auditCount()).toBe(audits);
  });

  it('partial: stores exactly the valid rows, with the same counts as the dry run; every row accounted for', async () => {
    const dry = await upload(mixed(), 'mode=partial&dryRun=true');
    const audits = await auditCount();
    ctx.clock.advanceMinutes(5);
    const s = await upload(mixed(), 'mode=partial&dryRun=false');
    expect(counts(s)).toEqual(counts(dry));
    expect(s.inserted + s.updated + s.unchanged + s.rejected).toBe(s.rows);
    const now = ctx.clock.now().toISOString();
    expect(await get('AT-1')).toMatchObject({ values: { physicians: 5 }, status: 'SUBMITTED', submittedAt: now, updatedBy: 'wuhua' });
    expect(await get(u1.facilityCode)).toMatchObject({ values: { ...u1.values, physicians: (u1.values.physicians as number) + 1 }, updatedAt: now, updatedBy: 'wuhua' });
    expect(await get(u2.facilityCode)).toEqual(u2);
    expect(await get('AT-2')).toBeNull();
    const log = await ctx.store.repos.audit.list({ entity: 'report' }, { offset: 0, limit: 10 });
    expect(log.total).toBe(audits + 2);
    expect(log.items.slice(0, 2).map((e) => [e.action, e.entityKey]).sort()).toEqual(
      [
        ['import', 'GTCM_ANNUAL/2024/AT-1'],
        ['import', `GTCM_ANNUAL/2024/${u1.facilityCode}`],
      ].sort(),
    );
  });

  it('importing the same file again changes nothing: all unchanged, timestamps kept, no audit', async () => {
    const before = await get(u1.facilityCode);
    const audits = await auditCount();
    ctx.clock.advanceMinutes(5);
    const s = await upload(mixed(), 'mode=partial&dryRun=false');
    expect(counts(s)).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(await get(u1.facilityCode)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('strict dry run of a clean file reports what the real import then does, and stores nothing', async () => {
    const csv = 'org_code,period,physicians,visits,tcm_visits\nAT-3,2023,4,900,100\nAT-3,2024,5,1000,200\n';
    const dry = await upload(csv, 'mode=strict&dryRun=true');
    expect(counts(dry)).toEqual({ rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(await get('AT-3', '2023')).toBeNull();
    expect(await get('AT-3', '2024')).toBeNull();
    const real = await upload(csv, 'mode=strict&dryRun=false');
    expect(counts(real)).toEqual(counts(dry));
    expect((await get('AT-3', '2024'))!.values).toEqual({ physicians: 5, visits: 1000, tcm_visits: 200 });
  });
});

describe('batches', () => {
  it("a row whose previous year is in the batch before is compared with the file's value, not the store's", async () => {
    // 2,000 rows fill the first batch, the last of them PB-01999's 2023 report (1,000 visits);
    // the second batch opens with its 2024 report (100,000 visits): a change the check warns of
    // only when it sees the 2023 report the first batch wrote.
    const codes = await manyFacilities(ctx, 'PB', 2000);
    const last = codes[codes.length - 1];
    const csv = HEADER + codes.slice(0, -1).map((c) => row(c, '2024')).join('') + row(last, '2023') + `${last},2024,3,1,100000,300,ACUPUNCTURE;TUINA,1\n`;
    const s = await ctx.services.imports.importTable(SYSTEM_ACTOR, Readable.from([csv]), { format: 'csv', mode: 'partial' });
    expect(s.inserted).toBe(2001);
    expect(s.warnings.filter((w) => w.code === 'W_CHANGE').map((w) => [w.facilityCode, w.row])).toEqual([[last, 2002]]);
  });
});

/** Facilities for thousands of rows, stored in one go (test set-up). */
async function manyFacilities(c: { store: TestContext['store']; clock: { now(): Date } }, prefix: string, n: number): Promise<string[]> {
  const villages = (await c.store.repos.divisions.children('530124103')).map((d) => d.code);
  const list: Facility[] = Array.from({ length: n }, (_, i) => ({
    code: `${prefix}-${String(i).padStart(5, '0')}`,
    name: `批量村卫生室${i}`,
    type: 'VC',
    divisionCode: villages[i % villages.length],
    ownership: 'PUBLIC',
    opened: '2000-01-01',
    closed: null,
    attributes: {},
  }));
  await c.store.repos.facilities.insertMany(list, c.clock.now().toISOString());
  return list.map((f) => f.code);
}

const PERIODS = ['2021', '2022', '2023', '2024'];
const row = (code: string, period: string) => `${code},${period},3,1,1000,300,ACUPUNCTURE;TUINA,1\n`;
const HEADER = 'org_code,period,physicians,tcm_physicians,visits,tcm_visits,technique_categories,has_tcm_pavilion\n';

async function reportsOf(codes: string[]): Promise<number> {
  let n = 0;
  for (const p of PERIODS) n += (await ctx.store.repos.reports.getMany('GTCM_ANNUAL', p, codes)).size;
  return n;
}

describe('a failure mid-file', () => {
  let codes: string[];
  beforeAll(async () => {
    codes = await manyFacilities(ctx, 'MF', 1200);
  });

  it.each(['strict', 'partial'] as const)('%s: a stream that errors after 4,500 valid rows (two batches written inside the transaction) stores nothing', async (mode) => {
    const reportsBefore = await ctx.store.repos.reports.count();
    const auditsBefore = await auditCount();
    const touched = [await get(u1.facilityCode), await get(u2.facilityCode)];
    let yielded = 0;
    async function* lines() {
      yield HEADER;
      yield `${u1.facilityCode},2024,77,,,,,\n${u2.facilityCode},2024,78,,,,,\n`;
      for (const code of codes)
        for (const p of PERIODS) {
          if (yielded === 4500) throw new Error('injected failure after 4,500 rows');
          yielded++;
          yield row(code, p);
        }
    }
    // Rows written to the report table inside the transaction (upsert delegates to upsertMany).
    const writes = vi.spyOn(ReportRepository.prototype, 'upsertMany');
    try {
      await expect(ctx.services.imports.importTable(SYSTEM_ACTOR, Readable.from(lines()), { format: 'csv', mode })).rejects.toThrow();
      // Two full batches (4,000 rows) were written inside the transaction before the failure.
      expect(writes.mock.calls.reduce((n, [reports]) => n + reports.length, 0)).toBeGreaterThanOrEqual(4000);
    } finally {
      writes.mockRestore();
    }
    expect(yielded).toBe(4500);
    expect(await ctx.store.repos.reports.count()).toBe(reportsBefore);
    expect(await reportsOf(codes)).toBe(0);
    expect([await get(u1.facilityCode), await get(u2.facilityCode)]).toEqual(touched);
    expect(await auditCount()).toBe(auditsBefore);
  });
});

/** The read position of `file` in process `pid` (Linux /proc), or null when it is not open. */
function readPosition(pid: number, file: string): number | null {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (target !== file) continue;
      const m = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').match(/^pos:\s+(\d+)/m);
      if (m) return Number(m[1]);
    }
  } catch {
    return null;
  }
  return null;
}

describe('a killed CLI import (SQLite)', () => {
  it.skipIf(STORE !== 'sqlite')('SIGKILL midway through a 48,000-row file: none of its values stored, the store consistent and usable', async () => {
    const { config, cleanup } = await storeConfig();
    try {
      const own = await createContext(config, { clock: new ManualClock() });
      await own.services.init.init({ demo: true, seed: 1, areas: FIXTURE_AREAS });
      const codes = await manyFacilities(own, 'KILL', 12000);
      const reportsBefore = await own.store.repos.reports.count();
      const auditsBefore = (await own.store.repos.audit.list({}, { offset: 0, limit: 1 })).total;
      await own.close();
      const file = realpathSync(config.dataDir) + '/big.csv';
      writeFileSync(file, HEADER + codes.flatMap((c) => PERIODS.map((p) => row(c, p))).join(''));
      const size = statSync(file).size;

      const env = { ...process.env };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/gtcm.ts', 'import', file, '--data-dir', config.dataDir], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
      const started = Date.now();
      let killedAt = -1;
      while (Date.now() - started < 30_000 && child.exitCode === null) {
        const pos = existsSync('/proc') ? readPosition(child.pid!, file) : (Date.now() - started > 2500 ? size / 2 : null);
        // Midway through the import's own reading: not at the end of the file, and not where the
        // pre-scan (scanCsv, which reads the whole file first in 1 MiB steps) stands between reads.
        if (pos !== null && pos >= size * 0.35 && pos < size && pos % SCAN_CHUNK_BYTES !== 0) {
          killedAt = pos;
          child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const end = await exited;
      expect(killedAt, `never reached the middle of the file; stderr: ${stderr}`).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(size);
      expect(end.signal).toBe('SIGKILL');
      expect(stdout).toBe(''); // killed before it could print a summary

      const raw = new SqliteDatabase(join(config.dataDir, SQLITE_FILE));
      expect(raw.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      raw.close();
      const again = await createContext(config, { clock: new ManualClock() });
      try {
        expect(await again.store.repos.reports.count()).toBe(reportsBefore);
        let stored = 0;
        for (const p of PERIODS) stored += (await again.store.repos.reports.getMany('GTCM_ANNUAL', p, codes)).size;
        expect(stored).toBe(0);
        expect((await again.store.repos.audit.list({}, { offset: 0, limit: 1 })).total).toBe(auditsBefore);
      } finally {
        await again.close();
      }
      const small = join(config.dataDir, 'small.csv');
      writeFileSync(small, HEADER + row(codes[0], '2024'));
      const r = await runCli(config, ['import', small]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ rows: 1, inserted: 1, rejected: 0 });
    } finally {
      await cleanup();
    }
  });
});
