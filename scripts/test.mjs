#!/usr/bin/env node
// The one test command (`npm test`): unit tests, integration tests on SQLite and on PostgreSQL,
// and browser tests in Chromium. Outside CI a suite whose external part is missing (no
// PostgreSQL at TEST_DATABASE_URL, no Chromium, no built web app) is skipped with a loud notice;
// under CI=true every suite must run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import pg from 'pg';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const projects = ['unit', 'sqlite'];
const missing = [];

async function postgresReachable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

if (await postgresReachable()) projects.push('postgres');
else missing.push(`PostgreSQL 不可用 / not reachable at TEST_DATABASE_URL=${pgUrl}: the PostgreSQL suite`);

if (!existsSync(chromium)) missing.push(`Chromium 不存在 / not found at ${chromium} (apt-get install -y chromium): the browser suite`);
else if (!existsSync('dist/web/index.html')) missing.push('Web 应用未构建 / web app not built (npm run build): the browser suite');
else projects.push('e2e');

for (const m of missing) {
  const line = '!'.repeat(100);
  console.error(`\n${line}\n!!! ${CI ? 'CI: REQUIRED SUITE CANNOT RUN' : 'SKIPPED'} — ${m}\n${line}\n`);
}
if (CI && missing.length) process.exit(1);

mkdirSync('test-results', { recursive: true });
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: pgUrl, CHROMIUM_PATH: chromium } });

if (existsSync('test-results/vitest.json')) {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nsuites: ${projects.join(', ')}${missing.length ? ` (skipped: ${missing.length})` : ''}`);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(run.status ?? 1);
