/** The repositories over one connection or transaction, and how services open a transaction. */
import type { Kysely } from 'kysely';
import { MODULES } from '../../modules/index.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Repositories } from '../registry.js';
import type { Database, DB, Dialect } from './database.js';
import { StateRepository } from './state.repository.js';
import { pendingMigrations } from '../../migrations/index.js';
import { ChangeSeqRepository } from './change-seq.repository.js';
import { analyzeAfterBulkLoad } from './bulk-sql.js';
import { StoredFileRepository } from '../files/stored-file.repository.js';
import { NotificationRepository } from '../notifications/notification.repository.js';
import { JobRepository } from '../jobs/job.repository.js';

export type { Repositories } from '../registry.js';

/** The platform's repositories and every module's, over one connection or transaction. */
function repositories(db: Kysely<DB>): Repositories {
  const repos: Partial<Repositories> = { state: new StateRepository(db), changes: new ChangeSeqRepository(db), audit: new AuditRepository(db), files: new StoredFileRepository(db), notifications: new NotificationRepository(db), jobs: new JobRepository(db) };
  for (const m of MODULES) Object.assign(repos, m.repositories(db));
  return repos as Repositories;
}

export class Store {
  readonly repos: Repositories;
  readonly dialect: Dialect;

  constructor(private readonly database: Database) {
    this.repos = repositories(database.db);
    this.dialect = database.dialect;
  }

  get location(): string {
    return this.database.location;
  }

  /** Runs fn in one transaction: everything it writes is stored, or nothing is. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute((trx) => fn(repositories(trx)));
  }

  /** A consistent copy of the embedded store; PostgreSQL is backed up with pg_dump instead. */
  async backup(dest: string): Promise<boolean> {
    if (!this.database.backup) return false;
    await this.database.backup(dest);
    return true;
  }

  /** The migrations this version has that the store has not run. */
  pendingMigrations(): Promise<string[]> {
    return pendingMigrations(this.database.db, this.dialect);
  }

  /** Whether the store answers now (the readiness check). */
  ping(): Promise<void> {
    return this.database.ping();
  }

  /** Runs fn under a lock all nodes on this store share (initialisation); see Database.exclusive. */
  exclusive<T>(name: string, fn: () => Promise<T>, onWait?: () => void): Promise<T> {
    return this.database.exclusive(name, fn, onWait);
  }

  /**
   * After a bulk load (the demo, a large import, both committed by then): the planner's
   * statistics of these tables brought up to date. Best effort — statistics that cannot be
   * refreshed now (a timeout, an outage) do not fail what was stored; PostgreSQL's autovacuum
   * analyses the tables later anyway.
   */
  async analyze(tables: string[]): Promise<void> {
    await analyzeAfterBulkLoad(this.database.db, tables).catch(() => {});
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
