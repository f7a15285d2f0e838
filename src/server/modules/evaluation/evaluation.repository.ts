/** Cycles, applications, their scores per stage and the objections of publicity. */
import type { Kysely } from 'kysely';
import type { Stage } from '../../../domain/evaluation/workflow.js';
import type { Area } from '../../../domain/scope.js';
import type { DB } from '../../platform/db/database.js';
import { chunks } from '../../platform/db/sql-helpers.js';
import './evaluation.tables.js';

export interface Cycle {
  code: string;
  standard: string;
  name: string;
  firstYear: number;
  lastYear: number;
  assessmentYear: string;
  applyFrom: string;
  applyTo: string;
  deadlines: Partial<Record<Stage, string>>;
  publicityDays: number;
  createdAt: string;
}

export interface Application {
  id: number;
  cycle: string;
  subjectCode: string;
  subjectName: string;
  stage: Stage;
  decisionNote: string | null;
  publicityUntil: string | null;
  namedYear: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredScore {
  stage: string;
  item: string;
  points: number | null;
  veto: boolean | null;
  applicable: boolean;
  note: string | null;
  scoredBy: string;
  scoredAt: string;
}

export interface Objection {
  id: number;
  applicationId: number;
  text: string;
  receivedAt: string;
  recordedBy: string;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

type CycleRow = DB['eval_cycle'];
const toCycle = (r: CycleRow): Cycle => ({
  code: r.code, standard: r.standard, name: r.name, firstYear: Number(r.first_year), lastYear: Number(r.last_year), assessmentYear: r.assessment_year,
  applyFrom: r.apply_from, applyTo: r.apply_to, deadlines: JSON.parse(r.deadlines) as Cycle['deadlines'], publicityDays: Number(r.publicity_days), createdAt: r.created_at,
});
type AppRow = Omit<DB['eval_application'], 'id'> & { id: number };
const toApplication = (r: AppRow): Application => ({
  id: Number(r.id), cycle: r.cycle, subjectCode: r.subject_code, subjectName: r.subject_name, stage: r.stage as Stage, decisionNote: r.decision_note,
  publicityUntil: r.publicity_until, namedYear: r.named_year === null ? null : Number(r.named_year), createdAt: r.created_at, updatedAt: r.updated_at,
});
type ObjectionRow = Omit<DB['eval_objection'], 'id'> & { id: number };
const toObjection = (r: ObjectionRow): Objection => ({
  id: Number(r.id), applicationId: Number(r.application_id), text: r.text, receivedAt: r.received_at, recordedBy: r.recorded_by, resolution: r.resolution, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at,
});

export class EvaluationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertCycle(c: Cycle): Promise<void> {
    await this.db
      .insertInto('eval_cycle')
      .values({ code: c.code, standard: c.standard, name: c.name, first_year: c.firstYear, last_year: c.lastYear, assessment_year: c.assessmentYear, apply_from: c.applyFrom, apply_to: c.applyTo, deadlines: JSON.stringify(c.deadlines), publicity_days: c.publicityDays, created_at: c.createdAt })
      .execute();
  }

  async cycle(code: string): Promise<Cycle | null> {
    const r = await this.db.selectFrom('eval_cycle').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toCycle(r) : null;
  }

  async cycles(): Promise<Cycle[]> {
    return (await this.db.selectFrom('eval_cycle').selectAll().orderBy('first_year').orderBy('code').execute()).map(toCycle);
  }

