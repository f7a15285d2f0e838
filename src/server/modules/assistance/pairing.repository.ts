/** 对口帮扶 pairings and their yearly figures and assessments. Every list takes the reader's area prefix: scope is enforced where data is read. */
import { sql, type Kysely } from 'kysely';
import type { Band, PairingStatus } from '../../../domain/assistance/assistance.js';
import type { DB } from '../../platform/db/database.js';
import { chunks, chunkSize, containsText, inTransaction, reserveSeq } from '../../platform/db/sql-helpers.js';
import './assistance.tables.js';

/** An area prefix (`53` for 云南省) covers the area and everything below it; null: the whole country. */
export type AreaPrefix = string | null;
export const like = (prefix: string) => `${prefix}%`;

export interface Pairing {
  id: number;
  helperCode: string;
  helperArea: string;
  recipientCode: string;
  areaCode: string;
  startYear: number;
  endYear: number | null;
  content: string;
  status: PairingStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export type PairingRow = Pairing & { helperName: string; recipientName: string };
export type NewPairingRow = Omit<Pairing, 'id'>;

export interface PairingYear {
  pairingId: number;
  year: number;
  staffSent: number;
  specialties: string[];
  clinics: string[];
  score: number | null;
  band: Band | null;
  comment: string | null;
  assessedBy: string | null;
  assessedAt: string | null;
  updatedAt: string;
}

export interface PairingFilter {
  /** Only pairings whose county hospital or tertiary hospital lies in this area (inside the prefix). */
  area?: string;
  status?: PairingStatus;
  /** Active in this year. */
  year?: number;
  /** Name or code of either hospital. */
  text?: string;
  recipientCode?: string;
  ids?: number[];
}

type R<T extends keyof DB> = Omit<DB[T], 'id'> & { id: number };
const json = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);
const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const toPairing = (r: R<'asst_pairing'>): Pairing => ({
  id: num(r.id), helperCode: r.helper_code, helperArea: r.helper_area, recipientCode: r.recipient_code, areaCode: r.area_code, startYear: num(r.start_year), endYear: numOrNull(r.end_year),
  content: r.content, status: r.status as PairingStatus, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
});
const pairingRow = (p: NewPairingRow, seq: number) => ({
  helper_code: p.helperCode, helper_area: p.helperArea, recipient_code: p.recipientCode, area_code: p.areaCode, start_year: p.startYear, end_year: p.endYear, content: p.content, status: p.status,
  created_by: p.createdBy, created_at: p.createdAt, updated_at: p.updatedAt, seq,
});
const toYear = (r: DB['asst_pairing_year']): PairingYear => ({
  pairingId: num(r.pairing_id), year: num(r.year), staffSent: num(r.staff_sent), specialties: json(r.specialties, []), clinics: json(r.clinics, []), score: numOrNull(r.score), band: (r.band as Band | null) ?? null,
  comment: r.comment, assessedBy: r.assessed_by, assessedAt: r.assessed_at, updatedAt: r.updated_at,
});

