/** identity: its tables. Users and their sessions. They join the store's DB type by declaration merging. */
import type { Generated } from 'kysely';

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  scope_code: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  must_change_password: Generated<number>;
  password_changed_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

declare module '../../platform/db/database.js' {
  interface DB {
    app_user: UserTable;
    session: SessionTable;
  }
}
