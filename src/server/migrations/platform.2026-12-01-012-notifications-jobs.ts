/**
 * platform: notifications (the inbox's messages, read/unread, sent by the outbound channel when
 * one is configured) and jobs (reminders, escalation, due dates), each claimed by exactly one
 * node with a row lock and kept across restarts (ARCHITECTURE.md, "Files, notifications, jobs").
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function notificationsJobsMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('notification_user').on('notification').columns(['username', 'read_at']).execute();
      await db.schema
        .createTable('job')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_at', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('result', 'text')
        .addColumn('done_at', 'text')
        .addUniqueConstraint('job_kind_run_at', ['kind', 'run_at'])
        .execute();
      await db.schema.createIndex('job_due').on('job').columns(['state', 'run_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('job').execute();
      await db.schema.dropTable('notification').execute();
    },
  };
}
