/** projects-funds: the only code that speaks SQL to its tables. Reads are by area prefix (the caller's scope). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import { reserveSeq } from '../../platform/db/sql-helpers.js';
import type { Milestone, ProjectStatus, TargetLeaf } from '../../../domain/funds/project.js';
import type { Band } from '../../../domain/funds/allocation.js';
import type { Budget } from '../../../domain/api/projects-funds.js';

/** The area prefix a reader sees (null: the whole country). */
export type AreaPrefix = string | null;
const like = (prefix: string) => `${prefix}%`;
const fen = (v: number | string | bigint) => BigInt(String(v));

export interface Project {
  id: number;
  type: string;
  name: string;
  subjectCode: string;
  subjectName: string;
  areaCode: string;
  managerArea: string;
  startDate: string;
  endDate: string;
  status: ProjectStatus;
  terminatedReason: string | null;
  /** Fen by source. */
  budget: Budget;
  milestones: Milestone[];
  targets: TargetLeaf[];
  percent: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export type NewProject = Omit<Project, 'id'>;

export interface Progress {
  id: number;
  projectId: number;
  period: string;
  percent: number;
  text: string;
  reportedBy: string;
  reportedAt: string;
}

export interface SelfEvalRow {
  id: number;
  projectId: number;
  year: number;
  score: number;
  band: Band;
  detail: unknown;
  by: string;
  at: string;
}

export interface AcceptanceRow {
  id: number;
  projectId: number;
  standard: string;
  period: string;
  items: unknown;
  total: number;
  passed: boolean;
  note: string | null;
  by: string;
  at: string;
}

export interface Batch {
  id: number;
  fund: string;
  year: number;
  kind: 'ADVANCE' | 'FORMAL';
  docNo: string;
  fromArea: string;
  totalFen: bigint;
  method: 'FACTOR' | 'MANUAL';
  basis: unknown;
  createdBy: string;
  createdAt: string;
}

export interface Allocation {
  id: number;
  batchId: number;
  areaCode: string;
  projectId: number | null;
  amountFen: bigint;
}

export interface Spending {
  id: number;
  projectId: number | null;
  areaCode: string;
  year: number;
  spentOn: string;
  amountFen: bigint;
  purpose: string;
  voucher: string | null;
  createdBy: string;
  createdAt: string;
}

function toProject(r: Record<string, unknown>): Project {
  return {
    id: Number(r.id),
    type: String(r.type),
    name: String(r.name),
    subjectCode: String(r.subject_code),
    subjectName: String(r.subject_name),
    areaCode: String(r.area_code),
    managerArea: String(r.manager_area),
    startDate: String(r.start_date),
    endDate: String(r.end_date),
    status: r.status as ProjectStatus,
    terminatedReason: (r.terminated_reason as string | null) ?? null,
    budget: JSON.parse(String(r.budget)) as Budget,
    milestones: JSON.parse(String(r.milestones)) as Milestone[],
    targets: JSON.parse(String(r.targets)) as TargetLeaf[],
    percent: Number(r.percent),
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

function projectRow(p: NewProject, seq: number) {
  return {
    type: p.type,
    name: p.name,
    subject_code: p.subjectCode,
    subject_name: p.subjectName,
    area_code: p.areaCode,
    manager_area: p.managerArea,
    start_date: p.startDate,
    end_date: p.endDate,
    status: p.status,
    terminated_reason: p.terminatedReason,
    budget: JSON.stringify(p.budget),
    milestones: JSON.stringify(p.milestones),
    targets: JSON.stringify(p.targets),
    percent: p.percent,
    created_by: p.createdBy,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    seq,
  };
}

const toBatch = (r: Record<string, unknown>): Batch => ({
  id: Number(r.id),
  fund: String(r.fund),
  year: Number(r.year),
  kind: r.kind as Batch['kind'],
  docNo: String(r.doc_no),
  fromArea: String(r.from_area),
  totalFen: fen(r.total_fen as string),
  method: r.method as Batch['method'],
  basis: r.basis ? JSON.parse(String(r.basis)) : null,
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
});
const toAllocation = (r: Record<string, unknown>): Allocation => ({ id: Number(r.id), batchId: Number(r.batch_id), areaCode: String(r.area_code), projectId: r.project_id === null ? null : Number(r.project_id), amountFen: fen(r.amount_fen as string) });
const toSpending = (r: Record<string, unknown>): Spending => ({
  id: Number(r.id),
  projectId: r.project_id === null ? null : Number(r.project_id),
  areaCode: String(r.area_code),
  year: Number(r.year),
  spentOn: String(r.spent_on),
  amountFen: fen(r.amount_fen as string),
  purpose: String(r.purpose),
  voucher: (r.voucher as string | null) ?? null,
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
});

export class ProjectsFundsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // ---- projects

  async insertProject(p: NewProject): Promise<Project> {
    const seq = await reserveSeq(this.db, 1);
    const r = await this.db.insertInto('pf_project').values(projectRow(p, seq)).returningAll().executeTakeFirstOrThrow();
    return toProject(r);
  }

  /** Many projects at once (the demo). */
  async insertProjects(ps: NewProject[]): Promise<void> {
    if (ps.length === 0) return;
    let seq = await reserveSeq(this.db, ps.length);
    for (let i = 0; i < ps.length; i += 200) await this.db.insertInto('pf_project').values(ps.slice(i, i + 200).map((p) => projectRow(p, seq++))).execute();
  }

  async updateProject(p: Project): Promise<void> {
    const seq = await reserveSeq(this.db, 1);
    const { created_by: _, created_at: __, ...row } = projectRow(p, seq);
    await this.db.updateTable('pf_project').set(row).where('id', '=', p.id).execute();
  }

  async project(id: number): Promise<Project | null> {
    const r = await this.db.selectFrom('pf_project').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toProject(r) : null;
  }

  async projects(prefix: AreaPrefix, f: { status?: ProjectStatus; type?: string; subjectCode?: string; ids?: number[] } = {}): Promise<Project[]> {
    let q = this.db.selectFrom('pf_project').selectAll();
    if (prefix !== null) q = q.where('area_code', 'like', like(prefix));
    if (f.status) q = q.where('status', '=', f.status);
    if (f.type) q = q.where('type', '=', f.type);
    if (f.subjectCode) q = q.where('subject_code', '=', f.subjectCode);
    if (f.ids) {
      if (f.ids.length === 0) return [];
      q = q.where('id', 'in', f.ids);
    }
    return (await q.orderBy('area_code').orderBy('id').execute()).map(toProject);
  }

  async insertProgress(p: Omit<Progress, 'id'>): Promise<Progress> {
    const r = await this.db
      .insertInto('pf_progress')
      .values({ project_id: p.projectId, period: p.period, percent: p.percent, text: p.text, reported_by: p.reportedBy, reported_at: p.reportedAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { id: r.id, projectId: r.project_id, period: r.period, percent: Number(r.percent), text: r.text, reportedBy: r.reported_by, reportedAt: r.reported_at };
  }

  async progress(projectIds: number[]): Promise<Progress[]> {
    if (projectIds.length === 0) return [];
    const out: Progress[] = [];
    for (let i = 0; i < projectIds.length; i += 500) {
      const rows = await this.db.selectFrom('pf_progress').selectAll().where('project_id', 'in', projectIds.slice(i, i + 500)).orderBy('reported_at').orderBy('id').execute();
      for (const r of rows) out.push({ id: r.id, projectId: r.project_id, period: r.period, percent: Number(r.percent), text: r.text, reportedBy: r.reported_by, reportedAt: r.reported_at });
    }
    return out;
  }

  async insertSelfEval(e: Omit<SelfEvalRow, 'id'>): Promise<SelfEvalRow> {
    const seq = await reserveSeq(this.db, 1);
    const r = await this.db
      .insertInto('pf_self_eval')
      .values({ project_id: e.projectId, year: e.year, score: e.score, band: e.band, detail: JSON.stringify(e.detail), by_user: e.by, at: e.at, seq })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...e, id: r.id };
  }

  async selfEvals(projectIds: number[] | null): Promise<SelfEvalRow[]> {
    let q = this.db.selectFrom('pf_self_eval').selectAll();
    if (projectIds) {
      if (projectIds.length === 0) return [];
      q = q.where('project_id', 'in', projectIds);
    }
    return (await q.orderBy('year').orderBy('id').execute()).map((r) => ({ id: r.id, projectId: r.project_id, year: r.year, score: Number(r.score), band: r.band as Band, detail: JSON.parse(r.detail), by: r.by_user, at: r.at }));
  }

  /** The latest self-evaluation of every project whose area lies under the prefix, with the project's area. */
  async latestSelfEvals(prefix: AreaPrefix): Promise<{ areaCode: string; year: number; score: number }[]> {
    let q = this.db.selectFrom('pf_self_eval as e').innerJoin('pf_project as p', 'p.id', 'e.project_id').select(['p.area_code', 'e.project_id', 'e.year', 'e.score', 'e.id']);
    if (prefix !== null) q = q.where('p.area_code', 'like', like(prefix));
    const latest = new Map<number, { areaCode: string; year: number; score: number; id: number }>();
    for (const r of await q.execute()) {
      const cur = latest.get(r.project_id);
      if (!cur || r.year > cur.year || (r.year === cur.year && r.id > cur.id)) latest.set(r.project_id, { areaCode: r.area_code, year: r.year, score: Number(r.score), id: r.id });
    }
    return [...latest.values()];
  }

  async insertAcceptance(a: Omit<AcceptanceRow, 'id'>): Promise<AcceptanceRow> {
    const r = await this.db
      .insertInto('pf_acceptance')
      .values({ project_id: a.projectId, standard: a.standard, period: a.period, items: JSON.stringify(a.items), total: a.total, passed: a.passed ? 1 : 0, note: a.note, by_user: a.by, at: a.at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...a, id: r.id };
  }

  async acceptances(projectId: number): Promise<AcceptanceRow[]> {
    const rows = await this.db.selectFrom('pf_acceptance').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, projectId: r.project_id, standard: r.standard, period: r.period, items: JSON.parse(r.items), total: Number(r.total), passed: Number(r.passed) === 1, note: r.note, by: r.by_user, at: r.at }));
  }

  // ---- funds

  async insertBatch(b: Omit<Batch, 'id'>, allocations: Omit<Allocation, 'id' | 'batchId'>[]): Promise<Batch> {
    let seq = await reserveSeq(this.db, allocations.length + 1);
    const r = await this.db
      .insertInto('pf_batch')
      .values({ fund: b.fund, year: b.year, kind: b.kind, doc_no: b.docNo, from_area: b.fromArea, total_fen: b.totalFen.toString(), method: b.method, basis: b.basis === null ? null : JSON.stringify(b.basis), created_by: b.createdBy, created_at: b.createdAt, seq: seq++ })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (let i = 0; i < allocations.length; i += 500)
      await this.db
        .insertInto('pf_allocation')
        .values(allocations.slice(i, i + 500).map((a) => ({ batch_id: r.id, area_code: a.areaCode, project_id: a.projectId, amount_fen: a.amountFen.toString(), seq: seq++ })))
        .execute();
    return toBatch(r);
  }

  async batch(id: number): Promise<Batch | null> {
    const r = await this.db.selectFrom('pf_batch').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toBatch(r) : null;
  }

  /** Batches issued by an area under the prefix, or holding an allocation under it. */
  async batches(prefix: AreaPrefix): Promise<Batch[]> {
    let q = this.db.selectFrom('pf_batch').selectAll();
    if (prefix !== null) q = q.where((eb) => eb.or([eb('from_area', 'like', like(prefix)), eb('id', 'in', eb.selectFrom('pf_allocation').select('batch_id').where('area_code', 'like', like(prefix)))]));
    return (await q.orderBy('year', 'desc').orderBy('id', 'desc').execute()).map(toBatch);
  }

  async batchExists(fund: string, year: number, docNo: string): Promise<boolean> {
    return !!(await this.db.selectFrom('pf_batch').select('id').where('fund', '=', fund).where('year', '=', year).where('doc_no', '=', docNo).executeTakeFirst());
  }

  /** Allocations to areas under the prefix (a batch's, when given). */
  async allocations(prefix: AreaPrefix, f: { batchId?: number; projectId?: number; year?: number } = {}): Promise<(Allocation & { year: number; fund: string; docNo: string; kind: Batch['kind'] })[]> {
    let q = this.db.selectFrom('pf_allocation as a').innerJoin('pf_batch as b', 'b.id', 'a.batch_id').selectAll('a').select(['b.year', 'b.fund', 'b.doc_no', 'b.kind']);
    if (prefix !== null) q = q.where('a.area_code', 'like', like(prefix));
    if (f.batchId !== undefined) q = q.where('a.batch_id', '=', f.batchId);
    if (f.projectId !== undefined) q = q.where('a.project_id', '=', f.projectId);
    if (f.year !== undefined) q = q.where('b.year', '=', f.year);
    return (await q.orderBy('a.id').execute()).map((r) => ({ ...toAllocation(r), year: Number(r.year), fund: String(r.fund), docNo: String(r.doc_no), kind: r.kind as Batch['kind'] }));
  }

  async insertSpending(s: Omit<Spending, 'id'>): Promise<Spending> {
    const seq = await reserveSeq(this.db, 1);
    const r = await this.db
      .insertInto('pf_spending')
      .values({ project_id: s.projectId, area_code: s.areaCode, year: s.year, spent_on: s.spentOn, amount_fen: s.amountFen.toString(), purpose: s.purpose, voucher: s.voucher, created_by: s.createdBy, created_at: s.createdAt, seq })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSpending(r);
  }

  async insertSpendings(list: Omit<Spending, 'id'>[]): Promise<void> {
    if (list.length === 0) return;
    let seq = await reserveSeq(this.db, list.length);
    for (let i = 0; i < list.length; i += 300)
      await this.db
        .insertInto('pf_spending')
        .values(list.slice(i, i + 300).map((s) => ({ project_id: s.projectId, area_code: s.areaCode, year: s.year, spent_on: s.spentOn, amount_fen: s.amountFen.toString(), purpose: s.purpose, voucher: s.voucher, created_by: s.createdBy, created_at: s.createdAt, seq: seq++ })))
        .execute();
  }

  async spendings(prefix: AreaPrefix, f: { projectId?: number; year?: number } = {}): Promise<Spending[]> {
    let q = this.db.selectFrom('pf_spending').selectAll();
    if (prefix !== null) q = q.where('area_code', 'like', like(prefix));
    if (f.projectId !== undefined) q = q.where('project_id', '=', f.projectId);
    if (f.year !== undefined) q = q.where('year', '=', f.year);
    return (await q.orderBy('spent_on').orderBy('id').execute()).map(toSpending);
  }

  /** Changes whenever a fact the engine reads would: row counts and the highest change sequence. */
  async factVersion(): Promise<string> {
    const parts: string[] = [];
    for (const t of ['pf_project', 'pf_self_eval', 'pf_batch', 'pf_allocation', 'pf_spending'] as const) {
      // The sum as well as the highest: on PostgreSQL a transaction may commit after a later one,
      // and a row it updates then moves the sum though not the highest number.
      const r = await this.db.selectFrom(t).select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('seq').as('m'), eb.fn.sum('seq').as('s')]).executeTakeFirst();
      parts.push(`${String(r?.n ?? 0)}.${String(r?.m ?? 0)}.${String(r?.s ?? 0)}`);
    }
    return parts.join(':');
  }
}
