/** Writing and browsing the append-only audit log. */
import type { AuditEntry, AuditFilter } from './audit.repository.js';
import type { Repositories, Store } from '../db/store.js';
import { ADMIN_ROLES, requireRole, type Actor } from '../access/actor.js';
import type { Clock } from '../clock.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'close' | 'login_failed' | 'locked' | 'disable' | 'enable' | 'unlock' | 'end_sessions' | 'reset_password' | 'change_password' | 'init' | 'submit' | 'approve' | 'return' | 'import' | 'move_out' | 'enrol' | 'score' | 'name' | 'object' | 'resolve' | 're_review' | 'withdraw' | 'attach' | 'detach';

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityKey: string;
  areaCode: string;
  before?: unknown;
  after?: unknown;
}

export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Records a change inside the caller's transaction (pass its repositories). */
  async record(repos: Repositories, actor: Actor, e: AuditEvent): Promise<void> {
    await this.recordMany(repos, actor, [e]);
  }

  /** Records many changes in few statements (imports). */
  async recordMany(repos: Repositories, actor: Actor, events: AuditEvent[]): Promise<void> {
    const at = this.clock.now().toISOString();
    await repos.audit.appendMany(
      events.map((e) => ({ at, actor: actor.username, action: e.action, entity: e.entity, entityKey: e.entityKey, areaCode: e.areaCode, before: e.before ?? null, after: e.after ?? null })),
    );
  }

  /** Admins browse the log: system admins all of it, area admins what concerns their area. */
  async list(actor: Actor, filter: Omit<AuditFilter, 'areaPrefix'>, page: number, pageSize: number): Promise<{ items: AuditEntry[]; total: number }> {
    requireRole(actor, ADMIN_ROLES);
    const s = actor.scope;
    const areaPrefix = s.kind === 'division' ? s.code : undefined;
    if (s.kind === 'facility') return { items: [], total: 0 };
    return this.store.repos.audit.list({ ...filter, areaPrefix }, { offset: (page - 1) * pageSize, limit: pageSize });
  }
}
