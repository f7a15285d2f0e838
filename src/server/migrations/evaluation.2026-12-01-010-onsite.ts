/**
 * evaluation: the on-site review — the sample drawn at the national review (random plus
 * risk-based, with its reasons and seed) and its checklist (each item's finding by the review's
 * methods); experts gain a review group (评审组) and may be a user of the platform (username),
 * who then fills the checklist of the applications assigned to them.
 */
import type { Kysely, Migration } from 'kysely';

export const onsiteMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('eval_expert').addColumn('review_group', 'text').execute();
    await db.schema.alterTable('eval_expert').addColumn('username', 'text').execute();
    await db.schema
      .createTable('eval_onsite')
      .addColumn('application_id', 'integer', (c) => c.primaryKey().references('eval_application.id').onDelete('cascade'))
      .addColumn('cycle', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('seed', 'integer', (c) => c.notNull())
      .addColumn('drawn_by', 'text', (c) => c.notNull())
      .addColumn('drawn_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('eval_onsite_check')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('eval_application.id').onDelete('cascade'))
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('checked_by', 'text', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('eval_onsite_check_pk', ['application_id', 'item'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('eval_onsite_check').execute();
    await db.schema.dropTable('eval_onsite').execute();
    await db.schema.alterTable('eval_expert').dropColumn('username').execute();
    await db.schema.alterTable('eval_expert').dropColumn('review_group').execute();
  },
};
