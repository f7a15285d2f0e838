#!/usr/bin/env node
// Ten years of data (issue 15): the national demo over 2015–2024 (`gtcm init --demo --years
// 2015-2024`, about 6 M reports) against the default four years (2021–2024), in the same run:
//   • init (the store written), and the analytics engine's cold build (its tables from the store);
//   • the national trend of all 14 indicators by province over every year held (warm, median of 5,
//     the shared answers forgotten before each run so that the computation is timed);
//   • one year (2024) by province, which ten years should not slow.
// Prints each figure for both, and the ratio ten years ÷ four years.
// Usage: npm run build && node bench/ten-years.bench.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { time, warm } from './measure.mjs';

const root = new URL('..', import.meta.url).pathname;
const gtcm = join(root, 'bin/gtcm.js');
const work = mkdtempSync(join(tmpdir(), 'gtcm-ten-years-'));
const env = { ...process.env, DATABASE_URL: '' };
const { loadConfig } = await import(join(root, 'dist/server/platform/config.js'));
const { createContext } = await import(join(root, 'dist/server/platform/context.js'));
const { SYSTEM_ACTOR } = await import(join(root, 'dist/server/platform/access/actor.js'));

async function measure(label, years) {
  const dataDir = join(work, label);
  mkdirSync(dataDir);
  console.error(`[${label}] gtcm init --demo${years ? ` --years ${years}` : ''} …`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [gtcm, 'init', '--demo', '--data-dir', dataDir, ...(years ? ['--years', years] : [])], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) throw new Error(`init failed (${r.status})`);
  const initS = (performance.now() - t0) / 1000;
  // init builds the analytics tables for the modules' demos; time a build of its own from scratch.
  rmSync(join(dataDir, 'analytics.duckdb'), { force: true });
  const ctx = await createContext(loadConfig({ dataDir, databaseUrl: null, logLevel: 'silent' }));
  const reports = await ctx.store.repos.reports.count();
  const facilities = await ctx.store.repos.facilities.count();
  const cold = await time(() => ctx.engine.start(0));
  const a = ctx.services.analytics;
  const fresh = (fn) => async () => {
    ctx.engine.forgetSharedAnswers();
    return fn();
  };
  const periods = await a.periods(SYSTEM_ACTOR);
  const trendMs = await warm(fresh(() => a.trend(SYSTEM_ACTOR, { level: 'province' })));
  const yearMs = await warm(fresh(() => a.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'province' })));
  await ctx.close();
  const out = { label, years: periods.length, facilities, reports, initS, coldS: cold.ms / 1000, trendMs, yearMs };
  console.error(`[${label}] ${JSON.stringify(out)}`);
  return out;
}

const four = await measure('four-years', null);
const ten = await measure('ten-years', '2015-2024');
const row = (name, f, t, unit) => console.log(`| ${name} | ${f.toFixed(unit === 's' ? 1 : 0)} ${unit} | ${t.toFixed(unit === 's' ? 1 : 0)} ${unit} | ${(t / f).toFixed(2)}× |`);
console.log(`| measure | four years (${four.reports.toLocaleString('en')} reports) | ten years (${ten.reports.toLocaleString('en')} reports) | ten ÷ four |`);
console.log('|---|---|---|---|');
row('`gtcm init --demo` (store written, tables built for the modules\' demos)', four.initS, ten.initS, 's');
row('analytics engine cold build', four.coldS, ten.coldS, 's');
row(`national trend, all 14 indicators by province, every year (${four.years} / ${ten.years} years; warm)`, four.trendMs, ten.trendMs, 'ms');
row('one year (2024), all indicators by province (warm)', four.yearMs, ten.yearMs, 'ms');
if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
