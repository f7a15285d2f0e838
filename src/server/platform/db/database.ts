/**
 * The store: Kysely over SQLite (better-sqlite3, a file in the data directory — the embedded
 * default) or PostgreSQL (node-postgres, when DATABASE_URL is set). Table types live here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Generated } from 'kysely';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export interface DivisionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  kind: string;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
}

export interface FacilityTable {
  code: string;
  name: string;
  type: string;
  division_code: string;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
  village_code: string | null;
  ownership: string;
  opened: string;
  closed: string | null;
  attributes: string;
  created_at: string;
  updated_at: string;
  /** Change sequence of the last write (analytics catch up by it). */
  seq: number;
}

export interface ReportTable {
  data_set: string;
  period: string;
  facility_code: string;
  data_values: string;
  status: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  /** Highest level that approved: 3 county, 2 city, 1 province, 0 national; null when none. */
  approval_level: number | null;
  submitted_at: string | null;
  comment: string | null;
  return_reason: string | null;
  approved_at: string | null;
  approved_by: string | null;
  seq: number;
}

export interface ChangeCounterTable {
  id: number;
  value: number;
}

export interface ReportTombstoneTable {
  seq: number;
  data_set: string;
  period: string;
  facility_code: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  scope_code: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  must_change_password: Generated<number>;
  password_changed_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
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

export interface FavouriteTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  config: string;
  pinned: number;
  created_at: string;
}

export interface DivisionTitleTable {
  division_code: string;
  title: string;
  granted: number;
  withdrawn: number | null;
  source: string | null;
  seq: number;
}

export interface DB {
  division: DivisionTable;
  facility: FacilityTable;
  report: ReportTable;
  app_user: UserTable;
  session: SessionTable;
  audit_log: AuditTable;
  app_state: StateTable;
  change_counter: ChangeCounterTable;
  report_tombstone: ReportTombstoneTable;
  favourite: FavouriteTable;
  division_title: DivisionTitleTable;
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
