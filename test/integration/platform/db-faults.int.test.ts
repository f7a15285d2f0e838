/**
 * A node that survives its database (PostgreSQL): between the node and the server sits a TCP
 * proxy the test controls. Connections reset, a stalled network, backends terminated by the
 * server and a database that is down when the node starts must each leave the process running,
 * answer 503 with a stable code while they last, and recover by themselves when the database
 * returns. Two nodes started together on an empty schema initialise it exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInit } from '../../../src/cli/commands/init.command.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import type { Config } from '../../../src/server/platform/config.js';
import { createContext, type AppContext } from '../../../src/server/platform/context.js';
import { createTestUser } from '../../support/builders/index.js';
import { client, login, type Client } from '../../support/http.js';
import { TcpProxy } from '../../support/tcp-proxy.js';
import { createTestContext, STORE, storeConfig, TEST_DATABASE_URL, type TestContext } from '../../support/test-context.js';

const PG = STORE === 'postgres';
/** Short bounds, so that a fault shows in a second or two. */
const FAST_DB = { connectMs: 1_000, statementMs: 1_500, poolMax: 4, startWaitMs: 20_000 };

let base: TestContext;
let proxy: TcpProxy;
const dirs: string[] = [];

/** A second node on the same store, through the proxy, with short timeouts and its own data directory. */
function nodeConfig(extra: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'gtcm-node-'));
  dirs.push(dataDir);
  const url = new URL(TcpProxy.via(base.config.databaseUrl!, proxy));
  url.searchParams.set('application_name', `gtcm-fault-${Math.random().toString(36).slice(2, 8)}`);
  return { ...base.config, dataDir, databaseUrl: url.toString(), db: FAST_DB, ...extra };
}

interface Node {
  ctx: AppContext;
  app: App;
  api: Client;
  logs: string[];
  application: string;
}

async function startNode(): Promise<Node> {
  const logs: string[] = [];
  const config = nodeConfig();
  const ctx = await createContext(config, { log: (l) => logs.push(l) });
  const app = await buildApp(ctx, { logger: false });
  const user = await createTestUser(base, { role: 'SYSTEM_ADMIN', scopeCode: 'CN' });
  const api = client(app, await login(app, user.username, user.password));
  return { ctx, app, api, logs, application: new URL(config.databaseUrl!).searchParams.get('application_name')! };
}

async function stopNode(n: Node): Promise<void> {
  await n.app.close();
  await n.ctx.close();
}

beforeAll(async () => {
  if (!PG) return;
  base = await createTestContext({ demo: false });
  const target = new URL(TEST_DATABASE_URL);
  proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
}, 120_000);

