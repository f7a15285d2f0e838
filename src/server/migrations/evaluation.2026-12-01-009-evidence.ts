/**
 * evaluation: the evidence attached to an application's items (佐证材料) — each a link from an
 * item to a stored file (its bytes in `stored_file`, by SHA-256), with its name as uploaded, the
 * stage that attached it and who did.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function evidenceMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('eval_evidence')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('application_id', 'integer', (c) => c.notNull().references('eval_application.id').onDelete('cascade'))
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().references('stored_file.sha256'))
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('eval_evidence_application').on('eval_evidence').columns(['application_id', 'item']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('eval_evidence').execute();
    },
  };
}
