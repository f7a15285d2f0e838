/**
 * assistance: 对口帮扶 pairings (tertiary → county TCM hospital) with their yearly figures and
 * assessment, 国家中医医疗队 teams and their tours (counties visited, services), and the capacity
 * units (technique bases, epidemic bases, rescue teams, rehabilitation centres) with their
 * trainings and drills. Every row carries a change sequence for the analytics engine.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

const TABLES = ['asst_activity', 'asst_unit', 'asst_tour_stop', 'asst_tour', 'asst_team', 'asst_pairing_year', 'asst_pairing'];

export function assistanceMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('asst_pairing')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('helper_code', 'text', (c) => c.notNull())
        .addColumn('helper_area', 'text', (c) => c.notNull())
        .addColumn('recipient_code', 'text', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('start_year', 'integer', (c) => c.notNull())
        .addColumn('end_year', 'integer')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('asst_pairing_area').on('asst_pairing').column('area_code').execute();
      await db.schema.createIndex('asst_pairing_helper_area').on('asst_pairing').column('helper_area').execute();
      await db.schema
        .createTable('asst_pairing_year')
        .addColumn('pairing_id', 'integer', (c) => c.notNull().references('asst_pairing.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('staff_sent', 'integer', (c) => c.notNull())
        .addColumn('specialties', 'text', (c) => c.notNull())
        .addColumn('clinics', 'text', (c) => c.notNull())
        .addColumn('score', 'real')
        .addColumn('band', 'text')
        .addColumn('comment', 'text')
        .addColumn('assessed_by', 'text')
        .addColumn('assessed_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('asst_pairing_year_pk', ['pairing_id', 'year'])
        .execute();
      await db.schema
        .createTable('asst_team')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lead_code', 'text', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('asst_tour')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('team_id', 'integer', (c) => c.notNull().references('asst_team.id'))
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('asst_tour_team').on('asst_tour').column('team_id').execute();
      await db.schema
        .createTable('asst_tour_stop')
        .addColumn('tour_id', 'integer', (c) => c.notNull().references('asst_tour.id'))
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('visits', 'integer', (c) => c.notNull())
        .addColumn('free_clinics', 'integer', (c) => c.notNull())
        .addColumn('trained', 'integer', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('asst_tour_stop_pk', ['tour_id', 'county_code'])
        .execute();
      await db.schema.createIndex('asst_tour_stop_county').on('asst_tour_stop').column('county_code').execute();
      await db.schema
        .createTable('asst_unit')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('facility_code', 'text')
        .addColumn('techniques', 'text', (c) => c.notNull())
        .addColumn('start_year', 'integer', (c) => c.notNull())
        .addColumn('end_year', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('asst_unit_area').on('asst_unit').columns(['kind', 'area_code']).execute();
      await db.schema
        .createTable('asst_activity')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('asst_unit.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('people', 'integer', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('asst_activity_unit').on('asst_activity').column('unit_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of TABLES) await db.schema.dropTable(t).execute();
    },
  };
}
