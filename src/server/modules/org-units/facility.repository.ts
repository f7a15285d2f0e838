import type { ExpressionBuilder, Kysely } from 'kysely';
import { ancestorCodes, type DivisionLevel } from '../../../domain/org-unit.js';
import type { Facility, FacilityType, Ownership } from '../../../domain/facility.js';
import type { Area } from '../../../domain/scope.js';
import type { DB } from '../../platform/db/database.js';
import type { FacilityTable } from './org-units.tables.js';
import { chunks, chunkSize, containsText, FACILITY_LEVEL_COLUMN, inTransaction, reserveSeq } from '../../platform/db/sql-helpers.js';
import { selectWhereIn } from '../../platform/db/bulk-sql.js';

export interface FacilityFilter {
  /** Only these facility types. */
  types?: FacilityType[];
  /** Facilities in this area (the nation: all). */
  area: Area;
  /** A facility-scoped user's facilities: its own, and the managed types in its township (乡村一体化). */
  facilityScope?: { code: string; townshipCode: string | null; managedTypes: FacilityType[] };
  type?: FacilityType;
  /** Name or code text. */
  text?: string;
  status?: 'open' | 'closed' | 'all';
  /** Open at some time in [start, end] (ISO dates). */
  openBetween?: { start: string; end: string };
}

export type FacilityRow = Facility & { createdAt: string; updatedAt: string };

/** A facility as checking a report needs it (FacilityRepository.briefs). */
export type FacilityBrief = Pick<Facility, 'code' | 'type' | 'divisionCode' | 'opened' | 'closed'>;

