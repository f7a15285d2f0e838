/** The foundation schema: divisions, facilities, reports, users, sessions, audit log, state. */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../platform/db/database.js';

export function initMigration(dialect: Dialect): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('division')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('city_code', 'text')
        .addColumn('county_code', 'text')
        .addColumn('township_code', 'text')
        .execute();
      await db.schema.createIndex('division_parent').on('division').column('parent_code').execute();
      await db.schema.createIndex('division_level').on('division').column('level').execute();

      await db.schema
        .createTable('facility')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('division_code', 'text', (c) => c.notNull().references('division.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('city_code', 'text')
        .addColumn('county_code', 'text')
        .addColumn('township_code', 'text')
        .addColumn('village_code', 'text')
        .addColumn('ownership', 'text', (c) => c.notNull())
        .addColumn('opened', 'text', (c) => c.notNull())
        .addColumn('closed', 'text')
        .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const col of ['province_code', 'city_code', 'county_code', 'township_code'])
        await db.schema.createIndex(`facility_${col}_type`).on('facility').columns([col, 'type']).execute();
      await db.schema.createIndex('facility_division').on('facility').column('division_code').execute();

      await db.schema
        .createTable('report')
        .addColumn('data_set', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('facility_code', 'text', (c) => c.notNull().references('facility.code'))
        .addColumn('data_values', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_pk', ['data_set', 'period', 'facility_code'])
        .execute();
      await db.schema.createIndex('report_facility').on('report').column('facility_code').execute();

      await db.schema
        .createTable('app_user')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope_code', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('session_user').on('session').column('user_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', idType, (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_key', 'text', (c) => c.notNull())
        .addColumn('area_code', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_key']).execute();
      await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();

      await db.schema
        .createTable('app_state')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      // The audit log is append-only in the store itself, not only in the API.
      if (dialect === 'postgres') {
        await sql`CREATE FUNCTION gtcm_audit_append_only() RETURNS trigger AS $$
          BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
        await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION gtcm_audit_append_only()`.execute(db);
      } else {
        await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log`.execute(db);
        await sql`DROP FUNCTION IF EXISTS gtcm_audit_append_only()`.execute(db);
      }
      for (const t of ['app_state', 'audit_log', 'session', 'app_user', 'report', 'facility', 'division'])
        await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
