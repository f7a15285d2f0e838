#!/usr/bin/env node
// Analytics benchmark on the national demo (issue 4 budgets): every figure is printed next to a
// reference measured in the same run on the same data —
//   • the same result written by hand as DuckDB SQL over the engine's own columnar tables,
//   • the equivalent query on the store: SQLite, and PostgreSQL when --pg names a database holding
//     the same national demo (JSON values extracted in SQL, as the store keeps them).
// Measures: engine cold start (building the tables) and restart (opening the persisted tables);
// all indicators for one year by province (warm); one province by county; one county's gap
// list; 1,000 imported reports → visible in the national view.
// Usage: npm run build && node bench/analytics.bench.mjs [--data-dir DIR] [--pg URL]
//   DIR: a store with the national demo, copied first with `gtcm backup` (without it one is
//   created, about 1½ minutes); URL: a PostgreSQL database initialised with
//   `DATABASE_URL=URL gtcm init --demo` (same seed, so the same data).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { time, warm as warmShared } from './measure.mjs';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const gtcm = join(root, 'bin/gtcm.js');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const work = mkdtempSync(join(tmpdir(), 'gtcm-analytics-bench-'));
const dataDir = join(work, 'data');
mkdirSync(dataDir);
const env = { ...process.env, DATABASE_URL: '' };
if (arg('--data-dir')) spawnSync(process.execPath, [gtcm, 'backup', '--data-dir', arg('--data-dir'), '--out', join(dataDir, 'gtcm.sqlite')], { stdio: 'inherit', env });
else spawnSync(process.execPath, [gtcm, 'init', '--demo', '--data-dir', dataDir], { stdio: 'inherit', env });

const { loadConfig } = await import(join(root, 'dist/server/platform/config.js'));
const { createContext } = await import(join(root, 'dist/server/platform/context.js'));
const { SYSTEM_ACTOR } = await import(join(root, 'dist/server/platform/access/actor.js'));
const ctx = await createContext(loadConfig({ dataDir, databaseUrl: null, logLevel: 'silent' }));
const a = ctx.services.analytics;
// Time the computation: repeated questions would otherwise be answered from the shared answer.
const warm = (fn, n) => warmShared(async () => {
  ctx.engine.forgetSharedAnswers();
  return fn();
}, n);


const cold = await time(() => ctx.engine.start(0));
// A restart: a new engine on the same store opens the persisted tables and catches up.
ctx.engine.stop();
const restart = await time(() => ctx.engine.start(0));
const national = () => a.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'province' });
const nationalMs = await warm(national);
const yunnanMs = await warm(() => a.values(SYSTEM_ACTOR, { periods: ['2024'], area: '53', level: 'county' }));
const gapMs = await warm(() => a.gaps(SYSTEM_ACTOR, 'vc_tcm_service', '2024', '530124', 1, 50));

// Reference 1: the national view written by hand as DuckDB SQL over the same tables.
const col = ctx.engine.columnar;
const facilityInds = ctx.metadata.indicators;
const lit = (s) => `'${s}'`;
// Written the way one would by hand over these tables: the open facilities per province for the
// denominators, the reports (which carry their facility's type, dates and province) for the rest.
const open = (p) => `${p}opened <= '2024-12-31' and (${p}closed is null or ${p}closed >= '2024-01-01')`;
const dens = [];
const nums = [];
for (const ind of facilityInds.values()) {
  if (ind.kind === 'COUNTY_SHARE') continue;
  const types = ind.types.map(lit).join(',');
  dens.push(`count(*) filter (where type in (${types}))`);
  nums.push(`count(*) filter (where r.f_type in (${types}))`);
  if (ind.kind === 'RATIO') nums.push(`sum(r."${ind.numerator.sum}") filter (where r.f_type in (${types})), sum(r."${ind.denominator.sum}") filter (where r.f_type in (${types}))`);
  else if ('element' in ind.numerator) nums.push(`count(*) filter (where r.f_type in (${types}) and r."${ind.numerator.element}" ${ind.numerator.op} ${ind.numerator.value})`);
  else nums.push(`count(*) filter (where r.f_type in (${types}) and coalesce(r."${ind.numerator.optionCount}", 0) ${ind.numerator.op} ${ind.numerator.value})`);
}
const handSql = `select province, ${dens.join(', ')} from facility_dim where ${open('')} group by 1`;
const handReports = `select r.f_province, ${nums.join(',\n')} from report_fact r
  where r.data_set = 'GTCM_ANNUAL' and r.period = '2024' and ${open('r.f_')} group by 1`;
const handCounty = `with covered as (select distinct county from facility_dim where type = 'COUNTY_TCM_HOSPITAL' and ownership = 'PUBLIC'
    and opened <= '2024-12-31' and (closed is null or closed >= '2024-01-01'))
  select d.province, count(*), count(c.county) from division_dim d left join covered c on c.county = d.code
  where d.level = 3 and d.kind in ('COUNTY','AUTONOMOUS_COUNTY','BANNER','AUTONOMOUS_BANNER','COUNTY_CITY') group by 1`;
const handTitle = `select d.province, count(*), count(t.division_code) from division_dim d
  left join title_fact t on t.division_code = d.code and t.title = 'DEMO_COUNTY' and t.granted <= 2024 and (t.withdrawn is null or t.withdrawn > 2024)
  where d.level = 3 group by 1`;
const handMs = await warm(async () => {
  await col.all(handSql);
  await col.all(handReports);
  await col.all(handCounty);
  await col.all(handTitle);
});

