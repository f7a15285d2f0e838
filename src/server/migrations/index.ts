/** Migrations, one set for both stores; timestamped names, each with up and down. */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { DB, Dialect } from '../platform/db/database.js';
import { initMigration } from './2026-11-23-001-init.js';
import { approvalMigration } from './2026-11-23-002-approval.js';
import { changeSeqMigration } from './2026-11-23-003-change-seq.js';
import { favouriteTitleMigration } from './2026-11-23-004-favourite-title.js';
import { identityLifecycleMigration } from './2026-12-01-005-identity-lifecycle.js';

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-23-001-init': initMigration(dialect),
    '2026-11-23-002-approval': approvalMigration,
    '2026-11-23-003-change-seq': changeSeqMigration,
    '2026-11-23-004-favourite-title': favouriteTitleMigration(dialect),
    '2026-12-01-005-identity-lifecycle': identityLifecycleMigration,
  };
}

/**
 * Brings the schema up to date. On PostgreSQL Kysely's migrator holds an advisory lock, so two
 * nodes starting together do not both migrate.
 */
export async function migrateToLatest(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  // On PostgreSQL name the schema: Kysely otherwise looks for its tables in every schema, and
  // takes another store's (another schema in the same database) for ours.
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: 'gtcm_migration',
    migrationLockTableName: 'gtcm_migration_lock',
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
