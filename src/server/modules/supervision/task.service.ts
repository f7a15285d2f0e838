/**
 * Tasks (任务): a published plan's items with a lead unit, co-owners, dates, milestones and an
 * optional KPI read live from the analytics; handed down (分解下达) to the areas below, each
 * child a task of its own; progress reports on a cadence; lights computed live; 催办, escalation,
 * extension (延期); done by the owner, closed (销号) by the issuing level. Every change audited.
 */
import { AppError } from '../../../domain/errors.js';
import { targetStatus } from '../../../domain/indicator.js';
import { ancestorCodes, levelOfCode, NATION_CODE, type DivisionLevel } from '../../../domain/org-unit.js';
import { isoDay, LIGHT_NAMES, lightOf, periodFor, reportLate, TASK_STATE_NAMES, type Cadence, type Light, type LightAnswer } from '../../../domain/supervision/lights.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { tableFile, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { NotificationService } from '../../platform/notifications/notification.service.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { AnalyticsService } from '../indicators/analytics.service.js';
import { readAttachment, storeAttachment } from './attachments.js';
import { areaNames, areaWithin, isAdmin, prefixOf } from './supervision-access.js';
import type { Kpi, Milestone, Owner, Progress, ProgressFile, SupEvent, Task, TaskFilter } from './supervision.repository.js';

export interface KpiView extends Kpi {
  indicatorName: string;
  value: number | null;
  met: boolean | null;
}

export interface TaskView extends Task {
  leadName: string;
  issuerName: string;
  light: Light;
  lightInfo: LightAnswer;
  children: number;
  lastReportAt: string | null;
}

export interface TaskDetail extends TaskView {
  progress: Progress[];
  events: SupEvent[];
  childTasks: TaskView[];
  rollup: Rollup;
  kpiView: KpiView | null;
}

export interface Rollup {
  total: number;
  byLight: Record<Light, number>;
  averagePercent: number | null;
  behind: { id: number; leadArea: string; leadName: string; light: Light; percent: number }[];
}

export interface TaskChanges {
  leadOffice?: string | null;
  coOwners?: Owner[];
  responsible?: string[];
  startDate?: string;
  dueDate?: string;
  cadence?: Cadence | null;
  milestones?: Milestone[];
  kpi?: Kpi | null;
  title?: string;
}

export interface ProgressInput {
  text: string;
  percent: number;
  period?: string;
  files?: ProgressFile[];
}

const stateName = (s: Task['state']) => TASK_STATE_NAMES[s].zh;

