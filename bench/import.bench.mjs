#!/usr/bin/env node
// Import benchmark (issue 3 budget: a national CSV of ~665,000 rows imports within 90 s and
// 2 GB RSS). On a store with the national demo it exports the 2024 reports, relabels them as
// 2025 (so that every row is a new report), and measures in the same run:
//   1. `gtcm import --mode partial` of that file (as the system administrator; the demo's few
//      implausible rows are rejected, every other row is stored): wall time and
//      peak RSS (VmHWM of the process);
//   2. the same import as a dry run (parse + check every row, store nothing);
//   3. reference: the same file parsed with csv-parse and inserted by hand with a bare
//      better-sqlite3 prepared statement in one transaction into an empty table (the median of
//      three runs);
//   4. the schema's floor: the same reports and their audit records written by SQL alone
//      (`insert … select` from the 2024 reports, no JavaScript, nothing checked) in one
//      transaction — into a copy of the store (SQLite, committed), or into the database and
//      rolled back (PostgreSQL) — what the store's tables and indexes cost by themselves.
// Usage: npm run build && node bench/import.bench.mjs [--data-dir DIR]   (DIR: a store with the
// national demo, copied first with `gtcm backup`; without it one is created, about 1½ minutes).
// With --pg URL the store is that PostgreSQL database (holding the national demo:
// `DATABASE_URL=URL gtcm init --demo`; the import's 2025 reports are deleted again afterwards),
// and a second reference is measured there: the same file parsed with csv-parse and inserted
// with bare multi-row INSERTs of 1,000 rows in one transaction into an empty table.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';

const root = new URL('..', import.meta.url).pathname;
const gtcm = join(root, 'bin/gtcm.js');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const work = mkdtempSync(join(tmpdir(), 'gtcm-import-bench-'));
const dataDir = join(work, 'data');
mkdirSync(dataDir);
const PG = arg('--pg');
const env = { ...process.env, DATABASE_URL: PG ?? '' };

if (PG) {
  console.error(`store: PostgreSQL ${PG}`);
} else if (arg('--data-dir')) {
  // Work on a copy (gtcm backup), so that the given store is left as it was.
  spawnSync(process.execPath, [gtcm, 'backup', '--data-dir', arg('--data-dir'), '--out', join(dataDir, 'gtcm.sqlite')], { stdio: 'inherit', env });
} else {
  console.error(`creating the national demo in ${dataDir} …`);
  spawnSync(process.execPath, [gtcm, 'init', '--demo', '--data-dir', dataDir], { stdio: 'inherit', env });
}

// The file: 2024's reports relabelled 2025.
const exported = join(work, 'reports-2024.csv');
const file = join(work, 'reports-2025.csv');
spawnSync(process.execPath, [gtcm, 'export', 'reports', '--period', '2024', '--data-dir', dataDir, '--out', exported], { stdio: 'inherit', env });
{
  const out = createWriteStream(file);
  let first = true;
  for await (const line of createInterface({ input: createReadStream(exported) })) {
    const l = first ? line : line.replace(/^([^,]*),2024,/, '$1,2025,');
    first = false;
    if (!out.write(l + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
const rows = readFileSync(file, 'utf8').split('\n').length - 2;
console.error(`file: ${rows.toLocaleString()} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB`);

/** Runs gtcm import, sampling the peak RSS; returns seconds, peak MB and the summary. */
async function timeImport(extra) {
  const t0 = performance.now();
  // The script itself, as an operator runs `gtcm` (its first line gives node's options).
  const child = spawn(gtcm, ['import', file, '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      /* exited */
    }
  }, 200);
  await once(child, 'exit');
  clearInterval(timer);
  const s = JSON.parse(out);
  return { secs: (performance.now() - t0) / 1000, peak, summary: { rows: s.rows, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected, warnings: s.warnings.length } };
}

/** The file's rows as a bare insert takes them: data set, period, facility code, values as JSON (csv-parse, nothing checked). */
async function* reportRows(path) {
  let header;
  for await (const rec of createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }))) {
    if (!header) {
      header = rec;
      continue;
    }
    const values = {};
    for (let i = 2; i < rec.length; i++) if (rec[i] !== '') values[header[i]] = rec[i];
    yield ['GTCM_ANNUAL', rec[1], rec[0], JSON.stringify(values)];
  }
}

