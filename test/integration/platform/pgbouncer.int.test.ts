/**
 * Behind PgBouncer in transaction mode (PostgreSQL; Debian's `pgbouncer`, which CI installs):
 * each transaction may run on another server connection, so nothing may rely on session state.
 * Nodes started one after another and together must migrate and initialise (the advisory locks
 * hold), and a save must reach the analytics engine through the change sequence.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInit } from '../../../src/cli/commands/init.command.js';
import { loadConfig, type Config } from '../../../src/server/platform/config.js';
import { createContext } from '../../../src/server/platform/context.js';
import { STORE, TEST_DATABASE_URL } from '../../support/test-context.js';

const BINARY = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p));
const CI = process.env.CI === 'true' || process.env.CI === '1';
const RUN = STORE === 'postgres' && (BINARY !== undefined || CI);

const database = `t_pgb_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const work = mkdtempSync(join(tmpdir(), 'gtcm-pgbouncer-'));
let bouncer: ChildProcess | null = null;
let port = 0;

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

/** A node's configuration: its own data directory, the database through PgBouncer. */
function nodeConfig(): Config {
  const url = new URL(TEST_DATABASE_URL);
  const dir = mkdtempSync(join(work, 'node-'));
  return loadConfig({ dataDir: dir, databaseUrl: `postgres://${url.username || 'postgres'}@127.0.0.1:${port}/${database}`, logLevel: 'silent' });
}

beforeAll(async () => {
  if (!RUN) return;
  expect(BINARY, 'pgbouncer is not installed (apt-get install pgbouncer): CI needs it').toBeDefined();
  await admin(`create database ${database}`);
  const target = new URL(TEST_DATABASE_URL);
  port = await freePort();
  const ini = join(work, 'pgbouncer.ini');
  const users = join(work, 'userlist.txt');
  writeFileSync(users, `"${target.username || 'postgres'}" ""\n`);
  writeFileSync(
    ini,
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      'default_pool_size = 20',
      // Server connections in turn (not the last used first), as under real concurrency: two
      // statements of one client land on different server connections.
      'server_round_robin = 1',
      'ignore_startup_parameters = extra_float_digits,statement_timeout',
    ].join('\n') + '\n',
  );
  chmodSync(work, 0o755);
  chmodSync(ini, 0o644);
  chmodSync(users, 0o644);
  bouncer = spawn(BINARY!, process.getuid?.() === 0 ? ['-u', 'nobody', ini] : [ini], { stdio: 'ignore' });
  // Ready when it accepts connections.
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise<boolean>((r) => net.connect(port, '127.0.0.1').on('connect', function (this: net.Socket) { this.destroy(); r(true); }).on('error', () => r(false)));
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  if (!RUN) return;
  bouncer?.kill('SIGTERM');
  await admin(`drop database if exists ${database} with (force)`);
  rmSync(work, { recursive: true, force: true });
});

/** Several server connections open at once behind PgBouncer. */
async function warmServerConnections(n: number): Promise<void> {
  const url = new URL(nodeConfig().databaseUrl!);
  const clients = Array.from({ length: n }, () => new pg.Client({ connectionString: url.toString() }));
  await Promise.all(clients.map((c) => c.connect()));
  await Promise.all(clients.map((c) => c.query('select pg_sleep(0.2)')));
  await Promise.all(clients.map((c) => c.end()));
}

/** Advisory locks held by server connections of the test database that sit idle (left behind). */
async function leftLocks(): Promise<number> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    const r = await c.query(
      "select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted and a.datname = $1 and a.state = 'idle'",
      [database],
    );
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}

describe.skipIf(!RUN)('behind PgBouncer in transaction mode', () => {
  it('nodes started together migrate and initialise once; a node started later does not wait on a lock left behind', async () => {
    await warmServerConnections(5);
    const [a, b] = await Promise.all([createContext(nodeConfig()), createContext(nodeConfig())]);
    // Kysely's session-scoped migration lock was taken on one server connection and released on
    // another: it stayed with an idle one, and the next start waited on it for an hour.
    expect(await leftLocks()).toBe(0);
    const said: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (said.push(String(chunk)), true));
    try {
      await Promise.all([runInit(a, { demo: false, areas: '530102' }, { onlyIfNeeded: true }), runInit(b, { demo: false, areas: '530102' }, { onlyIfNeeded: true })]);
    } finally {
      write.mockRestore();
    }
    expect(said.filter((l) => l.includes('loaded divisions')).length).toBe(1);
    await a.close();
    await b.close();
    const later = await createContext(nodeConfig());
    try {
      expect(await later.services.init.isInitialised()).toBe(true);
    } finally {
      await later.close();
    }
  }, 60_000);

  it('a facility written through the store reaches the analytics engine (the change sequence works per transaction)', async () => {
    const ctx = await createContext(nodeConfig());
    try {
      if (!(await ctx.services.init.isInitialised())) await ctx.services.init.init({ demo: false, seed: 1, areas: ['530102'] });
      await ctx.engine.start(0);
      const before = ctx.engine.seq;
      const townships = await ctx.store.repos.divisions.children('530102');
      const village = (await ctx.store.repos.divisions.children(townships[0].code))[0];
      await ctx.store.repos.facilities.insert({ code: `PGB-${Date.now()}`, name: '连接池测试卫生室', type: 'VC', divisionCode: village.code, ownership: 'PUBLIC', opened: '2020-01-01', closed: null, attributes: {} }, new Date().toISOString());
      await ctx.engine.sync();
      expect(ctx.engine.seq).toBeGreaterThan(before);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
