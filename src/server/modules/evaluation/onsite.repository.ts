/** The on-site review: the sample of a cycle (with reasons and seed) and each sampled application's checklist findings. */
import type { Kysely } from 'kysely';
import type { CheckResult, SampleReason } from '../../../domain/evaluation/onsite.js';
import type { DB } from '../../platform/db/database.js';
import './evaluation.tables.js';

export interface SampledApplication {
  applicationId: number;
  cycle: string;
  reasons: SampleReason[];
  detail: string;
  seed: number;
  drawnBy: string;
  drawnAt: string;
}

export interface OnsiteCheck {
  item: string;
  result: CheckResult;
  note: string | null;
  checkedBy: string;
  checkedAt: string;
}

type SampleRow = DB['eval_onsite'];
const toSampled = (r: SampleRow): SampledApplication => ({
  applicationId: Number(r.application_id), cycle: r.cycle, reasons: r.reasons.split(',') as SampleReason[], detail: r.detail, seed: Number(r.seed), drawnBy: r.drawn_by, drawnAt: r.drawn_at,
});

export class OnsiteRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async sample(cycle: string): Promise<SampledApplication[]> {
    return (await this.db.selectFrom('eval_onsite').selectAll().where('cycle', '=', cycle).orderBy('application_id').execute()).map(toSampled);
  }

  async sampled(applicationId: number): Promise<SampledApplication | null> {
    const r = await this.db.selectFrom('eval_onsite').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
    return r ? toSampled(r) : null;
  }

  /** Replaces the cycle's sample with these picks. */
  async replaceSample(cycle: string, picks: Omit<SampledApplication, 'cycle'>[]): Promise<void> {
    await this.db.deleteFrom('eval_onsite').where('cycle', '=', cycle).execute();
    if (!picks.length) return;
    await this.db
      .insertInto('eval_onsite')
      .values(picks.map((p) => ({ application_id: p.applicationId, cycle, reasons: p.reasons.join(','), detail: p.detail, seed: p.seed, drawn_by: p.drawnBy, drawn_at: p.drawnAt })))
      .execute();
  }

  /** How many of the cycle's sampled applications have findings. */
  async checkedCount(cycle: string): Promise<number> {
    const r = await this.db
      .selectFrom('eval_onsite_check as c')
      .innerJoin('eval_onsite as o', 'o.application_id', 'c.application_id')
      .select((eb) => eb.fn.count<number>('c.application_id').distinct().as('n'))
      .where('o.cycle', '=', cycle)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async checks(applicationId: number): Promise<OnsiteCheck[]> {
    const rows = await this.db.selectFrom('eval_onsite_check').selectAll().where('application_id', '=', applicationId).orderBy('item').execute();
    return rows.map((r) => ({ item: r.item, result: r.result as CheckResult, note: r.note, checkedBy: r.checked_by, checkedAt: r.checked_at }));
  }

  async upsertChecks(applicationId: number, checks: OnsiteCheck[]): Promise<void> {
    for (const c of checks)
      await this.db
        .insertInto('eval_onsite_check')
        .values({ application_id: applicationId, item: c.item, result: c.result, note: c.note, checked_by: c.checkedBy, checked_at: c.checkedAt })
        .onConflict((oc) => oc.columns(['application_id', 'item']).doUpdateSet({ result: c.result, note: c.note, checked_by: c.checkedBy, checked_at: c.checkedAt }))
        .execute();
  }
}
