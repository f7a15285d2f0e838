import type { ExpressionBuilder, Kysely } from 'kysely';
import { ancestorCodes, type Division, type DivisionKind, type DivisionLevel } from '../../../domain/org-unit.js';
import type { Area } from '../../../domain/scope.js';
import type { DB } from '../../platform/db/database.js';
import type { DivisionTable } from './org-units.tables.js';
import { chunks, chunkSize, containsText, DIVISION_LEVEL_COLUMN } from '../../platform/db/sql-helpers.js';

const COLUMNS = ['code', 'name', 'level', 'parent_code', 'kind'] as const;

function toDivision(r: Pick<DivisionTable, (typeof COLUMNS)[number]>): Division {
  return {
    code: r.code,
    name: r.name,
    level: r.level as DivisionLevel,
    parentCode: r.parent_code,
    kind: r.kind as DivisionKind,
  };
}

function toRow(d: Division): DivisionTable {
  const a = ancestorCodes(d.code);
  return {
    code: d.code,
    name: d.name,
    level: d.level,
    parent_code: d.parentCode,
    kind: d.kind,
    province_code: a[1] ?? d.code,
    city_code: a[2] ?? null,
    county_code: a[3] ?? null,
    township_code: a[4] ?? null,
  };
}

/** The division itself or any division below it (the whole table for the nation). */
function inArea(eb: ExpressionBuilder<DB, 'division'>, area: Area) {
  if (area.level === 0) return eb.lit(true);
  if (area.level === 5) return eb('code', '=', area.code);
  return eb.or([eb('code', '=', area.code), eb(DIVISION_LEVEL_COLUMN[area.level], '=', area.code)]);
}

export class DivisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(divisions: Division[]): Promise<void> {
    for (const part of chunks(divisions.map(toRow), chunkSize(9)))
      await this.db.insertInto('division').values(part).execute();
  }

  async get(code: string): Promise<Division | null> {
    const r = await this.db.selectFrom('division').select(COLUMNS).where('code', '=', code).executeTakeFirst();
    return r ? toDivision(r) : null;
  }

  async getMany(codes: string[]): Promise<Division[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.selectFrom('division').select(COLUMNS).where('code', 'in', codes).execute();
    return rows.map(toDivision);
  }

  /** Children of a division, or the provinces when parentCode is null; each with its child count. */
  async children(parentCode: string | null): Promise<(Division & { childCount: number })[]> {
    const rows = await this.db
      .selectFrom('division as d')
      .select(['d.code', 'd.name', 'd.level', 'd.parent_code', 'd.kind'])
      .select((eb) =>
        eb
          .selectFrom('division as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_code', '=', 'd.code')
          .as('child_count'),
      )
      .where((eb) => (parentCode === null ? eb('d.parent_code', 'is', null) : eb('d.parent_code', '=', parentCode)))
      .orderBy('d.code')
      .execute();
    return rows.map((r) => ({ ...toDivision(r), childCount: Number(r.child_count ?? 0) }));
  }

  async childCount(code: string): Promise<number> {
    const r = await this.db
      .selectFrom('division')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_code', '=', code)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Divisions whose name contains the text or whose code starts with it, inside an area. */
  async search(text: string, area: Area, limit: number, level?: DivisionLevel): Promise<Division[]> {
    let q = this.db
      .selectFrom('division')
      .select(COLUMNS)
      .where((eb) => inArea(eb, area));
    if (level) q = q.where('level', '=', level);
    const rows = await q
      .where((eb) =>
        /^\d+$/.test(text) ? eb('code', 'like', `${text}%`) : containsText(['name'], text),
      )
      .orderBy('level')
      .orderBy('code')
      .limit(limit)
      .execute();
    return rows.map(toDivision);
  }

  async countByLevel(): Promise<Record<number, number>> {
    const rows = await this.db
      .selectFrom('division')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
  }

  /** Pages through divisions in code order (for exports), optionally of one level and inside an area. */
  async *iterate(opts: { level?: DivisionLevel; area: Area }, pageSize = 20000): AsyncGenerator<Division> {
    let after = '';
    for (;;) {
      let q = this.db
        .selectFrom('division')
        .select(COLUMNS)
        .where('code', '>', after)
        .where((eb) => inArea(eb, opts.area));
      if (opts.level) q = q.where('level', '=', opts.level);
      const rows = await q.orderBy('code').limit(pageSize).execute();
      for (const r of rows) yield toDivision(r);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].code;
    }
  }
}
