/**
 * The store: Kysely over SQLite (better-sqlite3, a file in the data directory — the embedded
 * default) or PostgreSQL (node-postgres, when DATABASE_URL is set). The platform's table types
 * live here, the modules' in their `<module>.tables.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Generated } from 'kysely';
import pg from 'pg';

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
}

export const SQLITE_FILE = 'gtcm.sqlite';

export function openDatabase(opts: { dataDir: string; databaseUrl: string | null; file?: string }): Database {
  if (opts.databaseUrl) {
    // Keep BIGINT counts as numbers (counts here stay far below 2^53).
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(opts.databaseUrl);
    return { db, dialect: 'postgres', location: `postgres://${url.host}${url.pathname}`, close: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = opts.file ?? join(opts.dataDir, SQLITE_FILE);
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    close: () => db.destroy(),
    backup: async (dest: string) => {
      await sqlite.backup(dest);
    },
  };
}