export class PairingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(p: NewPairingRow): Promise<Pairing> {
    return inTransaction(this.db, async (db) => {
      const r = await db.insertInto('asst_pairing').values(pairingRow(p, await reserveSeq(db, 1))).returningAll().executeTakeFirstOrThrow();
      return toPairing(r as R<'asst_pairing'>);
    });
  }

  /** Many at once (the demo): one sequence block, batched inserts; the ids in order. */
  async insertMany(list: NewPairingRow[]): Promise<number[]> {
    if (!list.length) return [];
    return inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, list.length);
      const ids: number[] = [];
      for (const part of chunks(list, chunkSize(13))) {
        const rows = await db.insertInto('asst_pairing').values(part.map((p) => pairingRow(p, seq++))).returning(['id', 'seq']).execute();
        ids.push(...rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => Number(r.id)));
      }
      return ids;
    });
  }

  async update(id: number, p: Partial<Pick<Pairing, 'helperCode' | 'helperArea' | 'startYear' | 'endYear' | 'content' | 'status'>> & { updatedAt: string }): Promise<void> {
    await inTransaction(this.db, async (db) => {
      await db
        .updateTable('asst_pairing')
        .set({
          ...(p.helperCode !== undefined && { helper_code: p.helperCode, helper_area: p.helperArea }),
          ...(p.startYear !== undefined && { start_year: p.startYear }),
          ...(p.endYear !== undefined && { end_year: p.endYear }),
          ...(p.content !== undefined && { content: p.content }),
          ...(p.status !== undefined && { status: p.status }),
          updated_at: p.updatedAt,
          seq: await reserveSeq(db, 1),
        })
        .where('id', '=', id)
        .execute();
    });
  }

  async get(id: number): Promise<Pairing | null> {
    const r = await this.db.selectFrom('asst_pairing').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toPairing(r as R<'asst_pairing'>) : null;
  }

  /** Pairings of the same two hospitals (to refuse overlapping years). */
  async between(helperCode: string, recipientCode: string): Promise<Pairing[]> {
    const rows = await this.db.selectFrom('asst_pairing').selectAll().where('helper_code', '=', helperCode).where('recipient_code', '=', recipientCode).execute();
    return rows.map((r) => toPairing(r as R<'asst_pairing'>));
  }

  private filtered(prefix: AreaPrefix, f: PairingFilter) {
    let q = this.db
      .selectFrom('asst_pairing as p')
      .innerJoin('facility as h', 'h.code', 'p.helper_code')
      .innerJoin('facility as c', 'c.code', 'p.recipient_code');
    if (prefix !== null) q = q.where((eb) => eb.or([eb('p.area_code', 'like', like(prefix)), eb('p.helper_area', 'like', like(prefix))]));
    if (f.area) q = q.where((eb) => eb.or([eb('p.area_code', 'like', like(f.area!)), eb('p.helper_area', 'like', like(f.area!))]));
    if (f.status) q = q.where('p.status', '=', f.status);
    if (f.recipientCode) q = q.where('p.recipient_code', '=', f.recipientCode);
    if (f.ids) q = q.where('p.id', 'in', f.ids.length ? f.ids : [-1]);
    if (f.year !== undefined) q = q.where('p.start_year', '<=', f.year).where((eb) => eb.or([eb('p.end_year', 'is', null), eb('p.end_year', '>=', f.year!)]));
    if (f.text) q = q.where(containsText(['h.name', 'c.name', 'h.code', 'c.code'], f.text));
    return q;
  }

  /** The pairings the prefix may read (either hospital inside it), with both hospitals' names. */
  async list(prefix: AreaPrefix, f: PairingFilter, page: { offset: number; limit: number }): Promise<{ items: PairingRow[]; total: number }> {
    const base = this.filtered(prefix, f);
    const [rows, count] = await Promise.all([
      base.selectAll('p').select(['h.name as helper_name', 'c.name as recipient_name']).orderBy('p.area_code').orderBy('p.id').offset(page.offset).limit(page.limit).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => ({ ...toPairing(r as unknown as R<'asst_pairing'>), helperName: r.helper_name, recipientName: r.recipient_name })), total: Number(count.n) };
  }

  /** Recipient hospitals with a pairing at all (the demo's idempotence). */
  async recipients(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('asst_pairing').select('recipient_code').distinct().execute()).map((r) => r.recipient_code));
  }

  async upsertYear(y: PairingYear): Promise<void> {
    await this.upsertYears([y]);
  }

  async upsertYears(list: PairingYear[]): Promise<void> {
    if (!list.length) return;
    await inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, list.length);
      for (const part of chunks(list, chunkSize(12)))
        await db
          .insertInto('asst_pairing_year')
          .values(
            part.map((y) => ({
              pairing_id: y.pairingId, year: y.year, staff_sent: y.staffSent, specialties: JSON.stringify(y.specialties), clinics: JSON.stringify(y.clinics), score: y.score, band: y.band,
              comment: y.comment, assessed_by: y.assessedBy, assessed_at: y.assessedAt, updated_at: y.updatedAt, seq: seq++,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['pairing_id', 'year']).doUpdateSet((eb) => ({
              staff_sent: eb.ref('excluded.staff_sent'), specialties: eb.ref('excluded.specialties'), clinics: eb.ref('excluded.clinics'), score: eb.ref('excluded.score'), band: eb.ref('excluded.band'),
              comment: eb.ref('excluded.comment'), assessed_by: eb.ref('excluded.assessed_by'), assessed_at: eb.ref('excluded.assessed_at'), updated_at: eb.ref('excluded.updated_at'), seq: eb.ref('excluded.seq'),
            })),
          )
          .execute();
    });
  }

  async year(pairingId: number, year: number): Promise<PairingYear | null> {
    const r = await this.db.selectFrom('asst_pairing_year').selectAll().where('pairing_id', '=', pairingId).where('year', '=', year).executeTakeFirst();
    return r ? toYear(r) : null;
  }

  async yearsOf(pairingIds: number[]): Promise<PairingYear[]> {
    const out: PairingYear[] = [];
    for (const part of chunks(pairingIds, 900)) {
      if (!part.length) continue;
      const rows = await this.db.selectFrom('asst_pairing_year').selectAll().where('pairing_id', 'in', part).orderBy('pairing_id').orderBy('year').execute();
      out.push(...rows.map(toYear));
    }
    return out;
  }

  /**
   * Rows, the highest change sequence and their sum over the tables named: a version that moves
   * on every write and delete, also when (on PostgreSQL) a transaction commits after a later one.
   */
  async versionOf(tables: readonly (keyof DB & `asst_${string}`)[]): Promise<{ count: number; maxSeq: number; sumSeq: number }> {
    let count = 0;
    let maxSeq = 0;
    let sumSeq = 0;
    for (const t of tables) {
      const r = await sql<{ n: number | string; m: number | string | null; s: number | string | null }>`select count(*) as n, max(seq) as m, sum(seq) as s from ${sql.table(t)}`.execute(this.db);
      count += Number(r.rows[0]?.n ?? 0);
      maxSeq = Math.max(maxSeq, Number(r.rows[0]?.m ?? 0));
      sumSeq += Number(r.rows[0]?.s ?? 0);
    }
    return { count, maxSeq, sumSeq };
  }

  /** Every pairing with its county hospital's name: the fact source's input. */
  async factInput(): Promise<{ recipientCode: string; recipientName: string; areaCode: string; startYear: number; endYear: number | null }[]> {
    const rows = await this.db
      .selectFrom('asst_pairing as p')
      .innerJoin('facility as c', 'c.code', 'p.recipient_code')
      .select(['p.recipient_code', 'c.name', 'c.division_code', 'p.start_year', 'p.end_year'])
      .orderBy('p.recipient_code')
      .execute();
    return rows.map((r) => ({ recipientCode: r.recipient_code, recipientName: r.name, areaCode: r.division_code, startYear: num(r.start_year), endYear: numOrNull(r.end_year) }));
  }
}

