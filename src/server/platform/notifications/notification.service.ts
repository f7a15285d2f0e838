/**
 * In-app notifications (站内通知): written inside the transaction of what they tell about, read by
 * their user, marked read. The optional outbound channel (a webhook) is sent by a job
 * (notify.outbound), never inline, so a slow receiver never holds a request.
 */
import { AppError } from '../../../domain/errors.js';
import type { Actor } from '../access/actor.js';
import type { Clock } from '../clock.js';
import type { Repositories, Store } from '../db/store.js';
import type { Notification } from './notification.repository.js';

export interface NotificationMessage {
  kind: string;
  title: string;
  body: string;
  link: string;
}

export class NotificationService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** GTCM_NOTIFY_WEBHOOK: where each notification is POSTed as JSON, or none. */
    private readonly webhook: string | null = null,
  ) {}

  /** Notifies users (inside the caller's transaction); duplicates and the actor themselves are left out. */
  async notify(repos: Repositories, usernames: Iterable<string>, m: NotificationMessage, except?: string): Promise<number> {
    const to = [...new Set(usernames)].filter((u) => u && u !== except);
    await repos.notifications.insertMany(to.map((username) => ({ username, ...m, createdAt: this.clock.now().toISOString() })));
    return to.length;
  }

  /** Notifies the administrators of an area (users of role AREA_ADMIN whose scope is exactly the area). */
  async notifyArea(repos: Repositories, areaCode: string, m: NotificationMessage, except?: string): Promise<number> {
    return this.notify(repos, await repos.notifications.adminsOf(areaCode), m, except);
  }

  async list(actor: Actor, unreadOnly = false): Promise<{ items: Notification[]; unread: number }> {
    const [items, unread] = await Promise.all([this.store.repos.notifications.of(actor.username, { unreadOnly, limit: 100 }), this.store.repos.notifications.unreadCount(actor.username)]);
    return { items, unread };
  }

  async unread(actor: Actor): Promise<number> {
    return this.store.repos.notifications.unreadCount(actor.username);
  }

  /** Marks the actor's notifications read: those ids (only their own), or all. */
  async markRead(actor: Actor, ids?: number[]): Promise<number> {
    const n = await this.store.repos.notifications.markRead(actor.username, this.clock.now().toISOString(), ids);
    if (ids && ids.length && n === 0) {
      const mine = await this.store.repos.notifications.of(actor.username, { limit: 1000 });
      if (!ids.every((id) => mine.some((x) => x.id === id))) throw new AppError('E8018', { field: 'ids' });
    }
    return n;
  }

  /** The outbound channel: POSTs unsent notifications to the webhook, oldest first; answers how many went. Without a webhook, nothing. */
  async sendOutbound(limit = 200): Promise<number> {
    if (!this.webhook) return 0;
    const batch = await this.store.repos.notifications.unsent(limit);
    const sent: number[] = [];
    for (const n of batch) {
      const res = await fetch(this.webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: n.id, username: n.username, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt }), signal: AbortSignal.timeout(10_000) });
      if (!res.ok) break; // the rest waits for the next run
      sent.push(n.id);
    }
    await this.store.repos.notifications.markSent(sent, this.clock.now().toISOString());
    return sent.length;
  }
}
