import { sql, type Kysely, type Selectable } from 'kysely';
import { NATION_CODE, NATION_NAME, type DivisionLevel } from '../../../domain/org-unit.js';
import type { Area } from '../../../domain/scope.js';
import type { Role, User } from '../../../domain/user.js';
import type { DB } from '../../platform/db/database.js';
import { FACILITY_LEVEL_COLUMN } from '../../platform/db/sql-helpers.js';
import type { UserTable } from './identity.tables.js';

export type UserRecord = User & { passwordHash: string; failedLogins: number; lockedUntil: string | null; mustChangePassword: boolean; passwordChangedAt: string | null };

function toUser(r: Selectable<UserTable>): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    scopeCode: r.scope_code,
    disabled: r.disabled === 1,
    passwordHash: r.password_hash,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    mustChangePassword: r.must_change_password === 1,
    passwordChangedAt: r.password_changed_at,
  };
}

export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(u: { username: string; displayName: string; passwordHash: string; role: Role; scopeCode: string }, at: string): Promise<UserRecord> {
    const row = await this.db
      .insertInto('app_user')
      .values({
        username: u.username,
        display_name: u.displayName,
        password_hash: u.passwordHash,
        role: u.role,
        scope_code: u.scopeCode,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  /** Usernames are matched whatever their case: `ADMIN` is `admin`. */
  async byUsername(username: string): Promise<UserRecord | null> {
    const r = await this.db.selectFrom('app_user').selectAll().where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async byId(id: number): Promise<UserRecord | null> {
    const r = await this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  /**
   * The users whose scope lies inside an area, with their scope's name, a page at a time — the
   * scope is decided in the query (a division scope by its code's prefix, a facility scope by the
   * facility's ancestor column), not by loading every user.
   */
  async listInArea(area: Area, page: { offset: number; limit: number }): Promise<{ items: (UserRecord & { scopeName: string })[]; total: number }> {
    const all = this.db.selectFrom('app_user as u').leftJoin('division as d', 'd.code', 'u.scope_code').leftJoin('facility as f', 'f.code', 'u.scope_code');
    const base =
      area.level === 0
        ? all
        : all.where((eb) =>
            eb.or([
              eb.and([eb('d.code', 'is not', null), eb('u.scope_code', 'like', `${area.code}%`)]),
              eb(`f.${FACILITY_LEVEL_COLUMN[area.level as DivisionLevel]}`, '=', area.code),
            ]),
          );
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base.selectAll('u').select(['d.name as division_name', 'f.name as facility_name']).orderBy('u.id').offset(page.offset).limit(page.limit).execute(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({ ...toUser(r), scopeName: r.scope_code === NATION_CODE ? NATION_NAME : (r.division_name ?? r.facility_name ?? r.scope_code) })),
    };
  }

  async all(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('app_user').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  async setLoginState(id: number, failedLogins: number, lockedUntil: string | null): Promise<void> {
    await this.db.updateTable('app_user').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', id).execute();
  }

  /**
   * Counts a login attempt before the password is checked, in one statement, so parallel guesses
   * cannot all read the same count: returns the attempt's number since the last success or
   * lock (a lock that has run out starts the count afresh), or null while the account is locked.
   */
  async claimLoginAttempt(id: number, now: string): Promise<number | null> {
    const r = await this.db
      .updateTable('app_user')
      .set({
        failed_logins: sql<number>`CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END`,
        locked_until: null,
      })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning('failed_logins')
      .executeTakeFirst();
    return r ? r.failed_logins : null;
  }

  /** Locks the account until the given time (keeps an earlier, longer lock). */
  async lock(id: number, until: string): Promise<boolean> {
    const r = await this.db
      .updateTable('app_user')
      .set({ locked_until: until })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', until)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async update(
    id: number,
    patch: Partial<{ displayName: string; role: Role; scopeCode: string; disabled: boolean; passwordHash: string; mustChangePassword: boolean; passwordChangedAt: string; failedLogins: number; lockedUntil: string | null }>,
    at: string,
  ): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({
        updated_at: at,
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.scopeCode !== undefined && { scope_code: patch.scopeCode }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
        ...(patch.mustChangePassword !== undefined && { must_change_password: patch.mustChangePassword ? 1 : 0 }),
        ...(patch.passwordChangedAt !== undefined && { password_changed_at: patch.passwordChangedAt }),
        ...(patch.failedLogins !== undefined && { failed_logins: patch.failedLogins }),
        ...(patch.lockedUntil !== undefined && { locked_until: patch.lockedUntil }),
      })
      .where('id', '=', id)
      .execute();
  }
}
