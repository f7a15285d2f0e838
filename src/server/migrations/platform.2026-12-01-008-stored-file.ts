/** platform: stored files (uploads kept in the store, content-addressed by SHA-256, so nodes stay stateless). */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function storedFileMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stored_file')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('stored_file').execute();
    },
  };
}
