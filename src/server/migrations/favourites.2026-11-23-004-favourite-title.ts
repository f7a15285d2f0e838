/**
 * Saved analyses per user (favourites, optionally pinned to the dashboard), and titles held by
 * divisions (全国基层中医药工作示范县 …) with the year granted and, if any, the year withdrawn;
 * titles take change-sequence numbers so the analytics engine sees them change.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function favouriteTitleMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('favourite')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('favourite_user').on('favourite').column('user_id').execute();

      await db.schema
        .createTable('division_title')
        .addColumn('division_code', 'text', (c) => c.notNull().references('division.code'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('granted', 'integer', (c) => c.notNull())
        .addColumn('withdrawn', 'integer')
        .addColumn('source', 'text')
        .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('division_title_pk', ['division_code', 'title'])
        .execute();
      await db.schema.createIndex('division_title_seq').on('division_title').column('seq').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('division_title').execute();
      await db.schema.dropTable('favourite').execute();
    },
  };
}