export class TaskService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly analytics: AnalyticsService,
    private readonly metadata: MetadataService,
    /** limits.evidenceBytes: the largest attachment. */
    private readonly attachmentBytes = 20 * 1024 * 1024,
  ) {}

  today(): string {
    return isoDay(this.clock.now());
  }

  /** The task's light now (lights are never stored). */
  lightOf(t: Task, progress: Progress[]): LightAnswer {
    return lightOf({ state: t.state, startDate: t.startDate, dueDate: t.dueDate, milestones: t.milestones, percent: t.percent, cadence: t.cadence, reportedPeriods: progress.map((p) => p.period) }, this.today());
  }

  /** Tasks as the reader sees them, with their lights. */
  async views(repos: Repositories, tasks: Task[]): Promise<TaskView[]> {
    const progress = await repos.supervision.progressOf(tasks.map((t) => t.id));
    const byTask = new Map<number, Progress[]>();
    for (const p of progress) (byTask.get(p.taskId) ?? byTask.set(p.taskId, []).get(p.taskId)!).push(p);
    const names = await areaNames(repos, tasks.flatMap((t) => [t.leadArea, t.issuerArea]));
    const childCounts = new Map<number, number>();
    for (const t of tasks) if (t.parentId !== null) childCounts.set(t.parentId, (childCounts.get(t.parentId) ?? 0) + 1);
    return tasks.map((t) => {
      const ps = byTask.get(t.id) ?? [];
      const info = this.lightOf(t, ps);
      return { ...t, leadName: names.get(t.leadArea) ?? t.leadArea, issuerName: names.get(t.issuerArea) ?? t.issuerArea, light: info.light, lightInfo: info, children: childCounts.get(t.id) ?? 0, lastReportAt: ps.at(-1)?.reportedAt ?? null };
    });
  }

  async list(actor: Actor, f: TaskFilter & { light?: Light } = {}): Promise<TaskView[]> {
    const tasks = await this.store.repos.supervision.tasks(prefixOf(actor), f);
    const views = await this.views(this.store.repos, tasks);
    return f.light ? views.filter((v) => v.light === f.light) : views;
  }

  /** A task the actor may read (led, issued or co-owned inside their scope), or E8005. */
  async readable(actor: Actor, id: number): Promise<Task> {
    const t = await this.store.repos.supervision.task(id);
    if (!t) throw new AppError('E8005', { field: 'id', value: id });
    const s = actor.scope;
    if (s.kind === 'facility') throw new AppError('E8005', { field: 'id', value: id });
    if (!areaWithin(s, t.leadArea) && !areaWithin(s, t.issuerArea) && !t.coOwners.some((o) => areaWithin(s, o.areaCode)) && !t.responsible.includes(actor.username)) throw new AppError('E8005', { field: 'id', value: id });
    return t;
  }

  async detail(actor: Actor, id: number): Promise<TaskDetail> {
    const t = await this.readable(actor, id);
    const repos = this.store.repos;
    const children = await repos.supervision.children(id);
    const [[view], childViews, progress, events] = await Promise.all([this.views(repos, [t]), this.views(repos, children), repos.supervision.progressOf([id]), repos.supervision.events({ taskId: id })]);
    return { ...view!, children: children.length, progress, events, childTasks: childViews, rollup: this.rollup(childViews), kpiView: await this.kpiView(t.kpi) };
  }

  rollup(children: TaskView[]): Rollup {
    const byLight: Record<Light, number> = { red: 0, yellow: 0, blue: 0, green: 0, done: 0 };
    for (const c of children) byLight[c.light]++;
    const behind = children.filter((c) => c.light === 'red' || c.light === 'yellow').map((c) => ({ id: c.id, leadArea: c.leadArea, leadName: c.leadName, light: c.light, percent: c.percent }));
    return { total: children.length, byLight, averagePercent: children.length ? Math.round(children.reduce((s, c) => s + c.percent, 0) / children.length) : null, behind };
  }

  /** The KPI's live value (the analytics, read as the system: a KPI's area may lie above the reader). */
  async kpiView(kpi: Kpi | null): Promise<KpiView | null> {
    if (!kpi) return null;
    const ind = this.metadata.indicator(kpi.indicator);
    const [row] = await this.analytics.values(SYSTEM_ACTOR, { indicators: [kpi.indicator], periods: [kpi.period], area: kpi.areaCode });
    const value = row?.value ?? null;
    const comparison = ind.targets[0]?.comparison ?? '>=';
    const met = value === null ? null : targetStatus({ ...ind, targets: [{ ...(ind.targets[0] ?? { deadline: '', source: '', clause: { zh: '', en: '' } }), threshold: kpi.threshold, comparison }] }, value).met;
    return { ...kpi, indicatorName: ind.name.zh, value, met };
  }

  private requireOwner(actor: Actor, t: Task, action: string): void {
    if (!((isAdmin(actor) && areaWithin(actor.scope, t.leadArea)) || t.responsible.includes(actor.username))) throw new AppError('E8006', { field: 'id', lead: t.leadArea, action });
  }

  private requireIssuer(actor: Actor, t: Task, action: string): void {
    if (!isAdmin(actor) || !areaWithin(actor.scope, t.issuerArea)) throw new AppError('E8007', { field: 'id', issuer: t.issuerArea, action });
  }

  private checkDates(startDate: string, dueDate: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || Number.isNaN(Date.parse(startDate)) || Number.isNaN(Date.parse(dueDate))) throw new AppError('E8009', { field: 'dueDate', rule: '日期格式为 YYYY-MM-DD' });
    if (dueDate < startDate) throw new AppError('E8009', { field: 'dueDate', rule: `截止日期 ${dueDate} 早于开始日期 ${startDate}` });
  }

  private checkMilestones(ms: Milestone[]): void {
    if (ms.length && (ms.some((m) => !(m.weight > 0)) || ms.reduce((s, m) => s + m.weight, 0) <= 0)) throw new AppError('E8012', { field: 'milestones' });
  }

  private async record(repos: Repositories, actor: Actor, t: Task, action: Parameters<AuditService['record']>[2]['action'], kind: string, note: string, before: unknown, after: unknown) {
    await repos.supervision.insertEvent({ taskId: t.id, rectId: null, kind, note, detail: after, by: actor.username, at: this.clock.now().toISOString() });
    await this.audit.record(repos, actor, { action, entity: 'sup_task', entityKey: String(t.id), areaCode: t.leadArea, before, after });
  }

  private link = (id: number) => `/supervision/tasks/${id}`;

  /** The issuing level changes the task's owners, dates, milestones, cadence or KPI. */
  async update(actor: Actor, id: number, c: TaskChanges): Promise<TaskDetail> {
    const t = await this.readable(actor, id);
    this.requireIssuer(actor, t, '修改任务');
    const next: Task = { ...t, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)), updatedAt: this.clock.now().toISOString() } as Task;
    this.checkDates(next.startDate, next.dueDate);
    this.checkMilestones(next.milestones);
    if (next.kpi) this.metadata.indicator(next.kpi.indicator);
    for (const o of next.coOwners) if (o.areaCode !== NATION_CODE && !levelOfCode(o.areaCode)) throw new AppError('E1101', { field: 'coOwners', value: o.areaCode });
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateTask(id, next);
      if (c.coOwners) await repos.supervision.replaceCoOwners(id, next.coOwners);
      await this.record(repos, actor, t, 'update', 'update', '修改任务', t, c);
    });
    return this.detail(actor, id);
  }

  /**
   * 分解下达: hands the task down to areas directly below its lead area (all of them when `areas`
   * is empty), one child task each, led by that area and issued by this one; refuses an area that
   * is not below, or one already handed to.
   */
  async cascade(actor: Actor, id: number, areas: string[], opts: { dueDate?: string } = {}): Promise<TaskView[]> {
    const t = await this.readable(actor, id);
    this.requireOwner(actor, t, '分解下达');
    if (t.state === 'closed') throw new AppError('E8008', { field: 'state', state: stateName(t.state), action: '分解下达' });
    const repos = this.store.repos;
    const below = t.leadArea === NATION_CODE ? await repos.divisions.children(null) : await repos.divisions.children(t.leadArea);
    const belowCodes = new Set(below.map((d) => d.code));
    const targets = areas.length ? [...new Set(areas)] : [...belowCodes];
    for (const a of targets) if (!belowCodes.has(a)) throw new AppError('E8010', { field: 'areas', value: a, lead: t.leadArea });
    const existing = new Set((await repos.supervision.children(id)).map((c) => c.leadArea));
    for (const a of targets) if (existing.has(a)) throw new AppError('E8011', { field: 'areas', value: a });
    const dueDate = opts.dueDate ?? t.dueDate;
    this.checkDates(t.startDate, dueDate);
    const at = this.clock.now().toISOString();
    const children = await this.store.transaction(async (tx) => {
      const out: Task[] = [];
      for (const a of targets) {
        out.push(
          await tx.supervision.insertTask({
            ...t, parentId: t.id, issuerArea: t.leadArea, leadArea: a, leadOffice: null, coOwners: [], responsible: [], dueDate, state: 'not_started', percent: 0,
            kpi: t.kpi ? { ...t.kpi, areaCode: a } : null, escalatedAt: null, doneAt: null, closedAt: null, createdAt: at, updatedAt: at,
          }),
        );
        await this.notifications.notifyArea(tx, a, { kind: 'task_assigned', title: `新任务：${t.title}`, body: `上级下达任务“${t.title}”，截止 ${dueDate}`, link: this.link(out.at(-1)!.id) }, actor.username);
      }
      await this.record(tx, actor, t, 'create', 'cascade', `分解下达至 ${targets.length} 个单位`, null, { areas: targets, dueDate });
      return out;
    });
    return this.views(this.store.repos, children);
  }

  /** 进展报告: the owner reports text, % complete and evidence for a period (default: the one due now); a report after its deadline is flagged late. */
  async report(actor: Actor, id: number, p: ProgressInput): Promise<Progress> {
    const t = await this.readable(actor, id);
    this.requireOwner(actor, t, '报送进展');
    if (t.state === 'closed') throw new AppError('E8008', { field: 'state', state: stateName(t.state), action: '报送进展' });
    if (!p.text.trim()) throw new AppError('E8017', { field: '进展情况' });
    const today = this.today();
    const cadence = t.cadence ?? 'monthly';
    // Default: the oldest period overdue (a late report fills the gap first), else the one due now.
    const overdue = this.lightOf({ ...t, cadence }, await this.store.repos.supervision.progressOf([id])).overdueReports;
    const period = p.period ?? overdue[0] ?? periodFor(cadence, today);
    const at = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const r = await repos.supervision.insertProgress({ taskId: id, period, text: p.text.trim(), percent: p.percent, late: reportLate(cadence, period, today), files: p.files ?? [], reportedBy: actor.username, reportedAt: at });
      await repos.supervision.updateTask(id, { ...t, percent: p.percent, state: t.state === 'not_started' ? 'in_progress' : t.state, updatedAt: at });
      await this.record(repos, actor, t, 'submit', 'progress', `报送 ${period} 进展：${p.percent}%`, { percent: t.percent }, { period, percent: p.percent, late: r.late, files: r.files.length });
      if (t.issuerArea !== t.leadArea) await this.notifications.notifyArea(repos, t.issuerArea, { kind: 'progress', title: `进展报告：${t.title}`, body: `${period} 完成 ${p.percent}%`, link: this.link(id) }, actor.username);
      return r;
    });
  }

  /** Evidence for one of the task's progress reports, by whoever may report on the task. */
  async attach(actor: Actor, id: number, progressId: number, filename: string | undefined, content: Buffer): Promise<ProgressFile> {
    const t = await this.readable(actor, id);
    this.requireOwner(actor, t, '上传佐证材料');
    const report = (await this.store.repos.supervision.progressOf([id])).find((p) => p.id === progressId);
    if (!report) throw new AppError('E1015', { field: 'pid', value: progressId });
    const at = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const file = await storeAttachment(repos, report.files, filename, content, this.attachmentBytes, at);
      await repos.supervision.updateProgressFiles(progressId, [...report.files, file]);
      await this.audit.record(repos, actor, { action: 'attach', entity: 'sup_task', entityKey: String(id), areaCode: t.leadArea, after: { progress: progressId, ...file } });
      return file;
    });
  }

  /** An attachment of the task's reports, for whoever may read the task. */
  async file(actor: Actor, id: number, sha256: string) {
    await this.readable(actor, id);
    const held = (await this.store.repos.supervision.progressOf([id])).flatMap((p) => p.files);
    return readAttachment(this.store.repos, held, sha256);
  }

  /** The owner marks the task done (100%); it waits for the issuing level's 销号. */
  async complete(actor: Actor, id: number, note: string): Promise<TaskDetail> {
    const t = await this.readable(actor, id);
    this.requireOwner(actor, t, '标记完成');
    if (t.state === 'done' || t.state === 'closed') throw new AppError('E8008', { field: 'state', state: stateName(t.state), action: '标记完成' });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateTask(id, { ...t, state: 'done', percent: 100, doneAt: at, updatedAt: at });
      await this.record(repos, actor, t, 'submit', 'done', note.trim() || '已完成', { state: t.state }, { state: 'done' });
      await this.notifications.notifyArea(repos, t.issuerArea, { kind: 'task_done', title: `待销号：${t.title}`, body: `${t.leadArea} 报告已完成，请核验销号`, link: this.link(id) }, actor.username);
    });
    return this.detail(actor, id);
  }

  /** 销号: the issuing level verifies a done task; with a KPI, only when the live value meets its threshold. */
  async verify(actor: Actor, id: number, note: string): Promise<TaskDetail> {
    const t = await this.readable(actor, id);
    this.requireIssuer(actor, t, '销号');
    if (t.state !== 'done') throw new AppError('E8008', { field: 'state', state: stateName(t.state), action: '销号' });
    const k = await this.kpiView(t.kpi);
    if (k && k.met !== true) throw new AppError('E8014', { field: 'kpi', indicator: k.indicatorName, value: k.value === null ? '无数据' : `${(k.value * 100).toFixed(1)}%`, threshold: `${(k.threshold * 100).toFixed(1)}%` });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateTask(id, { ...t, state: 'closed', closedAt: at, updatedAt: at });
      await this.record(repos, actor, t, 'approve', 'closed', note.trim() || '核验销号', { state: t.state }, { state: 'closed', kpi: k });
      await this.notifications.notifyArea(repos, t.leadArea, { kind: 'task_closed', title: `已销号：${t.title}`, body: note.trim() || '上级已核验销号', link: this.link(id) }, actor.username);
    });
    return this.detail(actor, id);
  }

  /** The issuing level reopens a done or closed task, with a reason. */
  async reopen(actor: Actor, id: number, reason: string): Promise<TaskDetail> {
    const t = await this.readable(actor, id);
    this.requireIssuer(actor, t, '退回重办');
    if (t.state !== 'done' && t.state !== 'closed') throw new AppError('E8008', { field: 'state', state: stateName(t.state), action: '退回重办' });
    if (!reason.trim()) throw new AppError('E7012', { field: 'reason' });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateTask(id, { ...t, state: 'in_progress', doneAt: null, closedAt: null, updatedAt: at });
      await this.record(repos, actor, t, 'return', 'reopened', reason.trim(), { state: t.state }, { state: 'in_progress' });
      await this.notifications.notifyArea(repos, t.leadArea, { kind: 'task_reopened', title: `退回重办：${t.title}`, body: reason.trim(), link: this.link(id) }, actor.username);
    });
    return this.detail(actor, id);
  }

  /** 延期: the issuing level sets a new due date, with a reason; audited with the old date. */
  async extend(actor: Actor, id: number, dueDate: string, reason: string): Promise<TaskDetail> {
    const t = await this.readable(actor, id);
    this.requireIssuer(actor, t, '批准延期');
    if (!reason.trim()) throw new AppError('E7012', { field: 'reason' });
    this.checkDates(t.startDate, dueDate);
    if (dueDate <= t.dueDate) throw new AppError('E8009', { field: 'dueDate', rule: `新的截止日期须晚于原截止日期 ${t.dueDate}` });
    await this.store.transaction(async (repos) => {
      await repos.supervision.updateTask(id, { ...t, dueDate, escalatedAt: null, updatedAt: this.clock.now().toISOString() });
      await this.record(repos, actor, t, 'update', 'extended', reason.trim(), { dueDate: t.dueDate }, { dueDate, reason: reason.trim() });
      await this.notifications.notifyArea(repos, t.leadArea, { kind: 'task_extended', title: `已延期：${t.title}`, body: `截止日期由 ${t.dueDate} 延至 ${dueDate}：${reason.trim()}`, link: this.link(id) }, actor.username);
    });
    return this.detail(actor, id);
  }

  /** 催办: a reminder from the issuing level (or above) to the owner's administrators and responsible users. */
  async remind(actor: Actor, id: number, note: string): Promise<{ notified: number }> {
    const t = await this.readable(actor, id);
    this.requireIssuer(actor, t, '催办');
    if (t.state === 'closed') throw new AppError('E8008', { field: 'state', state: stateName(t.state), action: '催办' });
    return this.store.transaction(async (repos) => {
      const m = { kind: 'reminder', title: `催办：${t.title}`, body: note.trim() || `请抓紧推进，截止 ${t.dueDate}`, link: this.link(id) };
      const notified = (await this.notifications.notifyArea(repos, t.leadArea, m, actor.username)) + (await this.notifications.notify(repos, t.responsible, m, actor.username));
      await this.record(repos, actor, t, 'update', 'reminder', m.body, null, { notified });
      return { notified };
    });
  }

  /**
   * The escalation job: a task red for `days` days or more, not yet escalated, is escalated to the
   * level above its issuer (the issuer's administrators and those of its parent area are told).
   */
  async escalateDue(days: number): Promise<number> {
    const repos = this.store.repos;
    const open = await repos.supervision.tasks(null, { states: ['not_started', 'in_progress'] });
    const views = await this.views(repos, open.filter((t) => !t.escalatedAt));
    let n = 0;
    for (const v of views) {
      if (v.light !== 'red' || -v.lightInfo.daysLeft < days) continue;
      const above = parentArea(v.issuerArea);
      await this.store.transaction(async (tx) => {
        await tx.supervision.updateTask(v.id, { ...v, escalatedAt: this.clock.now().toISOString() });
        const m = { kind: 'escalated', title: `逾期升级督办：${v.title}`, body: `${v.leadName} 牵头的任务已逾期 ${-v.lightInfo.daysLeft} 天`, link: this.link(v.id) };
        await this.notifications.notifyArea(tx, v.issuerArea, m);
        if (above) await this.notifications.notifyArea(tx, above, m);
        await tx.supervision.insertEvent({ taskId: v.id, rectId: null, kind: 'escalated', note: m.body, detail: { to: above ?? v.issuerArea }, by: 'system', at: this.clock.now().toISOString() });
        await this.audit.record(tx, SYSTEM_ACTOR, { action: 'update', entity: 'sup_task', entityKey: String(v.id), areaCode: v.leadArea, after: { escalated: above ?? v.issuerArea } });
      });
      n++;
    }
    return n;
  }

  async stats(actor: Actor, planId?: number) {
    return taskStats(await this.list(actor, { planId }), this.today());
  }

  /** 台账: the tasks the reader sees as a table (XLSX or CSV). */
  async ledger(actor: Actor, planId: number | undefined, format: TableFormat): Promise<TableFile> {
    const views = await this.list(actor, { planId });
    const names = await areaNames(this.store.repos, views.flatMap((v) => v.coOwners.map((o) => o.areaCode)));
    const rows = views.map((v) => ({
      number: v.number, title: v.title, issuer: v.issuerName, lead: v.leadName, office: v.leadOffice ?? '', co: v.coOwners.map((o) => `${names.get(o.areaCode) ?? o.areaCode}${o.office ? o.office : ''}`).join('、'),
      start: v.startDate, due: v.dueDate, state: TASK_STATE_NAMES[v.state].zh, percent: v.percent, light: LIGHT_NAMES[v.light].zh, reasons: v.lightInfo.reasons.map((r) => r.zh).join('；'), lastReport: v.lastReportAt?.slice(0, 10) ?? '',
    }));
    return tableFile(`督办台账-${this.today()}`, '督办台账', LEDGER_COLUMNS, rows, format);
  }

  /** The reminder job: owners of tasks due in 7 days or 1 day, or red since yesterday, are told once that day. */
  async remindDue(): Promise<number> {
    const repos = this.store.repos;
    const views = await this.views(repos, await repos.supervision.tasks(null, { states: ['not_started', 'in_progress'] }));
    let n = 0;
    for (const v of views) {
      const d = v.lightInfo.daysLeft;
      if (d !== 7 && d !== 1 && d !== -1) continue;
      await this.store.transaction(async (tx) => {
        n += await this.notifications.notifyArea(tx, v.leadArea, { kind: d < 0 ? 'red' : 'due_soon', title: d < 0 ? `已逾期：${v.title}` : `即将到期：${v.title}`, body: d < 0 ? `截止 ${v.dueDate}，已转红灯` : `${d} 天后到期（${v.dueDate}）`, link: this.link(v.id) });
      });
    }
    return n;
  }
}

