import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { insertRows, type BulkColumn } from '../db/bulk-sql.js';

/** One audit record. The table is append-only: this repository has no update or delete. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  /** The division the record concerns (`CN` for national matters). */
  areaCode: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string;
  actor?: string;
  entityKey?: string;
  /** Only entries about this division or below it (scoping for area admins). */
  areaPrefix?: string;
}

const AUDIT_COLUMNS: BulkColumn[] = ['at', 'actor', 'action', 'entity', 'entity_key', 'area_code', 'before', 'after'].map((name) => ({ name, pg: 'text' }));

export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(e: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.appendMany([e]);
  }

  async appendMany(entries: Omit<AuditEntry, 'id'>[]): Promise<void> {
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    await insertRows(
      this.db,
      'audit_log',
      AUDIT_COLUMNS,
      entries.map((e) => [e.at, e.actor, e.action, e.entity, e.entityKey, e.areaCode, json(e.before), json(e.after)]),
    );
  }

  async list(f: AuditFilter, page: { offset: number; limit: number }): Promise<{ items: AuditEntry[]; total: number }> {
    let q = this.db.selectFrom('audit_log');
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.actor) q = q.where('actor', '=', f.actor);
    if (f.entityKey) q = q.where('entity_key', '=', f.entityKey);
    if (f.areaPrefix) q = q.where('area_code', 'like', `${f.areaPrefix.replace(/\D/g, '')}%`);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityKey: r.entity_key,
        areaCode: r.area_code,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
      })),
    };
  }
}
