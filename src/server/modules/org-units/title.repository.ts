import type { Kysely } from 'kysely';
import type { DivisionTitle } from '../../../domain/title.js';
import type { Area } from '../../../domain/scope.js';
import type { DB } from '../../platform/db/database.js';
import { chunks, chunkSize, inTransaction, reserveSeq } from '../../platform/db/sql-helpers.js';

type Row = { division_code: string; title: string; granted: number; withdrawn: number | null; source: string | null };
const toTitle = (r: Row): DivisionTitle => ({ divisionCode: r.division_code, title: r.title, granted: Number(r.granted), withdrawn: r.withdrawn === null ? null : Number(r.withdrawn), source: r.source });

/** Titles held by divisions; every write takes change-sequence numbers for the analytics engine. */
export class TitleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Grants or changes titles (one row per division and title). */
  async upsertMany(titles: DivisionTitle[]): Promise<void> {
    if (!titles.length) return;
    await inTransaction(this.db, async (db) => {
      let seq = await reserveSeq(db, titles.length);
      for (const part of chunks(titles, chunkSize(6)))
        await db
          .insertInto('division_title')
          .values(part.map((t) => ({ division_code: t.divisionCode, title: t.title, granted: t.granted, withdrawn: t.withdrawn, source: t.source, seq: seq++ })))
          .onConflict((oc) =>
            oc.columns(['division_code', 'title']).doUpdateSet((eb) => ({
              granted: eb.ref('excluded.granted'),
              withdrawn: eb.ref('excluded.withdrawn'),
              source: eb.ref('excluded.source'),
              seq: eb.ref('excluded.seq'),
            })),
          )
          .execute();
    });
  }

  async list(area: Area, title?: string): Promise<DivisionTitle[]> {
    let q = this.db.selectFrom('division_title').select(['division_code', 'title', 'granted', 'withdrawn', 'source']);
    if (area.level > 0) q = q.where('division_code', 'like', `${area.code}%`);
    if (title) q = q.where('title', '=', title);
    return (await q.orderBy('division_code').execute()).map(toTitle);
  }

  /** The highest change sequence any title carries (0 when none). */
  async maxSeq(): Promise<number> {
    const r = await this.db.selectFrom('division_title').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    return Number(r?.m ?? 0);
  }
}
