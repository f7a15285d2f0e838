/**
 * A change sequence for the analytics engine: every write of a report or facility takes the next
 * numbers from one counter (held until commit, so numbers commit in order), deletions leave a
 * tombstone, and an engine catches up by reading everything above its watermark.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const changeSeqMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('change_counter').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('value', 'bigint', (c) => c.notNull()).execute();
    await sql`insert into change_counter (id, value) values (1, 0)`.execute(db);
    for (const t of ['report', 'facility']) {
      await db.schema.alterTable(t).addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex(`${t}_seq`).on(t).column('seq').execute();
    }
    await db.schema
      .createTable('report_tombstone')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('data_set', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('facility_code', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('report_tombstone').execute();
    for (const t of ['report', 'facility']) {
      await db.schema.dropIndex(`${t}_seq`).execute();
      await db.schema.alterTable(t).dropColumn('seq').execute();
    }
    await db.schema.dropTable('change_counter').execute();
  },
};
