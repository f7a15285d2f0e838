/**
 * projects-funds (项目资金): projects with their milestones, 绩效目标表, progress reports,
 * self-evaluations and acceptances; fund batches (提前下达/正式下达), their allocations to areas or
 * projects, and spending records. Amounts are whole fen (bigint on PostgreSQL).
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function projectsFundsMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('pf_project')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('subject_code', 'text', (c) => c.notNull())
        .addColumn('subject_name', 'text', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('manager_area', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('terminated_reason', 'text')
        .addColumn('budget', 'text', (c) => c.notNull())
        .addColumn('milestones', 'text', (c) => c.notNull())
        .addColumn('targets', 'text', (c) => c.notNull())
        .addColumn('percent', 'real', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pf_project_area').on('pf_project').column('area_code').execute();
      await db.schema
        .createTable('pf_progress')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('pf_project.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('percent', 'real', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pf_progress_project').on('pf_progress').column('project_id').execute();
      await db.schema
        .createTable('pf_self_eval')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('pf_project.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pf_self_eval_project').on('pf_self_eval').column('project_id').execute();
      await db.schema
        .createTable('pf_acceptance')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('pf_project.id'))
        .addColumn('standard', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('total', 'real', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('pf_batch')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('fund', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('doc_no', 'text', (c) => c.notNull())
        .addColumn('from_area', 'text', (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('basis', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('pf_allocation')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('batch_id', 'integer', (c) => c.notNull().references('pf_batch.id'))
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.references('pf_project.id'))
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pf_allocation_area').on('pf_allocation').column('area_code').execute();
      await db.schema.createIndex('pf_allocation_batch').on('pf_allocation').column('batch_id').execute();
      await db.schema
        .createTable('pf_spending')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('project_id', 'integer', (c) => c.references('pf_project.id'))
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('spent_on', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('voucher', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('pf_spending_area').on('pf_spending').column('area_code').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['pf_spending', 'pf_allocation', 'pf_batch', 'pf_acceptance', 'pf_self_eval', 'pf_progress', 'pf_project']) await db.schema.dropTable(t).execute();
    },
  };
}