async function reference() {
  const t0 = performance.now();
  rmSync(join(work, 'ref.sqlite'), { force: true });
  rmSync(join(work, 'ref.sqlite-wal'), { force: true });
  rmSync(join(work, 'ref.sqlite-shm'), { force: true });
  const db = new Database(join(work, 'ref.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('create table report(data_set text, period text, facility_code text, data_values text, primary key (data_set, period, facility_code))');
  const ins = db.prepare('insert into report values (?,?,?,?)');
  db.exec('begin');
  for await (const r of reportRows(file)) ins.run(...r);
  db.exec('commit');
  db.close();
  return (performance.now() - t0) / 1000;
}

/** The PostgreSQL reference: csv-parse and bare multi-row INSERTs (1,000 rows) in one transaction into an empty table. */
async function pgReference() {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query('drop table if exists bench_ref_report');
  await c.query('create table bench_ref_report(data_set text, period text, facility_code text, data_values jsonb, primary key (data_set, period, facility_code))');
  const t0 = performance.now();
  await c.query('begin');
  let batch = [];
  const flush = async () => {
    if (!batch.length) return;
    const params = [];
    const tuples = batch.map((r, i) => (params.push(...r), `($${i * 4 + 1},$${i * 4 + 2},$${i * 4 + 3},$${i * 4 + 4})`));
    await c.query(`insert into bench_ref_report values ${tuples.join(',')}`, params);
    batch = [];
  };
  for await (const r of reportRows(file)) {
    batch.push(r);
    if (batch.length >= 1000) await flush();
  }
  await flush();
  await c.query('commit');
  const secs = (performance.now() - t0) / 1000;
  await c.query('drop table bench_ref_report');
  await c.end();
  return secs;
}

/** The schema's floor (SQLite): the rows written by SQL alone into a copy of the store, with the store's pragmas. */
function schemaFloor() {
  const path = join(work, 'floor.sqlite');
  copyFileSync(join(dataDir, 'gtcm.sqlite'), path);
  if (existsSync(join(dataDir, 'gtcm.sqlite-wal'))) copyFileSync(join(dataDir, 'gtcm.sqlite-wal'), `${path}-wal`);
  const db = new Database(path);
  for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', 'cache_size = -65536']) db.pragma(p);
  const cols = 'data_set, period, facility_code, data_values, status, approval_level, submitted_at, comment, return_reason, approved_at, approved_by, created_at, updated_at, updated_by, seq';
  const top = db.prepare('select coalesce(max(seq), 0) as s from report').get().s;
  const t0 = performance.now();
  db.exec('begin');
  db.exec(`insert into report (${cols}) select data_set, '2025', facility_code, data_values, 'submitted', 0, updated_at, null, null, null, null, updated_at, updated_at, 'admin', ${top} + row_number() over () from report where period = '2024'`);
  db.exec(`insert into audit_log (at, actor, action, entity, entity_key, area_code, before, after) select '2026-12-06T00:00:00.000Z', 'admin', 'import', 'report', data_set || '/2025/' || r.facility_code, f.division_code, null, data_values from report r join facility f on f.code = r.facility_code where period = '2024'`);
  db.exec('commit');
  const secs = (performance.now() - t0) / 1000;
  db.close();
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  return secs;
}

/** The schema's floor on PostgreSQL: the same statements in a transaction that is rolled back. */
async function pgSchemaFloor() {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  const cols = 'data_set, period, facility_code, data_values, status, approval_level, submitted_at, comment, return_reason, approved_at, approved_by, created_at, updated_at, updated_by, seq';
  const top = Number((await c.query('select coalesce(max(seq), 0) as s from report')).rows[0].s);
  const t0 = performance.now();
  await c.query('begin');
  await c.query(`insert into report (${cols}) select data_set, '2025', facility_code, data_values, 'submitted', 0, updated_at, null, null, null, null, updated_at, updated_at, 'admin', ${top} + row_number() over () from report where period = '2024' on conflict (data_set, period, facility_code) do update set data_values = excluded.data_values`);
  await c.query(`insert into audit_log (at, actor, action, entity, entity_key, area_code, before, after) select '2026-12-06T00:00:00.000Z', 'admin', 'import', 'report', data_set || '/2025/' || r.facility_code, f.division_code, null, data_values from report r join facility f on f.code = r.facility_code where period = '2024'`);
  const secs = (performance.now() - t0) / 1000;
  await c.query('rollback');
  await c.end();
  return secs;
}

const floor = PG ? null : schemaFloor();
const dry = await timeImport(['--dry-run']);
const real = await timeImport(['--mode', 'partial']);
// The reference takes a few seconds, so one run of it drifts by a fifth: the median of three.
const refs = [await reference(), await reference(), await reference()].sort((a, b) => a - b);
const ref = refs[1];
console.error(`bare insert: ${refs.map((x) => x.toFixed(1)).join(' / ')} s (median ${ref.toFixed(1)} s)`);
if (PG) {
  const pgRef = await pgReference();
  // Leave the database as it was: the 2025 reports the import added go again, and their dead
  // rows are vacuumed (they would slow the next run's lookups). The audit records stay: the log
  // is append-only.
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  const vacuum = () => c.query('vacuum analyze report, audit_log').catch((e) => console.error(`could not vacuum: ${e.message}`));
  await c.query(`delete from report where period = '2025'`).catch((e) => console.error(`could not remove the 2025 reports: ${e.message}`));
  await vacuum();
  // The floor last, for the same reason: its rolled-back rows are dead rows too.
  const pgFloor = await pgSchemaFloor();
  await vacuum();
  await c.end();
  console.log(`\nPostgreSQL: gtcm import --mode partial ${real.secs.toFixed(1)} s, peak ${real.peak.toFixed(0)} MB; dry run ${dry.secs.toFixed(1)} s (${(dry.secs / pgRef).toFixed(2)}×); the schema's floor (insert … select, rolled back) ${pgFloor.toFixed(1)} s (${(pgFloor / pgRef).toFixed(2)}×); bare multi-row INSERT on PostgreSQL ${pgRef.toFixed(1)} s (ratio ${(real.secs / pgRef).toFixed(2)}×); bare SQLite insert ${ref.toFixed(1)} s (ratio ${(real.secs / ref).toFixed(2)}×)`);
}
console.log(`\nnational import: ${rows.toLocaleString()} rows (${JSON.stringify(real.summary)})`);
console.log('| measure | time | peak RSS | budget | reference (same run) | ratio |');
console.log('|---|---|---|---|---|---|');
console.log(`| gtcm import --mode partial, all rows new (the demo's implausible rows rejected) | ${real.secs.toFixed(1)} s | ${real.peak.toFixed(0)} MB | ≤ 90 s, ≤ 2 GB | hand-written csv-parse + bare better-sqlite3 insert: ${ref.toFixed(1)} s | ${(real.secs / ref).toFixed(2)}× |`);
console.log(`| gtcm import --dry-run (check only) | ${dry.secs.toFixed(1)} s | ${dry.peak.toFixed(0)} MB | | same reference | ${(dry.secs / ref).toFixed(2)}× |`);
if (floor !== null) console.log(`| the schema's floor: the same reports and audit records written by SQL alone (insert … select, no JavaScript) | ${floor.toFixed(1)} s | | | same reference | ${(floor / ref).toFixed(2)}× |`);
rmSync(work, { recursive: true, force: true });
