#!/usr/bin/env node
// Evaluation benchmark on the national demo (issue 12): scoring DEMO_COUNTY's automatic items for
// every county-level unit of the country for one year, against references measured in the same run
// on the same data —
//   • one national indicator view (all indicators for 2024 by province), the yardstick;
//   • the indicators it reads, by county for the whole country (the data it scores from);
//   • the naive way: one county at a time (a sample of 30 counties, extrapolated to all of them).
// Usage: npm run build && node bench/evaluation.bench.mjs [--data-dir DIR]
//   DIR: a store with the national demo (its analytics file is opened, or built once); without it
//   one is created, about 1½ minutes, plus the tables' first build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warm as warmShared } from './measure.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
let dataDir = arg('--data-dir');
if (!dataDir) {
  dataDir = mkdtempSync(join(tmpdir(), 'gtcm-evaluation-bench-'));
  spawnSync(process.execPath, [join(root, 'bin/gtcm.js'), 'init', '--demo', '--data-dir', dataDir], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: '' } });
}

const { loadConfig } = await import(join(root, 'dist/server/platform/config.js'));
const { createContext } = await import(join(root, 'dist/server/platform/context.js'));
const { SYSTEM_ACTOR } = await import(join(root, 'dist/server/platform/access/actor.js'));
const ctx = await createContext(loadConfig({ dataDir, databaseUrl: null, logLevel: 'silent' }));
await ctx.engine.start(0);
// Time the computation: repeated questions would otherwise be answered from the shared answer.
const warm = (fn, n) => warmShared(async () => {
  ctx.engine.forgetSharedAnswers();
  return fn();
}, n);


const national = () => ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'province' });
const all = () => ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', 'CN');
const nationalMs = await warm(national);
const standard = ctx.services.standards.get('DEMO_COUNTY');
const read = [...new Set(standard.sections.flatMap((s) => s.items).flatMap((i) => (i.mode.source?.indicator ? [i.mode.source.indicator] : [])))];
const byCountyMs = await warm(() => ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'county', indicators: read }));
const allMs = await warm(all);
const answer = await all();

// The naive reference: one county at a time, for a sample spread over the country.
const counties = [...new Set(answer.rows.map((r) => r.subjectCode))];
const sample = counties.filter((_, i) => i % Math.ceil(counties.length / 30) === 0);
await ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', sample[0]);
const t0 = performance.now();
for (const c of sample) await ctx.services.autoscore.autoscore(SYSTEM_ACTOR, 'DEMO_COUNTY', '2024', c);
const perCounty = (performance.now() - t0) / sample.length;
const naiveMs = perCounty * counties.length;

const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
console.log(`\nDEMO_COUNTY autoscore, 2024, the whole country: ${answer.subjects} county-level units × ${answer.rows.length / answer.subjects} automatic items = ${answer.rows.length} rows`);
console.log('| measure | time | reference (same run) | ratio |');
console.log('|---|---|---|---|');
console.log(`| every county-level unit scored (one call) | ${f(allMs)} | one national indicator view (all indicators by province): ${f(nationalMs)} | ${(allMs / nationalMs).toFixed(2)}× |`);
console.log(`| the same | ${f(allMs)} | the ${read.length} indicators it reads, by county for the whole country: ${f(byCountyMs)} | ${(allMs / byCountyMs).toFixed(2)}× |`);
console.log(`| the same, one county at a time (${sample.length} sampled, × ${counties.length}) | ${f(naiveMs)} | the one call above: ${f(allMs)} | ${(naiveMs / allMs).toFixed(1)}× |`);
await ctx.close();
