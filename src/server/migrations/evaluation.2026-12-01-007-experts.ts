/**
 * evaluation: the pool of review experts (评审专家: province, specialty, contact), their
 * assignment to applications at the national review, and the conflicts they declare — an expert
 * never reviews a unit of their own province, nor one they declared a conflict with.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function expertsMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('eval_expert')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('specialty', 'text', (c) => c.notNull())
        .addColumn('contact', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('eval_assignment')
        .addColumn('application_id', 'integer', (c) => c.notNull().references('eval_application.id').onDelete('cascade'))
        .addColumn('expert_id', 'integer', (c) => c.notNull().references('eval_expert.id'))
        .addColumn('assigned_by', 'text', (c) => c.notNull())
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('eval_assignment_pk', ['application_id', 'expert_id'])
        .execute();
      await db.schema
        .createTable('eval_conflict')
        .addColumn('expert_id', 'integer', (c) => c.notNull().references('eval_expert.id'))
        .addColumn('subject_code', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('eval_conflict_pk', ['expert_id', 'subject_code'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('eval_conflict').execute();
      await db.schema.dropTable('eval_assignment').execute();
      await db.schema.dropTable('eval_expert').execute();
    },
  };
}
