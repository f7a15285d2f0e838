/**
 * The store: Kysely over SQLite (better-sqlite3, a file in the data directory — the embedded
 * default) or PostgreSQL (node-postgres, when DATABASE_URL is set). The platform's table types
 * live here, the modules' in their `<module>.tables.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { cachingStatements } from './statement-cache.js';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type DialectAdapter, type Generated, type PostgresPool } from 'kysely';
import pg from 'pg';
import { DEFAULT_DB_TIMEOUTS, GuardedPool, type DbLog, type DbTimeouts } from './pg-pool.js';

export type Dialect = 'sqlite' | 'postgres';

export interface ChangeCounterTable {
  id: number;
  value: number;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  /** The division the record is about (a facility's division, a user's scope), for scoping. */
  area_code: string;
  before: string | null;
  after: string | null;
}

export interface StateTable {
  key: string;
  value: string;
}

/**
 * The store's tables: the platform's here; each module adds its own (its `<module>.tables.ts`)
 * by declaration merging, so this file names no module.
 */
export interface DB {
  app_state: StateTable;
  audit_log: AuditTable;
  change_counter: ChangeCounterTable;
}

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the data lives, for log lines: the SQLite file or the PostgreSQL host/database. */
  location: string;
  close(): Promise<void>;
  /** Writes a consistent copy of the embedded store to a file while it stays in use (SQLite only). */
  backup?(dest: string): Promise<void>;
  /** Answers when the store answers a trivial query; throws the connection's error otherwise. */
  ping(): Promise<void>;
  /**
   * Runs fn while holding a lock named `name` that every node on this store shares: on PostgreSQL
   * a transaction-scoped advisory lock on a connection of its own (works through PgBouncer in
   * transaction mode too), keyed by schema; `onWait` is called when another node holds it. The
   * embedded store has one process (the server lock), so fn simply runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>, onWait?: () => void): Promise<T>;
}

export const SQLITE_FILE = 'gtcm.sqlite';

export interface OpenOptions {
  dataDir: string;
  databaseUrl: string | null;
  file?: string;
  /** PostgreSQL's timeouts and pool size (the platform passes GTCM_DB_*). */
  db?: DbTimeouts;
  /** Where connection failures and recoveries are logged. */
  log?: DbLog;
}

export function openDatabase(opts: OpenOptions): Database {
  // The data directory holds the analytics file on PostgreSQL too: create it when missing.
  mkdirSync(opts.dataDir, { recursive: true });
  if (opts.databaseUrl) {
    // Keep BIGINT counts as numbers (counts here stay far below 2^53).
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new GuardedPool(opts.databaseUrl, opts.db ?? DEFAULT_DB_TIMEOUTS, opts.log ?? (() => {}));
    const db = new Kysely<DB>({ dialect: new NodesPostgresDialect({ pool: pool as unknown as PostgresPool }) });
    const url = new URL(opts.databaseUrl);
    return {
      db,
      dialect: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      close: () => db.destroy(),
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      exclusive: (name, fn, onWait) => pgExclusive(opts.databaseUrl!, opts.db ?? DEFAULT_DB_TIMEOUTS, name, fn, onWait),
    };
  }
  const file = opts.file ?? join(opts.dataDir, SQLITE_FILE);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    close: () => db.destroy(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    exclusive: (_name, fn) => fn(),
    backup: async (dest: string) => {
      await sqlite.backup(dest);
    },
  };
}

/**
 * Migrations run under `exclusive('migrate')`: a transaction-scoped advisory lock on a connection
 * of its own, which holds through PgBouncer's transaction pooling. Kysely's own migration lock is
 * session-scoped (pg_advisory_lock … pg_advisory_unlock on one client connection): behind
 * PgBouncer the unlock may reach another server connection, the lock stays with an idle one,
 * and every later start waits on it. So it is not taken.
 */
class NodesPostgresAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

class NodesPostgresDialect extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new NodesPostgresAdapter();
  }
}

/** The advisory lock of `exclusive` on PostgreSQL: held by a transaction on a connection of its own, released when it ends. */
async function pgExclusive<T>(url: string, timeouts: DbTimeouts, name: string, fn: () => Promise<T>, onWait?: () => void): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeouts.connectMs });
  // A connection lost while fn runs ends the lock; fn's own statements report the outage.
  client.on('error', () => {});
  await client.connect();
  try {
    const key = `hashtext(coalesce(current_schema(), '') || ':' || $1::text)`;
    await client.query('begin');
    const got = await client.query<{ ok: boolean }>(`select pg_try_advisory_xact_lock(${key}) as ok`, [name]);
    if (!got.rows[0].ok) {
      onWait?.();
      await client.query(`select pg_advisory_xact_lock(${key})`, [name]);
    }
    const result = await fn();
    await client.query('commit').catch(() => {});
    return result;
  } finally {
    await client.end().catch(() => {});
  }
}
