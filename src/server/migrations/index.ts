/**
 * Migrations: one history for both stores, each with up and down. A file is named after the module
 * whose tables it changes (`<module>.<date>-<n>-<what>.ts`; `platform` for the shared foundation);
 * its key below is `<date>-<n>-<what>` — keys order the history and are recorded in every store,
 * so they never change. A new module adds a file and one line here.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { DB, Dialect } from '../platform/db/database.js';
import { initMigration } from './platform.2026-11-23-001-init.js';
import { approvalMigration } from './approval.2026-11-23-002-approval.js';
import { changeSeqMigration } from './platform.2026-11-23-003-change-seq.js';
import { favouriteTitleMigration } from './favourites.2026-11-23-004-favourite-title.js';
import { identityLifecycleMigration } from './identity.2026-12-01-005-identity-lifecycle.js';
import { evaluationMigration } from './evaluation.2026-12-01-006-evaluation.js';
import { expertsMigration } from './evaluation.2026-12-01-007-experts.js';
import { storedFileMigration } from './platform.2026-12-01-008-stored-file.js';
import { evidenceMigration } from './evaluation.2026-12-01-009-evidence.js';
import { onsiteMigration } from './evaluation.2026-12-01-010-onsite.js';
import { supervisionMigration } from './supervision.2026-12-01-011-supervision.js';
import { notificationsJobsMigration } from './platform.2026-12-01-012-notifications-jobs.js';
import { projectsFundsMigration } from './projects-funds.2026-12-02-013-projects-funds.js';
import { assistanceMigration } from './assistance.2026-12-02-014-assistance.js';
import { concurrentChangeSeqMigration } from './platform.2026-12-02-015-change-seq-concurrent.js';

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-23-001-init': initMigration(dialect),
    '2026-11-23-002-approval': approvalMigration,
    '2026-11-23-003-change-seq': changeSeqMigration,
    '2026-11-23-004-favourite-title': favouriteTitleMigration(dialect),
    '2026-12-01-005-identity-lifecycle': identityLifecycleMigration,
    '2026-12-01-006-evaluation': evaluationMigration(dialect),
    '2026-12-01-007-experts': expertsMigration(dialect),
    '2026-12-01-008-stored-file': storedFileMigration(dialect),
    '2026-12-01-009-evidence': evidenceMigration(dialect),
    '2026-12-01-010-onsite': onsiteMigration,
    '2026-12-01-011-supervision': supervisionMigration(dialect),
    '2026-12-01-012-notifications-jobs': notificationsJobsMigration(dialect),
    '2026-12-02-013-projects-funds': projectsFundsMigration(dialect),
    '2026-12-02-014-assistance': assistanceMigration(dialect),
    '2026-12-02-015-change-seq-concurrent': concurrentChangeSeqMigration(dialect),
  };
}

/**
 * Brings the schema up to date. Nodes starting together on one PostgreSQL serialise it with the
 * store's shared lock (`Database.exclusive('migrate')`, context.ts), not Kysely's own lock.
 */
export async function migrateToLatest(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const { error, results } = await (await migrator(db, dialect)).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this version knows that the store has not run (the readiness check: none). */
export async function pendingMigrations(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const all = await (await migrator(db, dialect)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

async function migrator(db: Kysely<DB>, dialect: Dialect): Promise<Migrator> {
  // On PostgreSQL name the schema: Kysely otherwise looks for its tables in every schema, and
  // takes another store's (another schema in the same database) for ours.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'gtcm_migration',
    migrationLockTableName: 'gtcm_migration_lock',
    migrationTableSchema: schema,
  });
}
