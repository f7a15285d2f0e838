/** The expert pool, assignments to applications, and declared conflicts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import './evaluation.tables.js';

export interface Expert {
  id: number;
  name: string;
  provinceCode: string;
  specialty: string;
  contact: string | null;
  createdAt: string;
  /** The review group (评审组) the expert sits in. */
  group: string | null;
  /** The platform user who is this expert, if any. */
  username: string | null;
}

export interface Assignment {
  applicationId: number;
  expert: Expert;
  assignedBy: string;
  assignedAt: string;
}

type Row = Omit<DB['eval_expert'], 'id'> & { id: number };
const toExpert = (r: Row): Expert => ({ id: Number(r.id), name: r.name, provinceCode: r.province_code, specialty: r.specialty, contact: r.contact, createdAt: r.created_at, group: r.review_group ?? null, username: r.username ?? null });

export class ExpertRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(e: Omit<Expert, 'id'>): Promise<Expert> {
    const r = await this.db
      .insertInto('eval_expert')
      .values({ name: e.name, province_code: e.provinceCode, specialty: e.specialty, contact: e.contact, created_at: e.createdAt, review_group: e.group, username: e.username })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toExpert(r as Row);
  }

  async get(id: number): Promise<Expert | null> {
    const r = await this.db.selectFrom('eval_expert').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toExpert(r as Row) : null;
  }

  async list(): Promise<Expert[]> {
    return (await this.db.selectFrom('eval_expert').selectAll().orderBy('province_code').orderBy('id').execute()).map((r) => toExpert(r as Row));
  }

  async inGroup(group: string): Promise<Expert[]> {
    return (await this.db.selectFrom('eval_expert').selectAll().where('review_group', '=', group).orderBy('id').execute()).map((r) => toExpert(r as Row));
  }

  async byUsername(username: string): Promise<Expert | null> {
    const r = await this.db.selectFrom('eval_expert').selectAll().where('username', '=', username).executeTakeFirst();
    return r ? toExpert(r as Row) : null;
  }

  /** The applications the expert is assigned to. */
  async applicationsOf(expertId: number): Promise<number[]> {
    return (await this.db.selectFrom('eval_assignment').select('application_id').where('expert_id', '=', expertId).execute()).map((r) => Number(r.application_id));
  }

  async assign(applicationId: number, expertId: number, by: string, at: string): Promise<void> {
    await this.db.insertInto('eval_assignment').values({ application_id: applicationId, expert_id: expertId, assigned_by: by, assigned_at: at }).onConflict((oc) => oc.doNothing()).execute();
  }

  async assignments(applicationId: number): Promise<Assignment[]> {
    const rows = await this.db
      .selectFrom('eval_assignment as a')
      .innerJoin('eval_expert as e', 'e.id', 'a.expert_id')
      .select(['a.application_id', 'a.assigned_by', 'a.assigned_at', 'e.id', 'e.name', 'e.province_code', 'e.specialty', 'e.contact', 'e.created_at', 'e.review_group', 'e.username'])
      .where('a.application_id', '=', applicationId)
      .orderBy('e.id')
      .execute();
    return rows.map((r) => ({ applicationId: Number(r.application_id), assignedBy: r.assigned_by, assignedAt: r.assigned_at, expert: toExpert(r as unknown as Row) }));
  }

  async declareConflict(expertId: number, subjectCode: string, note: string, at: string): Promise<void> {
    await this.db
      .insertInto('eval_conflict')
      .values({ expert_id: expertId, subject_code: subjectCode, note, declared_at: at })
      .onConflict((oc) => oc.columns(['expert_id', 'subject_code']).doUpdateSet({ note, declared_at: at }))
      .execute();
  }

  async conflict(expertId: number, subjectCode: string): Promise<{ note: string } | null> {
    return (await this.db.selectFrom('eval_conflict').select(['note']).where('expert_id', '=', expertId).where('subject_code', '=', subjectCode).executeTakeFirst()) ?? null;
  }
}
