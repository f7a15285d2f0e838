/** Data collection: submission, approval and return on reports. */
import type { Kysely, Migration } from 'kysely';

const COLUMNS = ['approval_level', 'submitted_at', 'comment', 'return_reason', 'approved_at', 'approved_by'] as const;

export const approvalMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('report').addColumn('approval_level', 'integer').execute();
    for (const c of COLUMNS.slice(1)) await db.schema.alterTable('report').addColumn(c, 'text').execute();
    await db.schema.createIndex('report_period_status').on('report').columns(['data_set', 'period', 'status']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('report_period_status').execute();
    for (const c of COLUMNS) await db.schema.alterTable('report').dropColumn(c).execute();
  },
};
