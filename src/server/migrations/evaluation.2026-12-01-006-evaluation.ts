/**
 * evaluation: cycles (创建周期) under a standard, applications (申报) of their subjects moving
 * through the review stages, the manual scores each stage gives, and objections raised during
 * publicity (公示), each resolved before naming.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function evaluationMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('eval_cycle')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('standard', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('first_year', 'integer', (c) => c.notNull())
        .addColumn('last_year', 'integer', (c) => c.notNull())
        .addColumn('assessment_year', 'text', (c) => c.notNull())
        .addColumn('apply_from', 'text', (c) => c.notNull())
        .addColumn('apply_to', 'text', (c) => c.notNull())
        .addColumn('deadlines', 'text', (c) => c.notNull())
        .addColumn('publicity_days', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('eval_application')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('cycle', 'text', (c) => c.notNull().references('eval_cycle.code'))
        .addColumn('subject_code', 'text', (c) => c.notNull())
        .addColumn('subject_name', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('decision_note', 'text')
        .addColumn('publicity_until', 'text')
        .addColumn('named_year', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('eval_application_subject', ['cycle', 'subject_code'])
        .execute();
      await db.schema.createIndex('eval_application_subject_code').on('eval_application').column('subject_code').execute();
      await db.schema
        .createTable('eval_score')
        .addColumn('application_id', 'integer', (c) => c.notNull().references('eval_application.id').onDelete('cascade'))
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('points', 'real')
        .addColumn('veto', 'integer')
        .addColumn('applicable', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('note', 'text')
        .addColumn('scored_by', 'text', (c) => c.notNull())
        .addColumn('scored_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('eval_score_pk', ['application_id', 'stage', 'item'])
        .execute();
      await db.schema
        .createTable('eval_objection')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('application_id', 'integer', (c) => c.notNull().references('eval_application.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema.createIndex('eval_objection_application').on('eval_objection').column('application_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('eval_objection').execute();
      await db.schema.dropTable('eval_score').execute();
      await db.schema.dropTable('eval_application').execute();
      await db.schema.dropTable('eval_cycle').execute();
    },
  };
}
