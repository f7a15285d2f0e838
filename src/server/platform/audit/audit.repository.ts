import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { chunks, chunkSize } from '../db/sql-helpers.js';

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

export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(e: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.appendMany([e]);
  }

  async appendMany(entries: Omit<AuditEntry, 'id'>[]): Promise<void> {
    const rows = entries.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_key: e.entityKey,
      area_code: e.areaCode,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    }));
    for (const part of chunks(rows, chunkSize(8))) await this.db.insertInto('audit_log').values(part).execute();
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