function toFacility(r: FacilityTable): FacilityRow {
  return {
    code: r.code,
    name: r.name,
    type: r.type as FacilityType,
    divisionCode: r.division_code,
    ownership: r.ownership as Ownership,
    opened: r.opened,
    closed: r.closed,
    attributes: JSON.parse(r.attributes) as Record<string, unknown>,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(f: Facility, at: string, seq = 0): FacilityTable {
  const a = ancestorCodes(f.divisionCode);
  return {
    code: f.code,
    name: f.name,
    type: f.type,
    division_code: f.divisionCode,
    province_code: a[1] ?? f.divisionCode,
    city_code: a[2] ?? null,
    county_code: a[3] ?? null,
    township_code: a[4] ?? null,
    village_code: a[5] ?? null,
    ownership: f.ownership,
    opened: f.opened,
    closed: f.closed,
    attributes: JSON.stringify(f.attributes ?? {}),
    created_at: at,
    updated_at: at,
    seq,
  };
}

/** The WHERE of a facility filter; also used by queries that join reports to facilities. */
export function applyFacilityFilter(eb: ExpressionBuilder<DB, 'facility'>, f: FacilityFilter) {
  const parts = [];
  if (f.area.level > 0) parts.push(eb(FACILITY_LEVEL_COLUMN[f.area.level as DivisionLevel], '=', f.area.code));
  if (f.facilityScope) {
    const fs = f.facilityScope;
    parts.push(
      fs.townshipCode && fs.managedTypes.length
        ? eb.or([eb('code', '=', fs.code), eb.and([eb('township_code', '=', fs.townshipCode), eb('type', 'in', fs.managedTypes)])])
        : eb('code', '=', fs.code),
    );
  }
  if (f.type) parts.push(eb('type', '=', f.type));
  if (f.types) parts.push(eb('type', 'in', f.types));
  if (f.text) parts.push(containsText(['name', 'code'], f.text));
  if (f.status === 'open') parts.push(eb('closed', 'is', null));
  if (f.status === 'closed') parts.push(eb('closed', 'is not', null));
  if (f.openBetween) {
    parts.push(eb('opened', '<=', f.openBetween.end));
    parts.push(eb.or([eb('closed', 'is', null), eb('closed', '>=', f.openBetween.start)]));
  }
  return eb.and(parts);
}

export class FacilityRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(facilities: Facility[], at: string): Promise<void> {
    if (facilities.length === 0) return;
    await inTransaction(this.db, async (db) => {
      const first = await reserveSeq(db, facilities.length);
      for (const part of chunks(facilities.map((f, i) => toRow(f, at, first + i)), chunkSize(16))) await db.insertInto('facility').values(part).execute();
    });
  }

  async insert(f: Facility, at: string): Promise<void> {
    await this.insertMany([f], at);
  }

  async update(f: Facility, at: string): Promise<void> {
    await inTransaction(this.db, async (db) => {
      const { created_at: _, ...row } = toRow(f, at, await reserveSeq(db, 1));
      await db.updateTable('facility').set(row).where('code', '=', f.code).execute();
    });
  }

  /** Facilities written after a change-sequence number, in sequence order (analytics catch-up). */
  async changedSince(seq: number, limit: number): Promise<(FacilityRow & { seq: number })[]> {
    const rows = await this.db.selectFrom('facility').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ ...toFacility(r), seq: Number(r.seq) }));
  }

  async get(code: string): Promise<FacilityRow | null> {
    const r = await this.db.selectFrom('facility').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toFacility(r) : null;
  }

  async getMany(codes: string[]): Promise<Map<string, FacilityRow>> {
    const out = new Map<string, FacilityRow>();
    for (const r of await selectWhereIn<FacilityTable>(this.db, 'facility', '*', null, 'code', codes)) out.set(r.code, toFacility(r));
    return out;
  }

  /** What checking a report needs of these facilities (an import's batch): type, division, when open. */
  async briefs(codes: string[]): Promise<Map<string, FacilityBrief>> {
    type Brief = Pick<FacilityTable, 'code' | 'type' | 'division_code' | 'opened' | 'closed'>;
    const out = new Map<string, FacilityBrief>();
    for (const r of await selectWhereIn<Brief>(this.db, 'facility', ['code', 'type', 'division_code', 'opened', 'closed'], null, 'code', codes))
      out.set(r.code, { code: r.code, type: r.type as FacilityType, divisionCode: r.division_code, opened: r.opened, closed: r.closed });
    return out;
  }

  async list(filter: FacilityFilter, page: { offset: number; limit: number }): Promise<{ items: FacilityRow[]; total: number }> {
    const base = this.db.selectFrom('facility').where((eb) => applyFacilityFilter(eb, filter));
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('code').offset(page.offset).limit(page.limit).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toFacility), total: Number(count.n) };
  }

  /**
   * Facility counts by type inside an area, grouped by the child level's ancestor code
   * (for the nation: by province). `childLevel` null: one group for the area itself.
   */
  async countByChild(filter: FacilityFilter, childLevel: DivisionLevel | null): Promise<{ child: string | null; type: string; n: number }[]> {
    if (childLevel === null) {
      const rows = await this.db
        .selectFrom('facility')
        .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => applyFacilityFilter(eb, filter))
        .groupBy('type')
        .execute();
      return rows.map((r) => ({ child: null, type: r.type, n: Number(r.n) }));
    }
    const col = FACILITY_LEVEL_COLUMN[childLevel];
    const rows = await this.db
      .selectFrom('facility')
      .select([`${col} as child`, 'type', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => applyFacilityFilter(eb, filter))
      .groupBy([col, 'type'])
      .execute();
    return rows.map((r) => ({ child: r.child as string | null, type: r.type, n: Number(r.n) }));
  }

  /** Pages through facilities in code order (exports, demo generation). */
  async *iterate(filter: FacilityFilter, pageSize = 20000): AsyncGenerator<FacilityRow> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('facility')
        .selectAll()
        .where('code', '>', after)
        .where((eb) => applyFacilityFilter(eb, filter))
        .orderBy('code')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield toFacility(r);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].code;
    }
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('facility').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
