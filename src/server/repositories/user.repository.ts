import type { Kysely, Selectable } from 'kysely';
import type { Role, User } from '../../domain/user.js';
import type { DB, UserTable } from '../database.js';

export type UserRecord = User & { passwordHash: string; failedLogins: number; lockedUntil: string | null };

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

  async byUsername(username: string): Promise<UserRecord | null> {
    const r = await this.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async byId(id: number): Promise<UserRecord | null> {
    const r = await this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async all(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('app_user').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  async setLoginState(id: number, failedLogins: number, lockedUntil: string | null): Promise<void> {
    await this.db.updateTable('app_user').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', id).execute();
  }
}