/** Per area: tasks by light, each lead unit's on-time rate (done by the due date, of those done or due), the overdue list. */
export function taskStats(views: TaskView[], today: string) {
  const byLight: Record<Light, number> = { red: 0, yellow: 0, blue: 0, green: 0, done: 0 };
  const units = new Map<string, { areaCode: string; areaName: string; tasks: number; done: number; onTime: number; overdue: number }>();
  for (const v of views) {
    byLight[v.light]++;
    const u = units.get(v.leadArea) ?? units.set(v.leadArea, { areaCode: v.leadArea, areaName: v.leadName, tasks: 0, done: 0, onTime: 0, overdue: 0 }).get(v.leadArea)!;
    u.tasks++;
    const doneDay = v.doneAt?.slice(0, 10) ?? null;
    if (doneDay) {
      u.done++;
      if (doneDay <= v.dueDate) u.onTime++;
    }
    if (v.light === 'red') u.overdue++;
  }
  const ranked = [...units.values()]
    .map((u) => {
      const judged = u.done + u.overdue;
      return { ...u, onTimeRate: judged ? u.onTime / judged : null };
    })
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || a.areaCode.localeCompare(b.areaCode));
  void today;
  return { byLight, units: ranked, overdue: views.filter((v) => v.light === 'red').sort((a, b) => a.dueDate.localeCompare(b.dueDate)) };
}

export const LEDGER_COLUMNS = [
  { key: 'number', header: '编号', width: 8 },
  { key: 'title', header: '任务', width: 40 },
  { key: 'issuer', header: '下达单位', width: 14 },
  { key: 'lead', header: '牵头单位', width: 16 },
  { key: 'office', header: '牵头处室', width: 14 },
  { key: 'co', header: '协办单位', width: 20 },
  { key: 'start', header: '开始日期', width: 12 },
  { key: 'due', header: '截止日期', width: 12 },
  { key: 'state', header: '状态', width: 10 },
  { key: 'percent', header: '完成进度(%)', width: 10 },
  { key: 'light', header: '督办灯', width: 22 },
  { key: 'reasons', header: '说明', width: 40 },
  { key: 'lastReport', header: '最近报送', width: 20 },
];

/** The area above (CN above a province; none above CN). */
export function parentArea(code: string): string | null {
  if (code === NATION_CODE) return null;
  const level = levelOfCode(code);
  return !level || level === 1 ? NATION_CODE : (ancestorCodes(code)[(level - 1) as DivisionLevel] ?? NATION_CODE);
}