  async insertApplication(a: Omit<Application, 'id'>): Promise<Application> {
    const r = await this.db
      .insertInto('eval_application')
      .values({ cycle: a.cycle, subject_code: a.subjectCode, subject_name: a.subjectName, stage: a.stage, decision_note: a.decisionNote, publicity_until: a.publicityUntil, named_year: a.namedYear, created_at: a.createdAt, updated_at: a.updatedAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApplication(r as AppRow);
  }

  async application(id: number): Promise<Application | null> {
    const r = await this.db.selectFrom('eval_application').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toApplication(r as AppRow) : null;
  }

  async applicationOf(cycle: string, subjectCode: string): Promise<Application | null> {
    const r = await this.db.selectFrom('eval_application').selectAll().where('cycle', '=', cycle).where('subject_code', '=', subjectCode).executeTakeFirst();
    return r ? toApplication(r as AppRow) : null;
  }

  /** Every application of one subject, in any cycle. */
  async applicationsOfSubject(subjectCode: string): Promise<Application[]> {
    return (await this.db.selectFrom('eval_application').selectAll().where('subject_code', '=', subjectCode).orderBy('id').execute()).map((r) => toApplication(r as AppRow));
  }

  /** A cycle's applications whose subject lies in the area (the nation: all), optionally at one stage. */
  async applications(cycle: string, area: Area, stage?: Stage): Promise<Application[]> {
    let q = this.db.selectFrom('eval_application').selectAll().where('cycle', '=', cycle);
    if (area.level > 0) q = q.where('subject_code', 'like', `${area.code}%`);
    if (stage) q = q.where('stage', '=', stage);
    return (await q.orderBy('subject_code').execute()).map((r) => toApplication(r as AppRow));
  }

  async updateApplication(id: number, set: Partial<Pick<Application, 'stage' | 'decisionNote' | 'publicityUntil' | 'namedYear'>> & { updatedAt: string }): Promise<void> {
    await this.db
      .updateTable('eval_application')
      .set({
        ...(set.stage !== undefined ? { stage: set.stage } : {}),
        ...(set.decisionNote !== undefined ? { decision_note: set.decisionNote } : {}),
        ...(set.publicityUntil !== undefined ? { publicity_until: set.publicityUntil } : {}),
        ...(set.namedYear !== undefined ? { named_year: set.namedYear } : {}),
        updated_at: set.updatedAt,
      })
      .where('id', '=', id)
      .execute();
  }

  async scores(applicationId: number): Promise<StoredScore[]> {
    return (await this.scoresOf([applicationId])).get(applicationId) ?? [];
  }

  /** The scores of many applications in one query (a cycle's results), by application. */
  async scoresOf(applicationIds: number[]): Promise<Map<number, StoredScore[]>> {
    const out = new Map<number, StoredScore[]>();
    for (const part of chunks(applicationIds, 500)) {
      const rows = await this.db.selectFrom('eval_score').selectAll().where('application_id', 'in', part).orderBy('application_id').orderBy('stage').orderBy('item').execute();
      for (const r of rows) {
        const id = Number(r.application_id);
        if (!out.has(id)) out.set(id, []);
        out.get(id)!.push({ stage: r.stage, item: r.item, points: r.points === null ? null : Number(r.points), veto: r.veto === null ? null : r.veto === 1, applicable: r.applicable === 1, note: r.note, scoredBy: r.scored_by, scoredAt: r.scored_at });
      }
    }
    return out;
  }

  async upsertScores(applicationId: number, scores: StoredScore[]): Promise<void> {
    for (const s of scores)
      await this.db
        .insertInto('eval_score')
        .values({ application_id: applicationId, stage: s.stage, item: s.item, points: s.points, veto: s.veto === null ? null : s.veto ? 1 : 0, applicable: s.applicable ? 1 : 0, note: s.note, scored_by: s.scoredBy, scored_at: s.scoredAt })
        .onConflict((oc) =>
          oc.columns(['application_id', 'stage', 'item']).doUpdateSet((eb) => ({
            points: eb.ref('excluded.points'),
            veto: eb.ref('excluded.veto'),
            applicable: eb.ref('excluded.applicable'),
            note: eb.ref('excluded.note'),
            scored_by: eb.ref('excluded.scored_by'),
            scored_at: eb.ref('excluded.scored_at'),
          })),
        )
        .execute();
  }

  async insertObjection(o: Omit<Objection, 'id'>): Promise<Objection> {
    const r = await this.db
      .insertInto('eval_objection')
      .values({ application_id: o.applicationId, text: o.text, received_at: o.receivedAt, recorded_by: o.recordedBy, resolution: o.resolution, resolved_by: o.resolvedBy, resolved_at: o.resolvedAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toObjection(r as ObjectionRow);
  }

  async objections(applicationId: number): Promise<Objection[]> {
    return (await this.db.selectFrom('eval_objection').selectAll().where('application_id', '=', applicationId).orderBy('id').execute()).map((r) => toObjection(r as ObjectionRow));
  }

  async objection(id: number): Promise<Objection | null> {
    const r = await this.db.selectFrom('eval_objection').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toObjection(r as ObjectionRow) : null;
  }

  async resolveObjection(id: number, resolution: string, by: string, at: string): Promise<void> {
    await this.db.updateTable('eval_objection').set({ resolution, resolved_by: by, resolved_at: at }).where('id', '=', id).execute();
  }
}
