/** Plans, tasks (with co-owners), progress reports, events, visits and rectification items. Every list takes the reader's area prefix: scope is enforced where data is read. */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Cadence, TaskState } from '../../../domain/supervision/lights.js';
import type { WorkPoint } from '../../../domain/supervision/workpoints.js';
import type { DB } from '../../platform/db/database.js';
import './supervision.tables.js';

export interface Plan {
  id: number;
  title: string;
  year: number;
  areaCode: string;
  office: string | null;
  sourceText: string;
  items: WorkPoint[];
  status: 'draft' | 'published';
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface Milestone {
  title: string;
  plannedDate: string;
  weight: number;
}

export interface Kpi {
  indicator: string;
  threshold: number;
  areaCode: string;
  period: string;
}

export interface Owner {
  areaCode: string;
  office: string | null;
}

export interface Task {
  id: number;
  planId: number;
  parentId: number | null;
  path: string;
  number: string;
  title: string;
  text: string;
  issuerArea: string;
  leadArea: string;
  leadOffice: string | null;
  coOwners: Owner[];
  responsible: string[];
  startDate: string;
  dueDate: string;
  state: TaskState;
  percent: number;
  cadence: Cadence | null;
  milestones: Milestone[];
  kpi: Kpi | null;
  escalatedAt: string | null;
  doneAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProgressFile {
  sha256: string;
  filename: string;
  bytes: number;
}

export interface Progress {
  id: number;
  taskId: number;
  period: string;
  text: string;
  percent: number;
  late: boolean;
  files: ProgressFile[];
  reportedBy: string;
  reportedAt: string;
}

export interface SupEvent {
  id: number;
  taskId: number | null;
  rectId: number | null;
  kind: string;
  note: string;
  detail: unknown;
  by: string;
  at: string;
}

export type RectState = 'open' | 'submitted' | 'closed';
export type RectSource = 'gap' | 'evaluation' | 'visit' | 'manual';

export interface Rect {
  id: number;
  source: RectSource;
  sourceRef: string | null;
  areaCode: string;
  facilityCode: string | null;
  subjectName: string;
  problem: string;
  requirement: string;
  issuerArea: string;
  issuedBy: string;
  deadline: string;
  indicator: string | null;
  threshold: number | null;
  period: string | null;
  state: RectState;
  completion: string | null;
  files: ProgressFile[];
  submittedBy: string | null;
  submittedAt: string | null;
  verifiedBy: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Visit {
  id: number;
  areaCode: string;
  visitDate: string;
  team: string;
  summary: string;
  issuerArea: string;
  createdBy: string;
  createdAt: string;
}

type R<T extends keyof DB> = Omit<DB[T], 'id'> & { id: number };
const json = <T>(s: string | null, fallback: T): T => (s ? (JSON.parse(s) as T) : fallback);

const toPlan = (r: R<'sup_plan'>): Plan => ({ id: Number(r.id), title: r.title, year: Number(r.year), areaCode: r.area_code, office: r.office, sourceText: r.source_text, items: json(r.items, []), status: r.status as Plan['status'], createdBy: r.created_by, createdAt: r.created_at, publishedAt: r.published_at });

const toTask = (r: R<'sup_task'>): Task => ({
  id: Number(r.id), planId: Number(r.plan_id), parentId: r.parent_id === null ? null : Number(r.parent_id), path: r.path, number: r.number, title: r.title, text: r.text,
  issuerArea: r.issuer_area, leadArea: r.lead_area, leadOffice: r.lead_office, coOwners: json(r.co_owners, []), responsible: json(r.responsible, []),
  startDate: r.start_date, dueDate: r.due_date, state: r.state as TaskState, percent: Number(r.percent), cadence: (r.cadence as Cadence | null) ?? null,
  milestones: json(r.milestones, []), kpi: json(r.kpi, null), escalatedAt: r.escalated_at, doneAt: r.done_at, closedAt: r.closed_at, createdAt: r.created_at, updatedAt: r.updated_at,
});

const taskRow = (t: Omit<Task, 'id'>) => ({
  plan_id: t.planId, parent_id: t.parentId, path: t.path, number: t.number, title: t.title, text: t.text, issuer_area: t.issuerArea, lead_area: t.leadArea, lead_office: t.leadOffice,
  co_owners: JSON.stringify(t.coOwners), responsible: JSON.stringify(t.responsible), start_date: t.startDate, due_date: t.dueDate, state: t.state, percent: t.percent, cadence: t.cadence,
  milestones: JSON.stringify(t.milestones), kpi: t.kpi ? JSON.stringify(t.kpi) : null, escalated_at: t.escalatedAt, done_at: t.doneAt, closed_at: t.closedAt, created_at: t.createdAt, updated_at: t.updatedAt,
});

const toProgress = (r: R<'sup_progress'>): Progress => ({ id: Number(r.id), taskId: Number(r.task_id), period: r.period, text: r.text, percent: Number(r.percent), late: !!Number(r.late), files: json(r.files, []), reportedBy: r.reported_by, reportedAt: r.reported_at });

const toRect = (r: R<'sup_rect'>): Rect => ({
  id: Number(r.id), source: r.source as RectSource, sourceRef: r.source_ref, areaCode: r.area_code, facilityCode: r.facility_code, subjectName: r.subject_name, problem: r.problem, requirement: r.requirement,
  issuerArea: r.issuer_area, issuedBy: r.issued_by, deadline: r.deadline, indicator: r.indicator, threshold: r.threshold === null ? null : Number(r.threshold), period: r.period, state: r.state as RectState,
  completion: r.completion, files: json(r.files, []), submittedBy: r.submitted_by, submittedAt: r.submitted_at, verifiedBy: r.verified_by, closedAt: r.closed_at, createdAt: r.created_at, updatedAt: r.updated_at,
});

const toVisit = (r: R<'sup_visit'>): Visit => ({ id: Number(r.id), areaCode: r.area_code, visitDate: r.visit_date, team: r.team, summary: r.summary, issuerArea: r.issuer_area, createdBy: r.created_by, createdAt: r.created_at });

/** An area prefix (`53` for 云南省) covers the area and everything below it; null: the whole country. */
export type AreaPrefix = string | null;
const like = (prefix: string) => `${prefix}%`;

export interface TaskFilter {
  planId?: number;
  parentId?: number | null;
  leadArea?: string;
  issuerArea?: string;
  states?: TaskState[];
}

export class SupervisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertPlan(p: Omit<Plan, 'id'>): Promise<Plan> {
    const r = await this.db
      .insertInto('sup_plan')
      .values({ title: p.title, year: p.year, area_code: p.areaCode, office: p.office, source_text: p.sourceText, items: JSON.stringify(p.items), status: p.status, created_by: p.createdBy, created_at: p.createdAt, published_at: p.publishedAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPlan(r as R<'sup_plan'>);
  }

  async updatePlan(id: number, p: Partial<Pick<Plan, 'title' | 'items' | 'status' | 'publishedAt' | 'office'>>): Promise<void> {
    await this.db
      .updateTable('sup_plan')
      .set({ ...(p.title !== undefined && { title: p.title }), ...(p.office !== undefined && { office: p.office }), ...(p.items && { items: JSON.stringify(p.items) }), ...(p.status && { status: p.status }), ...(p.publishedAt !== undefined && { published_at: p.publishedAt }) })
      .where('id', '=', id)
      .execute();
  }

  async plan(id: number): Promise<Plan | null> {
    const r = await this.db.selectFrom('sup_plan').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toPlan(r as R<'sup_plan'>) : null;
  }

  /** Plans issued inside the prefix, or with a task led inside it. */
  async plans(prefix: AreaPrefix): Promise<Plan[]> {
    let q = this.db.selectFrom('sup_plan').selectAll();
    if (prefix !== null)
      q = q.where((eb) => eb.or([eb('area_code', 'like', like(prefix)), eb('id', 'in', eb.selectFrom('sup_task').select('plan_id').where('lead_area', 'like', like(prefix)))]));
    return (await q.orderBy('year', 'desc').orderBy('id', 'desc').execute()).map((r) => toPlan(r as R<'sup_plan'>));
  }

  async insertTask(t: Omit<Task, 'id'>): Promise<Task> {
    const r = await this.db.insertInto('sup_task').values(taskRow(t)).returningAll().executeTakeFirstOrThrow();
    const task = toTask(r as R<'sup_task'>);
    if (t.coOwners.length) await this.db.insertInto('sup_task_co').values(t.coOwners.map((o) => ({ task_id: task.id, area_code: o.areaCode, office: o.office }))).execute();
    return task;
  }

  /** Writes the task's fields; the co-owners' lookup rows change only through replaceCoOwners. */
  async updateTask(id: number, t: Omit<Task, 'id'>): Promise<void> {
    await this.db.updateTable('sup_task').set(taskRow(t)).where('id', '=', id).execute();
  }

  /** The co-owners' rows the scope filter reads (the task's own `co_owners` is written by updateTask). */
  async replaceCoOwners(id: number, owners: Owner[]): Promise<void> {
    await this.db.deleteFrom('sup_task_co').where('task_id', '=', id).execute();
    if (owners.length) await this.db.insertInto('sup_task_co').values(owners.map((o) => ({ task_id: id, area_code: o.areaCode, office: o.office }))).execute();
  }

  async task(id: number): Promise<Task | null> {
    const r = await this.db.selectFrom('sup_task').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toTask(r as R<'sup_task'>) : null;
  }

  private visible<O>(q: SelectQueryBuilder<DB, 'sup_task', O>, prefix: AreaPrefix) {
    if (prefix === null) return q;
    return q.where((eb) =>
      eb.or([
        eb('sup_task.lead_area', 'like', like(prefix)),
        eb('sup_task.issuer_area', 'like', like(prefix)),
        eb('sup_task.id', 'in', eb.selectFrom('sup_task_co').select('sup_task_co.task_id').where('sup_task_co.area_code', 'like', like(prefix))),
      ]),
    );
  }

  /** The tasks the prefix may read (led, issued or co-owned inside it), with the filter. */
  async tasks(prefix: AreaPrefix, f: TaskFilter = {}): Promise<Task[]> {
    let q = this.visible(this.db.selectFrom('sup_task').selectAll(), prefix);
    if (f.planId !== undefined) q = q.where('plan_id', '=', f.planId);
    if (f.parentId !== undefined) q = f.parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', f.parentId);
    if (f.leadArea !== undefined) q = q.where('lead_area', '=', f.leadArea);
    if (f.issuerArea !== undefined) q = q.where('issuer_area', '=', f.issuerArea);
    if (f.states?.length) q = q.where('state', 'in', f.states);
    return (await q.orderBy('plan_id').orderBy('id').execute()).map((r) => toTask(r as R<'sup_task'>));
  }

  async children(parentId: number): Promise<Task[]> {
    return (await this.db.selectFrom('sup_task').selectAll().where('parent_id', '=', parentId).orderBy('lead_area').execute()).map((r) => toTask(r as R<'sup_task'>));
  }

  async insertProgress(p: Omit<Progress, 'id'>): Promise<Progress> {
    const r = await this.db
      .insertInto('sup_progress')
      .values({ task_id: p.taskId, period: p.period, text: p.text, percent: p.percent, late: p.late ? 1 : 0, files: JSON.stringify(p.files), reported_by: p.reportedBy, reported_at: p.reportedAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toProgress(r as R<'sup_progress'>);
  }

  async updateProgressFiles(id: number, files: ProgressFile[]): Promise<void> {
    await this.db.updateTable('sup_progress').set({ files: JSON.stringify(files) }).where('id', '=', id).execute();
  }

  async progressOf(taskIds: number[]): Promise<Progress[]> {
    if (!taskIds.length) return [];
    const out: Progress[] = [];
    for (let i = 0; i < taskIds.length; i += 500)
      out.push(...(await this.db.selectFrom('sup_progress').selectAll().where('task_id', 'in', taskIds.slice(i, i + 500)).orderBy('id').execute()).map((r) => toProgress(r as R<'sup_progress'>)));
    return out;
  }

  async insertEvent(e: Omit<SupEvent, 'id'>): Promise<void> {
    await this.db.insertInto('sup_event').values({ task_id: e.taskId, rect_id: e.rectId, kind: e.kind, note: e.note, detail: e.detail === undefined ? null : JSON.stringify(e.detail), by_user: e.by, at: e.at }).execute();
  }

  async events(ref: { taskId?: number; rectId?: number }): Promise<SupEvent[]> {
    let q = this.db.selectFrom('sup_event').selectAll();
    q = ref.taskId !== undefined ? q.where('task_id', '=', ref.taskId) : q.where('rect_id', '=', ref.rectId ?? -1);
    return (await q.orderBy('id').execute()).map((r) => ({ id: Number(r.id), taskId: r.task_id === null ? null : Number(r.task_id), rectId: r.rect_id === null ? null : Number(r.rect_id), kind: r.kind, note: r.note, detail: json(r.detail, null), by: r.by_user, at: r.at }));
  }

  async insertRects(items: Omit<Rect, 'id'>[]): Promise<Rect[]> {
    const out: Rect[] = [];
    for (let i = 0; i < items.length; i += 200) {
      const rows = await this.db
        .insertInto('sup_rect')
        .values(
          items.slice(i, i + 200).map((x) => ({
            source: x.source, source_ref: x.sourceRef, area_code: x.areaCode, facility_code: x.facilityCode, subject_name: x.subjectName, problem: x.problem, requirement: x.requirement, issuer_area: x.issuerArea, issued_by: x.issuedBy,
            deadline: x.deadline, indicator: x.indicator, threshold: x.threshold, period: x.period, state: x.state, completion: x.completion, files: JSON.stringify(x.files), submitted_by: x.submittedBy, submitted_at: x.submittedAt,
            verified_by: x.verifiedBy, closed_at: x.closedAt, created_at: x.createdAt, updated_at: x.updatedAt,
          })),
        )
        .returningAll()
        .execute();
      out.push(...rows.map((r) => toRect(r as R<'sup_rect'>)));
    }
    return out;
  }

  async updateRect(id: number, x: Partial<Pick<Rect, 'state' | 'completion' | 'files' | 'submittedBy' | 'submittedAt' | 'verifiedBy' | 'closedAt' | 'deadline'>> & { updatedAt: string }): Promise<void> {
    await this.db
      .updateTable('sup_rect')
      .set({
        updated_at: x.updatedAt, ...(x.state && { state: x.state }), ...(x.completion !== undefined && { completion: x.completion }), ...(x.files && { files: JSON.stringify(x.files) }),
        ...(x.submittedBy !== undefined && { submitted_by: x.submittedBy }), ...(x.submittedAt !== undefined && { submitted_at: x.submittedAt }), ...(x.verifiedBy !== undefined && { verified_by: x.verifiedBy }),
        ...(x.closedAt !== undefined && { closed_at: x.closedAt }), ...(x.deadline && { deadline: x.deadline }),
      })
      .where('id', '=', id)
      .execute();
  }

  async rect(id: number): Promise<Rect | null> {
    const r = await this.db.selectFrom('sup_rect').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRect(r as R<'sup_rect'>) : null;
  }

  /** Items owned or issued inside the prefix. */
  async rects(prefix: AreaPrefix, f: { states?: RectState[]; areaCode?: string; issuerArea?: string; source?: RectSource } = {}): Promise<Rect[]> {
    let q = this.db.selectFrom('sup_rect').selectAll();
    if (prefix !== null) q = q.where((eb) => eb.or([eb('area_code', 'like', like(prefix)), eb('issuer_area', 'like', like(prefix))]));
    if (f.states?.length) q = q.where('state', 'in', f.states);
    if (f.areaCode) q = q.where('area_code', '=', f.areaCode);
    if (f.issuerArea) q = q.where('issuer_area', '=', f.issuerArea);
    if (f.source) q = q.where('source', '=', f.source);
    return (await q.orderBy('deadline').orderBy('id').execute()).map((r) => toRect(r as R<'sup_rect'>));
  }

  async insertVisit(v: Omit<Visit, 'id'>): Promise<Visit> {
    const r = await this.db
      .insertInto('sup_visit')
      .values({ area_code: v.areaCode, visit_date: v.visitDate, team: v.team, summary: v.summary, issuer_area: v.issuerArea, created_by: v.createdBy, created_at: v.createdAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toVisit(r as R<'sup_visit'>);
  }

  async visits(prefix: AreaPrefix): Promise<Visit[]> {
    let q = this.db.selectFrom('sup_visit').selectAll();
    if (prefix !== null) q = q.where((eb) => eb.or([eb('area_code', 'like', like(prefix)), eb('issuer_area', 'like', like(prefix))]));
    return (await q.orderBy('visit_date', 'desc').execute()).map((r) => toVisit(r as R<'sup_visit'>));
  }
}
