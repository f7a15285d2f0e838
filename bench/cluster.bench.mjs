#!/usr/bin/env node
// A real cluster on one machine (issue 15): N platform nodes (`gtcm start`, each its own data
// directory and port) on one PostgreSQL database, behind HAProxy (Debian's `haproxy`),
// optionally through PgBouncer in transaction mode (Debian's `pgbouncer`). It runs, in order:
//   1. start: the N nodes started at the same moment on an empty database: exactly one
//      initialises (the Yunnan demo, `--small`), the others wait and serve; all ready;
//   2. sessions: one login through the balancer works on every node; a save on node 1 shows in
//      node 2's analytics (ms);
//   3. faults: node 2's database connections terminated (pg_terminate_backend), then every
//      node's at once (what a PostgreSQL restart does to them): every process stays up, the
//      balancer keeps answering, each node is ready again (seconds), nothing saved is lost;
//   4. save during import: one-row saves on node 2 while `gtcm import` stores the 2024 reports
//      relabelled 2025 (13,000 rows) — p50/max against the same saves with no import;
//   5. load: S logged-in sessions mixing the dashboard (all indicators, one province by
//      county), a county's gap list and report saves, for T seconds, closed loop, against
//      node 1 alone and against the balancer (N nodes): throughput, p50/p99, errors, RSS;
//   6. peak: report submissions (validation, write, audit, visible in the indicators) as fast
//      as W writers go while R sessions read the dashboard — against 1 node and N nodes; with
//      --peak-rate S the W writers together submit S reports a second (each writer keeps its
//      own schedule and catches up when behind), so the dashboard is measured at a given load.
// Exits non-zero when a check fails. Usage:
//   npm run build && node bench/cluster.bench.mjs [--pg postgres://postgres@127.0.0.1:5432/test]
//     [--nodes 3] [--pgbouncer] [--sessions 200] [--seconds 60] [--writers 8] [--readers 8]
//     [--peak-seconds 30] [--peak-rate 160] [--skip load,peak]
// The database `gtcm_cluster` is dropped and created afresh on the server of --pg.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const gtcm = join(root, 'bin/gtcm.js');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const flag = (name) => process.argv.includes(name);
const ADMIN_URL = arg('--pg', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const N = Number(arg('--nodes', 3));
const SESSIONS = Number(arg('--sessions', 200));
const SECONDS = Number(arg('--seconds', 60));
const WRITERS = Number(arg('--writers', 8));
const READERS = Number(arg('--readers', 8));
const PEAK_SECONDS = Number(arg('--peak-seconds', 30));
/** Submissions a second the writers keep to together (0: as fast as they are answered). */
const PEAK_RATE = Number(arg('--peak-rate', 0));
const SKIP = new Set((arg('--skip', '') || '').split(',').filter(Boolean));
const BOUNCER = flag('--pgbouncer');
const DB = 'gtcm_cluster';
const PASSWORD = 'Demo@2024!';
const BALANCER = 3100;
const portOf = (i) => 3101 + i;
const work = mkdtempSync(join(tmpdir(), 'gtcm-cluster-'));
const children = [];
const failures = [];
const results = {};

const say = (line) => console.error(`[cluster ${new Date().toISOString().slice(11, 19)}] ${line}`);
function check(ok, what) {
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes

function run(name, cmd, args, env = {}) {
  const log = createWriteStream(join(work, `${name}.log`));
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.name = name;
  child.exited = null;
  child.on('exit', (code, signal) => (child.exited = { code, signal }));
  children.push(child);
  return child;
}

async function cleanup() {
  for (const c of children) if (!c.exited) c.kill('SIGTERM');
  await sleep(1500);
  for (const c of children) if (!c.exited) c.kill('SIGKILL');
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

// ---------------------------------------------------------------- HTTP client

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function request(port, method, path, { cookie, csrf, body, timeoutMs = 30_000 } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = {};
    if (cookie) headers.cookie = cookie;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode, json, headers: res.headers, ms: performance.now() - t0 });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, json: null, error: e.message, ms: performance.now() - t0 }));
    if (payload) req.write(payload);
    req.end();
  });
}