// Reference 2: the same numbers straight from the store (SQLite, JSON extracted in SQL).
const db = new Database(join(dataDir, 'gtcm.sqlite'), { readonly: true });
const storeParts = [];
for (const ind of facilityInds.values()) {
  if (ind.kind === 'COUNTY_SHARE') continue;
  const types = ind.types.map(lit).join(',');
  const v = (c) => `json_extract(r.data_values, '$.${c}')`;
  if (ind.kind === 'RATIO') storeParts.push(`sum(case when f.type in (${types}) then ${v(ind.numerator.sum)} end), sum(case when f.type in (${types}) then ${v(ind.denominator.sum)} end)`);
  else if ('element' in ind.numerator) storeParts.push(`sum(case when f.type in (${types}) and ${v(ind.numerator.element)} ${ind.numerator.op} ${ind.numerator.value === true ? 1 : ind.numerator.value === false ? 0 : ind.numerator.value} then 1 else 0 end)`);
  else storeParts.push(`sum(case when f.type in (${types}) and coalesce(json_array_length(${v(ind.numerator.optionCount)}), 0) ${ind.numerator.op} ${ind.numerator.value} then 1 else 0 end)`);
}
const storeSql = `select f.province_code, ${storeParts.join(',\n')}, count(*), count(r.facility_code)
  from facility f left join report r on r.facility_code = f.code and r.data_set = 'GTCM_ANNUAL' and r.period = '2024'
  where f.opened <= '2024-12-31' and (f.closed is null or f.closed >= '2024-01-01') group by 1`;
const storeMs = (await time(() => db.prepare(storeSql).all())).ms;
db.close();

// Reference 3: the same query on PostgreSQL (jsonb cast of the stored JSON text), if given.
let pgMs = null;
if (arg('--pg')) {
  const client = new pg.Client({ connectionString: arg('--pg') });
  await client.connect();
  const pgSql = storeSql
    .replace(/json_extract\(r\.data_values, '\$\.(\w+)'\)/g, (_, c) => `(r.data_values::jsonb->>'${c}')`)
    .replace(/coalesce\(json_array_length\(\(r\.data_values::jsonb->>'(\w+)'\)\), 0\)/g, (_, c) => `coalesce(jsonb_array_length(r.data_values::jsonb->'${c}'), 0)`);
  const typed = pgSql.replace(/\(r\.data_values::jsonb->>'(\w+)'\)/g, (_, c) => {
    const el = ctx.metadata.elements.get(c);
    return el?.valueType === 'BOOLEAN' ? `(r.data_values::jsonb->>'${c}')::boolean::int` : `(r.data_values::jsonb->>'${c}')::numeric`;
  });
  pgMs = (await time(() => client.query(typed))).ms;
  await client.end();
}

// 1,000 reports imported → visible in the national view.
const codes = [];
for await (const f of ctx.store.repos.facilities.iterate({ area: { level: 0, code: 'CN' }, type: 'VC', status: 'open' })) {
  codes.push(f.code);
  if (codes.length >= 1000) break;
}

const csv = `org_code,period,provides_tcm,visits,tcm_visits\n${codes.map((c) => `${c},2025,1,2000,500`).join('\n')}\n`;
const t0 = performance.now();
const summary = await ctx.services.imports.importTable(SYSTEM_ACTOR, Readable.from([csv]), { format: 'csv', mode: 'strict' });
const imported = performance.now() - t0;
await ctx.engine.sync();
const after = await a.values(SYSTEM_ACTOR, { periods: ['2025'], level: 'province', indicators: ['vc_tcm_service'] });
const visible = performance.now() - t0;
const seen = after.reduce((s, r) => s + r.numerator, 0);
ctx.engine.stop();
await ctx.close();

const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log('| measure | time | budget | reference (same run) | ratio |');
console.log('|---|---|---|---|---|');
console.log(`| engine cold start (national demo into DuckDB, written to analytics.duckdb) | ${f(cold.ms)} | — | — | — |`);
console.log(`| engine restart (opens analytics.duckdb, catches up) | ${f(restart.ms)} | — | cold start: ${f(cold.ms)} | ${(cold.ms / restart.ms).toFixed(0)}× faster |`);
console.log(`| all ${ctx.metadata.indicators.size} indicators, 2024, by province (warm, median of 5) | ${f(nationalMs)} | ≤ 300 ms, ≤ 1.5× hand SQL | hand-written DuckDB SQL on the same tables (two scans, as the tables invite): ${f(handMs)} | ${(nationalMs / handMs).toFixed(2)}× |`);
console.log(`| the same on the store (SQLite, JSON in SQL) | ${f(storeMs)} | engine ≥ 10× faster | engine: ${f(nationalMs)} | engine ${(storeMs / nationalMs).toFixed(0)}× faster |`);
if (pgMs !== null) console.log(`| the same on the store (PostgreSQL 15, jsonb in SQL) | ${f(pgMs)} | engine ≥ 10× faster | engine: ${f(nationalMs)} | engine ${(pgMs / nationalMs).toFixed(0)}× faster |`);
else console.log('| the same on the store (PostgreSQL) | not measured: pass --pg URL | | | |');
console.log(`| one province (云南) by county, all indicators | ${f(yunnanMs)} | ≤ 100 ms | — | — |`);
console.log(`| one county's gap list (富民县, vc_tcm_service) | ${f(gapMs)} | ≤ 100 ms | — | — |`);
console.log(`| import 1,000 reports → visible in the national view | ${f(visible)} (import ${f(imported)}, ${summary.inserted} inserted, ${seen} counted) | ≤ 1 s | — | — |`);
rmSync(work, { recursive: true, force: true });
