/**
 * Test contexts on a real store: SQLite in a temporary directory, or PostgreSQL in a fresh
 * schema of TEST_DATABASE_URL (chosen by TEST_STORE). Each context is isolated and removed after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config, type Limits, type SecurityConfig } from '../../src/server/platform/config.js';
import { createContext, type AppContext } from '../../src/server/platform/context.js';
import { ManualClock } from '../../src/server/platform/clock.js';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE: StoreKind = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The fixture: three real counties of 昆明市 and everything above and below them. */
export const FIXTURE_AREAS = ['530102', '530103', '530124'];

export interface TestContext extends AppContext {
  clock: ManualClock;
  /** Closes the store and removes the directory or schema. */
  dispose(): Promise<void>;
}

/**
 * A fresh, empty store location: a temp directory (SQLite) or a new schema (PostgreSQL); the
 * kind is TEST_STORE's unless given (service tests in the unit project ask for SQLite).
 */
export async function storeConfig(store: StoreKind = STORE): Promise<{ config: Config; cleanup: () => Promise<void> }> {
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gtcm-test-'));
    return { config: loadConfig({ dataDir: dir, databaseUrl: null, logLevel: 'silent' }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // Its own data directory all the same: the analytics engine keeps its file there.
  const dir = mkdtempSync(join(tmpdir(), 'gtcm-test-pg-'));
  return {
    config: loadConfig({ dataDir: dir, databaseUrl: url.toString(), logLevel: 'silent' }),
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** A migrated store, initialised with the fixture hierarchy and (by default) its demo data and users. */
export async function createTestContext(
  opts: { areas?: string[]; demo?: boolean; init?: boolean; limits?: Partial<Limits>; security?: Partial<SecurityConfig>; store?: StoreKind } = {},
): Promise<TestContext> {
  const { config: base, cleanup } = await storeConfig(opts.store);
  // Suites log in far more often than a person from one address; the rate-limit tests set their own.
  const security = { ...base.security, loginRatePerMinute: 100_000, ...opts.security };
  const config: Config = { ...base, limits: { ...base.limits, ...opts.limits }, security };
  const clock = new ManualClock();
  const ctx = await createContext(config, { clock });
  if (opts.init !== false) await ctx.services.init.init({ demo: opts.demo ?? true, seed: 1, areas: opts.areas ?? FIXTURE_AREAS });
  return {
    ...ctx,
    clock,
    dispose: async () => {
      await ctx.close();
      await cleanup();
    },
  };
}
