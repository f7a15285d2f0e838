/** Notifications: rows the inbox reads (read/unread), and the outbound channel sends. */
import type { Generated, Kysely } from 'kysely';
import type { DB } from '../db/database.js';

export interface NotificationTable {
  id: Generated<number>;
  username: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: string;
  read_at: string | null;
  sent_at: string | null;
}

declare module '../db/database.js' {
  interface DB {
    notification: NotificationTable;
  }
}

export interface Notification {
  id: number;
  username: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
  sentAt: string | null;
}

type Row = Omit<NotificationTable, 'id'> & { id: number };
const toNotification = (r: Row): Notification => ({ id: Number(r.id), username: r.username, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at, sentAt: r.sent_at });

export class NotificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(ns: Omit<Notification, 'id' | 'readAt' | 'sentAt'>[]): Promise<void> {
    for (let i = 0; i < ns.length; i += 500)
      await this.db
        .insertInto('notification')
        .values(ns.slice(i, i + 500).map((n) => ({ username: n.username, kind: n.kind, title: n.title, body: n.body, link: n.link, created_at: n.createdAt })))
        .execute();
  }

  async of(username: string, opts: { unreadOnly?: boolean; limit: number }): Promise<Notification[]> {
    let q = this.db.selectFrom('notification').selectAll().where('username', '=', username);
    if (opts.unreadOnly) q = q.where('read_at', 'is', null);
    return (await q.orderBy('id', 'desc').limit(opts.limit).execute()).map((r) => toNotification(r as Row));
  }

  async unreadCount(username: string): Promise<number> {
    const r = await this.db.selectFrom('notification').select((eb) => eb.fn.countAll<string | number>().as('n')).where('username', '=', username).where('read_at', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Marks the user's notifications read (all, or those ids); answers how many changed. */
  async markRead(username: string, at: string, ids?: number[]): Promise<number> {
    let q = this.db.updateTable('notification').set({ read_at: at }).where('username', '=', username).where('read_at', 'is', null);
    if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async unsent(limit: number): Promise<Notification[]> {
    return (await this.db.selectFrom('notification').selectAll().where('sent_at', 'is', null).orderBy('id').limit(limit).execute()).map((r) => toNotification(r as Row));
  }

  async markSent(ids: number[], at: string): Promise<void> {
    if (ids.length) await this.db.updateTable('notification').set({ sent_at: at }).where('id', 'in', ids).execute();
  }

  /** The users who receive what concerns an area: its administrators (role AREA_ADMIN, scope exactly that area), enabled. */
  async adminsOf(areaCode: string): Promise<string[]> {
    const rows = await this.db.selectFrom('app_user').select('username').where('scope_code', '=', areaCode).where('role', '=', 'AREA_ADMIN').where('disabled', '=', 0).orderBy('username').execute();
    return rows.map((r) => r.username);
  }
}