afterAll(async () => {
  if (!PG) return;
  await proxy.close();
  await base.dispose();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!PG)('database faults (PostgreSQL, through a proxy)', () => {
  it('answers 503 E9001 while the database is unreachable and serves again when it returns', async () => {
    const n = await startNode();
    try {
      expect((await n.api.get('/api/auth/me')).status).toBe(200);
      proxy.down();
      const during = await n.api.get('/api/auth/me');
      expect(during.status).toBe(503);
      expect(during.body.error.code).toBe('E9001');
      expect(during.body.error.message).toContain('数据库');
      expect(during.body.error.messageEn).toContain('database');
      proxy.up();
      await expect.poll(async () => (await n.api.get('/api/auth/me')).status, { timeout: 10_000, interval: 200 }).toBe(200);
      expect(n.logs.some((l) => l.includes('database connection failed'))).toBe(true);
      expect(n.logs.some((l) => l.includes('database connection restored'))).toBe(true);
    } finally {
      proxy.up();
      await stopNode(n);
    }
  });

  it('answers a stalled network with 503 within its timeouts instead of hanging', async () => {
    const n = await startNode();
    try {
      expect((await n.api.get('/api/auth/me')).status).toBe(200);
      proxy.stall();
      const during = await n.api.get('/api/auth/me');
      expect(during.status).toBe(503);
      expect(['E9001', 'E9002']).toContain(during.body.error.code);
      proxy.up();
      await expect.poll(async () => (await n.api.get('/api/auth/me')).status, { timeout: 10_000, interval: 200 }).toBe(200);
    } finally {
      proxy.up();
      await stopNode(n);
    }
  });

  it('survives the server terminating its connections (pg_terminate_backend) and reconnects', async () => {
    const n = await startNode();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      expect((await n.api.get('/api/auth/me')).status).toBe(200);
      const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [n.application]);
      expect(killed.rowCount).toBeGreaterThan(0);
      // The idle connections' errors arrive now; without a listener they would end the process.
      await new Promise((r) => setTimeout(r, 200));
      await expect.poll(async () => (await n.api.get('/api/auth/me')).status, { timeout: 10_000, interval: 200 }).toBe(200);
    } finally {
      await admin.end();
      await stopNode(n);
    }
  });

  it('reports not ready while the database is unreachable, and live all along', async () => {
    const n = await startNode();
    try {
      expect((await n.app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
      proxy.down();
      const ready = await n.app.inject({ url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, store: { ok: false } });
      const live = await n.app.inject({ url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
      expect(live.json().pid).toBe(process.pid);
      proxy.up();
      await expect.poll(async () => (await n.app.inject({ url: '/api/health/ready' })).statusCode, { timeout: 10_000, interval: 200 }).toBe(200);
    } finally {
      proxy.up();
      await stopNode(n);
    }
  });

  it('starts while the database is down: waits with back-off, logs it, and opens once it returns', async () => {
    proxy.down();
    const logs: string[] = [];
    const opening = createContext(nodeConfig(), { waitForStore: true, log: (l) => logs.push(l) });
    await expect.poll(() => logs.filter((l) => l.includes('database unreachable')).length, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    proxy.up();
    const ctx = await opening;
    try {
      expect(await ctx.services.init.isInitialised()).toBe(true);
      expect(logs.some((l) => l.includes('database reachable'))).toBe(true);
    } finally {
      await ctx.close();
    }
  });

  it('retries an analytics engine whose start failed, instead of keeping the failure', async () => {
    const n = await startNode();
    try {
      proxy.down();
      await expect(n.ctx.engine.start(0)).rejects.toThrow();
      expect(n.ctx.engine.health().state).toBe('failed');
      proxy.up();
      await expect.poll(() => n.ctx.engine.start(0).then(() => 'started', () => 'failed'), { timeout: 15_000, interval: 300 }).toBe('started');
      expect(n.ctx.engine.health().state).toBe('ready');
    } finally {
      proxy.up();
      await stopNode(n);
    }
  });
});

describe.skipIf(!PG)('nodes started together on one empty database', () => {
  it('migrate and initialise it exactly once; the others wait and find it done', async () => {
    const { config, cleanup } = await storeConfig('postgres');
    const second = { ...config, dataDir: mkdtempSync(join(tmpdir(), 'gtcm-node-')) };
    dirs.push(second.dataDir);
    const [a, b] = await Promise.all([createContext(config), createContext(second)]);
    try {
      const flags = { demo: false, areas: '530102' };
      const said: string[] = [];
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (said.push(String(chunk)), true));
      try {
        // Without the lock the second fails on a duplicate division key.
        await Promise.all([runInit(a, flags, { onlyIfNeeded: true }), runInit(b, flags, { onlyIfNeeded: true })]);
      } finally {
        write.mockRestore();
      }
      expect(said.filter((l) => l.includes('loaded divisions')).length).toBe(1);
      expect(said.filter((l) => l.includes('another node initialised the store')).length).toBe(1);
      expect(await b.services.init.needsInit()).toBe(false);
      const counts = await a.store.repos.divisions.countByLevel();
      expect(counts[3]).toBe(1);
    } finally {
      await a.close();
      await b.close();
      await cleanup();
    }
  });
});
