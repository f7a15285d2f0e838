/**
 * supervision (督导调度): work plans parsed from policy texts, their tasks (with co-owners,
 * milestones, KPIs, a parent when handed down), progress reports, extensions and reminders;
 * rectification items (整改清单) and supervision visits.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function supervisionMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sup_plan')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('office', 'text')
        .addColumn('source_text', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .execute();
      await db.schema
        .createTable('sup_task')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('sup_plan.id'))
        .addColumn('parent_id', 'integer', (c) => c.references('sup_task.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('issuer_area', 'text', (c) => c.notNull())
        .addColumn('lead_area', 'text', (c) => c.notNull())
        .addColumn('lead_office', 'text')
        .addColumn('co_owners', 'text', (c) => c.notNull())
        .addColumn('responsible', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('cadence', 'text')
        .addColumn('milestones', 'text', (c) => c.notNull())
        .addColumn('kpi', 'text')
        .addColumn('escalated_at', 'text')
        .addColumn('done_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sup_task_lead').on('sup_task').column('lead_area').execute();
      await db.schema.createIndex('sup_task_parent').on('sup_task').column('parent_id').execute();
      await db.schema
        .createTable('sup_task_co')
        .addColumn('task_id', 'integer', (c) => c.notNull().references('sup_task.id'))
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('office', 'text')
        .execute();
      await db.schema.createIndex('sup_task_co_task').on('sup_task_co').column('task_id').execute();
      await db.schema
        .createTable('sup_progress')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('task_id', 'integer', (c) => c.notNull().references('sup_task.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        .addColumn('late', 'integer', (c) => c.notNull())
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sup_progress_task').on('sup_progress').column('task_id').execute();
      await db.schema
        .createTable('sup_event')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('task_id', 'integer', (c) => c.references('sup_task.id'))
        .addColumn('rect_id', 'integer')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('by_user', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sup_event_task').on('sup_event').column('task_id').execute();
      await db.schema
        .createTable('sup_visit')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('visit_date', 'text', (c) => c.notNull())
        .addColumn('team', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('issuer_area', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sup_rect')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_ref', 'text')
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('facility_code', 'text')
        .addColumn('subject_name', 'text', (c) => c.notNull())
        .addColumn('problem', 'text', (c) => c.notNull())
        .addColumn('requirement', 'text', (c) => c.notNull())
        .addColumn('issuer_area', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text')
        .addColumn('threshold', 'real')
        .addColumn('period', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('completion', 'text')
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('verified_by', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sup_rect_area').on('sup_rect').column('area_code').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['sup_rect', 'sup_visit', 'sup_event', 'sup_progress', 'sup_task_co', 'sup_task', 'sup_plan']) await db.schema.dropTable(t).execute();
    },
  };
}
