/**
 * identity: the account lifecycle. A user may have to change the password at next login (after a
 * reset); the time of the last password change; usernames unique whatever their case (`ADMIN`
 * and `admin` cannot both exist); sessions found by user and by age for sweeping.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const identityLifecycleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('app_user').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('app_user').addColumn('password_changed_at', 'text').execute();
    await sql`CREATE UNIQUE INDEX app_user_username_ci ON app_user (lower(username))`.execute(db);
    await db.schema.createIndex('session_last_seen').on('session').column('last_seen_at').execute();
    await db.schema.createIndex('session_created').on('session').column('created_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('session_created').ifExists().execute();
    await db.schema.dropIndex('session_last_seen').ifExists().execute();
    await sql`DROP INDEX IF EXISTS app_user_username_ci`.execute(db);
    await db.schema.alterTable('app_user').dropColumn('password_changed_at').execute();
    await db.schema.alterTable('app_user').dropColumn('must_change_password').execute();
  },
};
