#!/usr/bin/env node
// Start-up benchmark on the national demo (issue 2 budget: first start ready to browse ≤ 3 min,
// later starts ≤ 10 s). Measures, in the same run:
//   1. first start: `gtcm start` on an empty data directory until a login and the national
//      facility counts answer (hierarchy + ~665k facilities + ~2.6M reports generated);
//      then, still running, until its analytics tables are built and persisted;
//   2. later start: `gtcm start` again on the same directory until the same requests answer;
//   3. reference for (1): the same rows (same generator) written by hand with bare
//      better-sqlite3 prepared statements in one transaction — the floor of the embedded store;
//   4. reference for (2): a bare node process that opens the same SQLite file and answers one
//      HTTP request.
// Usage: npm run build && node bench/startup.bench.mjs [--keep DIR]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const root = new URL('..', import.meta.url).pathname;
const keepIdx = process.argv.indexOf('--keep');
const dataDir = keepIdx > 0 ? process.argv[keepIdx + 1] : mkdtempSync(join(tmpdir(), 'gtcm-bench-'));
const port = 3900 + Math.floor(Math.random() * 90);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function readyToBrowse() {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nation', password: 'Demo@2024!' }),
  });
  if (login.status !== 200) return false;
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const counts = await fetch(`http://127.0.0.1:${port}/api/divisions/CN/facility-counts`, { headers: { cookie } });
  // The national demo holds about 563,000 facilities (a 社区卫生服务站 in one residents' committee in five).
  return counts.status === 200 && (await counts.json()).total > 500_000;
}

/** Seconds from `t0` until the analytics tables are persisted (the first start builds them after it is ready). */
async function untilAnalyticsBuilt(t0, child) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gtcm start exited with ${child.exitCode}`);
    if (existsSync(join(dataDir, 'analytics.duckdb'))) return (performance.now() - t0) / 1000;
    await sleep(500);
  }
}

async function timeStart(label, waitForAnalytics = false) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/gtcm.js'), 'start', '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: gtcm start exited with ${child.exitCode}`);
    try {
      if (await readyToBrowse()) break;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  const secs = (performance.now() - t0) / 1000;
  const analytics = waitForAnalytics ? await untilAnalyticsBuilt(t0, child) : null;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { secs, analytics };
}

async function referenceLoad() {
  const { readAllDivisions } = await import(join(root, 'dist/server/modules/org-units/china-division.source.js'));
  const { facilitiesForDivision, reportFor, DEMO_YEARS } = await import(join(root, 'dist/server/demo/demo-generator.js'));
  const dir = mkdtempSync(join(tmpdir(), 'gtcm-bench-ref-'));
  const t0 = performance.now();
  const db = new Database(join(dir, 'ref.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`create table division(code text primary key, name text, level int, parent_code text, kind text);
    create table facility(code text primary key, name text, type text, division_code text, ownership text, opened text, closed text, attributes text);
    create table report(data_set text, period text, facility_code text, data_values text, primary key (data_set, period, facility_code));`);
  const insD = db.prepare('insert into division values (?,?,?,?,?)');
  const insF = db.prepare('insert into facility values (?,?,?,?,?,?,?,?)');
  const insR = db.prepare('insert into report values (?,?,?,?)');
  const divisions = [];
  for await (const d of readAllDivisions()) divisions.push(d);
  db.transaction(() => {
    for (const d of divisions) {
      insD.run(d.code, d.name, d.level, d.parentCode, d.kind);
      for (const f of facilitiesForDivision(d, { seed: 1 })) {
        insF.run(f.code, f.name, f.type, f.divisionCode, f.ownership, f.opened, f.closed, JSON.stringify(f.attributes));
        for (const y of DEMO_YEARS) {
          const v = reportFor(f, y, { seed: 1 });
          if (v) insR.run('GTCM_ANNUAL', String(y), f.code, JSON.stringify(v));
        }
      }
    }
  })();
  db.close();
  const secs = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  return secs;
}

async function referenceOpen() {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const D=require(${JSON.stringify(join(root, 'node_modules/better-sqlite3'))});const db=new D(${JSON.stringify(join(dataDir, 'gtcm.sqlite'))});` +
        `require('http').createServer((q,s)=>s.end(String(db.prepare('select count(*) n from facility').get().n))).listen(${port});`,
    ],
    { stdio: 'ignore' },
  );
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) break;
    } catch {
      /* not yet */
    }
    await sleep(20);
  }
  const secs = (performance.now() - t0) / 1000;
  child.kill();
  await new Promise((r) => child.once('exit', r));
  return secs;
}

// The first start keeps running until its analytics tables are built, as a real first start
// does; a later start then opens them instead of building them again.
const { secs: first, analytics } = await timeStart('first start', true);
const { secs: later } = await timeStart('later start');
const refOpen = await referenceOpen();
const refLoad = await referenceLoad();
const fmt = (s) => `${s.toFixed(1)} s`;
console.log('\n| measure | time | budget | reference (same run) | ratio to reference |');
console.log('|---|---|---|---|---|');
console.log(`| first start, ready to browse (national demo) | ${fmt(first)} | ≤ 180 s | hand-written bare better-sqlite3 load of the same rows: ${fmt(refLoad)} | ${(first / refLoad).toFixed(2)}× |`);
console.log(`| first start, analytics tables built (in the background, after ready) | ${fmt(analytics)} | — | — | — |`);
console.log(`| later start, ready to browse | ${fmt(later)} | ≤ 10 s | bare node + better-sqlite3 answering one request: ${refOpen.toFixed(2)} s | ${(later / refOpen).toFixed(2)}× |`);
if (keepIdx < 0) rmSync(dataDir, { recursive: true, force: true });