async function login(port, username) {
  const r = await request(port, 'POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  if (r.status !== 200) throw new Error(`login ${username} on ${port}: ${r.status} ${JSON.stringify(r.json)}`);
  const cookie = [].concat(r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: r.json.csrfToken };
}

async function waitReady(port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await request(port, 'GET', '/api/health/ready', { timeoutMs: 3000 });
    if (r.status === 200) return true;
    await sleep(250);
  }
  return false;
}

const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const rssMb = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]) / 1024;
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------- the database

async function admin(sql, params) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

const pgUrl = new URL(ADMIN_URL);
await admin(`drop database if exists ${DB} with (force)`);
await admin(`create database ${DB}`);
let dbHost = pgUrl.hostname;
let dbPort = Number(pgUrl.port || 5432);
if (BOUNCER) {
  // Transaction pooling: a server connection per transaction. node-postgres sends
  // statement_timeout as a startup parameter, which PgBouncer must be told to pass over (the
  // client-side query timeout still bounds a statement).
  const ini = join(work, 'pgbouncer.ini');
  const users = join(work, 'userlist.txt');
  writeFileSync(users, `"${pgUrl.username || 'postgres'}" ""\n`);
  writeFileSync(
    ini,
    [
      '[databases]',
      `${DB} = host=${pgUrl.hostname} port=${dbPort} dbname=${DB}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      'listen_port = 6432',
      'auth_type = trust',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 40',
      'ignore_startup_parameters = extra_float_digits,statement_timeout',
      `unix_socket_dir =`,
      `logfile = ${join(work, 'pgbouncer.log')}`,
    ].join('\n') + '\n',
  );
  chmodSync(work, 0o755);
  for (const f of [ini, users]) chmodSync(f, 0o644);
  writeFileSync(join(work, 'pgbouncer.log'), '');
  chmodSync(join(work, 'pgbouncer.log'), 0o666);
  run('pgbouncer', 'pgbouncer', process.getuid?.() === 0 ? ['-u', 'nobody', ini] : [ini]);
  dbHost = '127.0.0.1';
  dbPort = 6432;
  await sleep(800);
}
const nodeUrl = (i) => `postgres://${pgUrl.username || 'postgres'}@${dbHost}:${dbPort}/${DB}?application_name=gtcm-node-${i + 1}`;
const cliEnv = { DATABASE_URL: nodeUrl(99).replace('gtcm-node-100', 'gtcm-cli') };

// ---------------------------------------------------------------- 1. start together

say(`${N} nodes on ${BOUNCER ? 'PgBouncer (transaction mode) → ' : ''}PostgreSQL ${pgUrl.host}/${DB}, behind HAProxy on :${BALANCER}; logs in ${work}`);
const nodes = [];
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const dir = join(work, `node${i + 1}`);
  nodes.push(
    run(`node${i + 1}`, process.execPath, [gtcm, 'start', '--small', '--data-dir', dir, '--port', String(portOf(i))], {
      DATABASE_URL: nodeUrl(i),
      GTCM_LOGIN_RATE_PER_MINUTE: '1000000',
      GTCM_LOGIN_CONCURRENCY: '4',
      GTCM_LOG_LEVEL: 'warn',
    }),
  );
}
const ready = await Promise.all(nodes.map((_, i) => waitReady(portOf(i), 300_000)));
results.startAllReadyS = (performance.now() - t0) / 1000;
check(ready.every(Boolean), `all ${N} nodes started together are ready (${results.startAllReadyS.toFixed(1)} s)`);
const logs = nodes.map((n) => readFileSync(join(work, `${n.name}.log`), 'utf8'));
const initialised = logs.filter((l) => l.includes('loaded divisions')).length;
check(initialised === 1, `exactly one node initialised the empty database (${initialised}); the others: "${logs.map((l) => (l.includes('another node initialised') ? 'waited' : l.includes('loaded divisions') ? 'initialised' : '?')).join(', ')}"`);

// ---------------------------------------------------------------- the balancer

const cfg = join(work, 'haproxy.cfg');
writeFileSync(
  cfg,
  `global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 2
  option redispatch
  retry-on conn-failure empty-response 503
frontend web
  bind 127.0.0.1:${BALANCER}
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /api/health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 1
${nodes.map((_, i) => `  server n${i + 1} 127.0.0.1:${portOf(i)} check`).join('\n')}
`,
);
run('haproxy', 'haproxy', ['-f', cfg, '-db']);
check(await waitReady(BALANCER, 15_000), 'HAProxy answers ready through its health checks');

// ---------------------------------------------------------------- 2. sessions and a save seen everywhere

const reports = await exportReports();
const saveFacilities = [...reports.keys()].filter((c) => c.includes('530102')).slice(0, 40);
const yunnan = await login(BALANCER, 'yunnan');
{
  const onEvery = await Promise.all(nodes.map((_, i) => request(portOf(i), 'GET', '/api/auth/me', yunnan)));
  check(onEvery.every((r) => r.status === 200), 'one login through the balancer is a session on every node');
  const code = saveFacilities[0];
  const values = { ...reports.get(code), tcm_visits: 4321 };
  const t = performance.now();
  const saved = await request(portOf(0), 'PUT', `/api/reports/GTCM_ANNUAL/2025/${code}`, { ...yunnan, body: { values } });
  check(saved.status === 200, `a save on node 1 (${saved.status})`);
  let seen = null;
  while (performance.now() - t < 10_000) {
    const f = await request(portOf(1), 'GET', `/api/analytics/facility/${code}`, yunnan);
    if ((f.json?.items ?? []).some((row) => row.period === '2025' && row.tcm_visits === 4321)) {
      seen = performance.now() - t;
      break;
    }
    await sleep(10);
  }
  results.seenOnOtherNodeMs = seen;
  check(seen !== null, `node 2's analytics show it after ${seen?.toFixed(0)} ms`);
}

// ---------------------------------------------------------------- 3. faults

async function faultWindow(what, fault) {
  const stop = { done: false };
  const seen = { ok: 0, bad: 0 };
  const loop = (async () => {
    while (!stop.done) {
      const r = await request(BALANCER, 'GET', '/api/auth/me', { ...yunnan, timeoutMs: 10_000 });
      if (r.status === 200) seen.ok++;
      else seen.bad++;
      await sleep(20);
    }
  })();
  await sleep(500);
  const killed = await fault();
  const t = performance.now();
  const back = await Promise.all(nodes.map((_, i) => waitReady(portOf(i), 30_000)));
  const recoveredS = (performance.now() - t) / 1000;
  await sleep(1000);
  stop.done = true;
  await loop;
  const alive = nodes.every((n) => !n.exited);
  const me = await Promise.all(nodes.map((_, i) => request(portOf(i), 'GET', '/api/auth/me', yunnan)));
  check(alive && back.every(Boolean) && me.every((r) => r.status === 200), `${what}: ${killed} connections terminated; every process up, every node ready again within ${recoveredS.toFixed(1)} s`);
  say(`     through the balancer meanwhile: ${seen.ok} answered 200, ${seen.bad} did not`);
  return { killed, recoveredS, balancerOk: seen.ok, balancerFailed: seen.bad };
}

const terminate = (pattern) => async () =>
  (await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and (application_name like $2 ${BOUNCER ? "or application_name = '' or application_name is null" : ''}) and pid <> pg_backend_pid()`, [DB, pattern])).rowCount;
results.faultOneNode = await faultWindow("node 2's database connections terminated", terminate(BOUNCER ? '%' : 'gtcm-node-2'));
results.faultAllNodes = await faultWindow("every node's database connections terminated (as a PostgreSQL restart does)", terminate('%'));
{
  const r = await request(portOf(2 % N), 'GET', `/api/reports/GTCM_ANNUAL/2025/${saveFacilities[0]}`, yunnan);
  check(r.status === 200 && r.json?.report?.values?.tcm_visits === 4321, 'the save made before the faults is still there');
}

// ---------------------------------------------------------------- 4. a save during an import

{
  const saveOnce = async (i) => {
    const code = saveFacilities[1 + (i % (saveFacilities.length - 1))];
    const r = await request(portOf(1), 'PUT', `/api/reports/GTCM_ANNUAL/2025/${code}`, { ...yunnan, body: { values: { ...reports.get(code), tcm_visits: 1000 + i } } });
    return r.status === 200 ? r.ms : null;
  };
  const baseline = [];
  for (let i = 0; i < 30; i++) baseline.push(await saveOnce(i));
  const file = join(work, 'reports-2025.csv');
  const importing = spawn(process.execPath, [gtcm, 'import', file, '--mode', 'partial', '--data-dir', join(work, 'cli')], { env: { ...process.env, ...cliEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  importing.stdout.on('data', (d) => (out += d));
  const tImport = performance.now();
  // Wait until the import writes (its rows appear in the open transaction: pg_locks shows it).
  await sleep(1500);
  const during = [];
  let done = false;
  importing.on('exit', () => (done = true));
  for (let i = 0; !done; i++) {
    during.push(await saveOnce(100 + i));
    await sleep(50);
  }
  const importS = (performance.now() - tImport) / 1000;
  const summary = JSON.parse(out || '{}');
  const ok = [...baseline, ...during].every((x) => x !== null);
  results.saveDuringImport = {
    importRows: summary.rows,
    importInserted: summary.inserted,
    importS,
    saves: during.length,
    baselineP50: pct(baseline, 50),
    duringP50: pct(during, 50),
    duringMax: Math.max(...during),
  };
  check(ok && during.length > 0, `one-row saves on node 2 during an import of ${summary.rows} rows (${importS.toFixed(1)} s): p50 ${pct(during, 50)?.toFixed(0)} ms, max ${Math.max(...during).toFixed(0)} ms, against ${pct(baseline, 50).toFixed(0)} ms with no import (${during.length} saves, all stored)`);
}

// ---------------------------------------------------------------- 5. load, 6. peak

const DASHBOARD = '/api/analytics?periods=2024&area=53';
const GAPS = '/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=50';

async function sessions(port, n) {
  const users = ['yunnan', 'yn_review'];
  const out = [];
  for (let i = 0; i < n; i += 8) out.push(...(await Promise.all(Array.from({ length: Math.min(8, n - i) }, (_, j) => login(port, users[(i + j) % users.length])))));
  return out;
}

async function load(label, port, pids, opts) {
  const { sessions: ss, seconds, pick } = opts;
  const stats = new Map();
  const note = (kind, r) => {
    const s = stats.get(kind) ?? { ms: [], errors: 0, refused: 0, codes: {} };
    if (r.status >= 200 && r.status < 300) s.ms.push(r.ms);
    else if (r.status === 400 && r.json?.error?.code) {
      // A report the rules refuse (a facility closed in 2025, a value that fails a check): a right answer, counted apart.
      s.refused++;
      s.ms.push(r.ms);
    } else {
      s.errors++;
      const c = r.json?.error?.code ?? r.error ?? r.status;
      s.codes[c] = (s.codes[c] ?? 0) + 1;
    }
    stats.set(kind, s);
  };
  const rssBefore = pids.map(rssMb);
  const until = performance.now() + seconds * 1000;
  let n = 0;
  const t = performance.now();
  await Promise.all(
    ss.map(async (session, k) => {
      while (performance.now() < until) {
        const { kind, method, path, body, at } = pick(k, n++);
        // A paced request waits for its moment (and goes at once when its writer is behind).
        if (at !== undefined && at > performance.now()) await sleep(Math.min(at, until) - performance.now());
        if (performance.now() >= until) break;
        note(kind, await request(port, method, path, { ...session, body }));
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const rssAfter = pids.map(rssMb);
  const out = { label, seconds: elapsed, sessions: ss.length, kinds: {} };
  let total = 0;
  let errors = 0;
  for (const [kind, s] of stats) {
    out.kinds[kind] = { count: s.ms.length, perSecond: s.ms.length / elapsed, p50: pct(s.ms, 50), p99: pct(s.ms, 99), errors: s.errors, refused: s.refused, codes: s.codes };
    total += s.ms.length;
    errors += s.errors;
  }
  out.throughput = total / elapsed;
  out.errors = errors;
  out.rssBeforeMb = rssBefore;
  out.rssAfterMb = rssAfter;
  say(`${label}: ${out.throughput.toFixed(0)} req/s, ${errors} errors, RSS ${rssBefore.map((x) => x?.toFixed(0)).join('/')} → ${rssAfter.map((x) => x?.toFixed(0)).join('/')} MB`);
  for (const [kind, k] of Object.entries(out.kinds))
    say(`     ${kind.padEnd(10)} ${k.count} (${k.perSecond.toFixed(1)}/s)  p50 ${k.p50?.toFixed(0)} ms  p99 ${k.p99?.toFixed(0)} ms  errors ${k.errors}  refused by the rules ${k.refused} ${JSON.stringify(k.codes)}`);
  return out;
}

const mixFacilities = [...reports.keys()].filter((c) => !c.includes('530102'));
const mix = (k, i) => {
  const r = i % 20;
  if (r < 12) return { kind: 'dashboard', method: 'GET', path: DASHBOARD };
  if (r < 17) return { kind: 'gaps', method: 'GET', path: GAPS };
  const code = mixFacilities[(k * 7 + i) % 500];
  return { kind: 'save', method: 'PUT', path: `/api/reports/GTCM_ANNUAL/2025/${code}`, body: { values: { ...reports.get(code), tcm_visits: (reports.get(code).tcm_visits ?? 0) + (i % 3) } } };
};
const pidsAll = nodes.map((n) => n.pid);

if (!SKIP.has('load')) {
  say(`load: ${SESSIONS} sessions, ${SECONDS} s each (1 node, then ${N} behind the balancer)`);
  const s1 = await sessions(portOf(0), SESSIONS);
  results.load1 = await load('1 node', portOf(0), [pidsAll[0]], { sessions: s1, seconds: SECONDS, pick: mix });
  const sN = await sessions(BALANCER, SESSIONS);
  results.loadN = await load(`${N} nodes`, BALANCER, pidsAll, { sessions: sN, seconds: SECONDS, pick: mix });
  check(results.load1.errors === 0 && results.loadN.errors === 0, 'load: no errors on 1 node and on the cluster');
}

if (!SKIP.has('peak')) {
  // Facilities outside the saves above, submitted for 2025 in turn; once every one has been
  // submitted the round starts again with a changed value (tcm_visits + the round), so that
  // each submission stays a real change however many the runs make (Yunnan has ~13,000).
  const queue = [...reports.keys()].filter((c) => !c.includes('530102')).slice(500);
  let submitted = 0;
  const peak = async (label, port, pids) => {
    const ss = await sessions(port, WRITERS + READERS);
    let lastCode = null;
    let lastVisits = null;
    let t0 = null;
    const sent = new Array(WRITERS).fill(0);
    const pick = (k) => {
      if (k >= WRITERS) return { kind: 'dashboard', method: 'GET', path: DASHBOARD };
      const code = (lastCode = queue[submitted % queue.length]);
      const round = Math.floor(submitted++ / queue.length);
      const values = round === 0 ? reports.get(code) : { ...reports.get(code), tcm_visits: (reports.get(code).tcm_visits ?? 0) + round };
      lastVisits = values.tcm_visits ?? null;
      t0 ??= performance.now();
      // Writer k's j-th submission is due at (j·W + k) / rate seconds after the start.
      const at = PEAK_RATE > 0 ? t0 + ((sent[k]++ * WRITERS + k) / PEAK_RATE) * 1000 : undefined;
      return { kind: 'submit', method: 'POST', path: `/api/reports/GTCM_ANNUAL/2025/${code}/submit`, body: { values }, at };
    };
    const r = await load(label, port, pids, { sessions: ss, seconds: PEAK_SECONDS, pick });
    // Visible in the indicators: the last submission is in the analytics of the last node.
    const t = performance.now();
    let seenMs = null;
    while (performance.now() - t < 10_000) {
      const f = await request(portOf(N - 1), 'GET', `/api/analytics/facility/${lastCode}`, ss[0]);
      // The report of 2025 with the value last submitted (a later round changed tcm_visits).
      if ((f.json?.items ?? []).some((row) => row.period === '2025' && (lastVisits === null || Number(row.tcm_visits) === lastVisits))) {
        seenMs = performance.now() - t;
        break;
      }
      await sleep(20);
    }
    r.lastSubmissionVisibleMs = seenMs;
    check(seenMs !== null, `${label}: the last submission is in node ${N}'s indicators ${seenMs?.toFixed(0)} ms after the run`);
    return r;
  };
  const pace = PEAK_RATE > 0 ? `, paced at ${PEAK_RATE}/s` : '';
  results.peak1 = await peak(`peak, 1 node (${WRITERS} writers, ${READERS} readers${pace})`, portOf(0), [pidsAll[0]]);
  results.peakN = await peak(`peak, ${N} nodes (${WRITERS} writers, ${READERS} readers${pace})`, BALANCER, pidsAll);
}

// ---------------------------------------------------------------- the end

writeFileSync(join(work, 'results.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
await cleanup();
say(failures.length ? `${failures.length} check(s) failed: ${failures.join('; ')}` : `every check passed (results: ${join(work, 'results.json')})`);
if (!flag('--keep') && !failures.length) rmSync(work, { recursive: true, force: true });
await admin(`drop database if exists ${DB} with (force)`).catch(() => {});
process.exit(failures.length ? 1 : 0);

// ---------------------------------------------------------------- helpers

/** The 2024 reports as values by facility (from `gtcm export`), and the import file: the same relabelled 2025, without 五华区 (where the saves go). */
async function exportReports() {
  const exported = join(work, 'reports-2024.csv');
  const r = spawnSync(process.execPath, [gtcm, 'export', 'reports', '--period', '2024', '--data-dir', join(work, 'cli'), '--out', exported], { env: { ...process.env, ...cliEnv }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('gtcm export failed');
  const meta = JSON.parse(readFileSync(join(root, 'programs/grassroots-tcm/metadata.json'), 'utf8'));
  const types = new Map(meta.dataElements.map((e) => [e.code, e.valueType]));
  const byCode = new Map();
  const out = createWriteStream(join(work, 'reports-2025.csv'));
  let header = null;
  for await (const line of createInterface({ input: createReadStream(exported) })) {
    if (!header) {
      header = line.split(',');
      out.write(line + '\n');
      continue;
    }
    const cells = line.split(',');
    const values = {};
    header.forEach((h, i) => {
      const t = types.get(h);
      const v = cells[i];
      if (!t || v === '' || v === undefined) return;
      values[h] = t === 'BOOLEAN' ? v === '1' : t === 'MULTI_OPTION' ? v.split(';') : t === 'TEXT' ? v : Number(v);
    });
    byCode.set(cells[0], values);
    if (!cells[0].includes('530102')) out.write(line.replace(/^([^,]*),2024,/, '$1,2025,') + '\n');
  }
  out.end();
  await once(out, 'finish');
  return byCode;
}
