/**
 * 我的待办: everything waiting for the user, across modules, each with its deadline and a link —
 * reports to fill or submit and those returned (facility users), reports waiting for the user's
 * approval level, evaluation applications at the user's stage, tasks and progress reports due,
 * tasks and rectification items waiting for the user's 销号, rectification items to carry out,
 * lights turned yellow or red; projects to approve, start or accept, behind their milestones or
 * their spending (the projects-funds module, when present). Read live, in the user's scope; nothing is copied into a queue.
 */
import type { ReportStatus } from '../../../domain/approval.js';
import type { Light } from '../../../domain/supervision/lights.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Store } from '../../platform/db/store.js';
import type { NotificationService } from '../../platform/notifications/notification.service.js';
import type { Services } from '../../platform/registry.js';
import { areaWithin, isAdmin } from './supervision-access.js';

export type InboxKind = 'report_fill' | 'report_returned' | 'approval' | 'evaluation' | 'task' | 'task_report' | 'task_verify' | 'rect' | 'rect_verify' | 'project' | 'project_funds';

export interface InboxEntry {
  kind: InboxKind;
  title: string;
  detail: string;
  /** YYYY-MM-DD, or null when there is no date. */
  deadline: string | null;
  light: Light | null;
  link: string;
  count?: number;
}

export class InboxService {
  constructor(
    private readonly store: Store,
    private readonly services: Services,
    private readonly notifications: NotificationService,
  ) {}

  async entries(actor: Actor): Promise<InboxEntry[]> {
    const parts = await Promise.all([this.reports(actor), this.approvals(actor), this.evaluation(actor), this.tasks(actor), this.rects(actor), this.projects(actor)]);
    const order: Record<Light, number> = { red: 0, yellow: 1, blue: 2, green: 3, done: 4 };
    return parts.flat().sort((a, b) => (order[a.light ?? 'green'] - order[b.light ?? 'green']) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  }

  async summary(actor: Actor): Promise<{ entries: InboxEntry[]; count: number; unread: number }> {
    const [entries, unread] = await Promise.all([this.entries(actor), this.notifications.unread(actor)]);
    return { entries, count: entries.reduce((s, e) => s + (e.count ?? 1), 0), unread };
  }

  /** A facility user's own reports of the period being collected: to fill, to submit, returned. */
  private async reports(actor: Actor): Promise<InboxEntry[]> {
    if (actor.scope.kind !== 'facility' || actor.role !== 'FACILITY_REPORTER') return [];
    const period = this.services.periods.collecting();
    const r = await this.services.approvals.list(actor, { period }, 1, 50);
    const deadline = this.deadline();
    const out: InboxEntry[] = [];
    const statuses = new Map<string, ReportStatus | undefined>(r.items.map((i) => [i.facilityCode, i.status]));
    for (const i of r.items) {
      if (i.status === 'RETURNED') out.push({ kind: 'report_returned', title: `退回的报表：${i.facilityName}`, detail: `${period} 年度报表被退回，请修改后重新提交`, deadline, light: 'yellow', link: `/entry?facility=${i.facilityCode}&period=${period}` });
      else if (i.status === 'DRAFT') out.push({ kind: 'report_fill', title: `待提交的报表：${i.facilityName}`, detail: `${period} 年度报表已保存未提交`, deadline, light: null, link: `/entry?facility=${i.facilityCode}&period=${period}` });
    }
    if (!statuses.has(actor.scope.code)) out.push({ kind: 'report_fill', title: '待填报的报表', detail: `${period} 年度报表尚未填报`, deadline, light: null, link: `/entry?facility=${actor.scope.code}&period=${period}` });
    return out;
  }

  /** The reporting deadline of the period being collected (metadata: months after the period's end). */
  private deadline(): string | null {
    const { ds, p } = this.services.reports.dataSetAndPeriod(this.services.reports.dataSetCode(undefined), this.services.periods.collecting());
    const months = ds.deadline?.monthsAfterPeriodEnd;
    if (months === undefined) return null;
    const end = new Date(`${p.end}T00:00:00Z`);
    return new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + months + 1, 0)).toISOString().slice(0, 10);
  }

  /** Reports waiting for the user's approval level, as one entry. */
  private async approvals(actor: Actor): Promise<InboxEntry[]> {
    if (!isAdmin(actor) || actor.scope.kind === 'facility') return [];
    const period = this.services.periods.collecting();
    const r = await this.services.approvals.list(actor, { period, waiting: true }, 1, 1);
    return r.total ? [{ kind: 'approval', title: `待审核的报表 ${r.total} 份`, detail: `${period} 年度报表等待您这一级审核`, deadline: null, light: null, link: `/approval?period=${period}&waiting=true`, count: 1 }] : [];
  }

  /** Applications at the stage the user's level acts on; for an expert, the on-site checklists of the applications assigned to them. */
  private async evaluation(actor: Actor): Promise<InboxEntry[]> {
    if (actor.scope.kind === 'facility') return [];
    const out: InboxEntry[] = [];
    const expert = await this.store.repos.experts.byUsername(actor.username);
    if (expert) {
      const ids = await this.store.repos.experts.applicationsOf(expert.id);
      for (const id of ids.slice(0, 50)) {
        const a = await this.store.repos.evaluation.application(id);
        if (a && a.stage === 'NATIONAL') out.push({ kind: 'evaluation', title: `现场评审：${a.subjectName}`, detail: '您被分配为该申报的评审专家', deadline: null, light: null, link: `/evaluation/applications/${a.id}/onsite` });
      }
    }
    for (const c of await this.services.reviews.cycles()) {
      const apps = (await this.services.reviews.list(actor, c.code)).filter((a) => this.services.reviews.acts(actor, a));
      const deadline = (c.deadlines as Record<string, string | undefined>)[apps[0]?.stage ?? ''] ?? null;
      for (const a of apps.slice(0, 50)) out.push({ kind: 'evaluation', title: `评审：${a.subjectName}`, detail: `${c.name} · 待办理`, deadline, light: null, link: `/evaluation/applications/${a.id}` });
      if (apps.length > 50) out.push({ kind: 'evaluation', title: `另有 ${apps.length - 50} 份申报待办理`, detail: c.name, deadline, light: null, link: '/evaluation', count: apps.length - 50 });
    }
    return out;
  }

  /** Tasks the user's area leads (not done), with their lights and overdue reports; done tasks waiting for the user's 销号. */
  private async tasks(actor: Actor): Promise<InboxEntry[]> {
    if (actor.scope.kind === 'facility') return [];
    const own = actor.scope.kind === 'nation' ? 'CN' : actor.scope.code;
    const repos = this.store.repos;
    const [led, issued] = await Promise.all([repos.supervision.tasks(own === 'CN' ? null : own, { leadArea: own, states: ['not_started', 'in_progress'] }), repos.supervision.tasks(own === 'CN' ? null : own, { issuerArea: own, states: ['done'] })]);
    const mine = (await repos.supervision.tasks(own === 'CN' ? null : own, { states: ['not_started', 'in_progress'] })).filter((t) => t.responsible.includes(actor.username) && t.leadArea !== own);
    const views = await this.services.supervisionTasks.views(repos, [...led, ...mine]);
    const out: InboxEntry[] = [];
    const admin = isAdmin(actor);
    for (const v of views) {
      if (v.children > 0 && v.light === 'green') continue; // handed down and on track: the children carry it
      if (!admin && !v.responsible.includes(actor.username) && v.light !== 'red' && v.light !== 'yellow') continue; // a reader is shown the lights that turned
      out.push({ kind: 'task', title: `任务：${v.title}`, detail: v.lightInfo.reasons.map((r) => r.zh).join('；') || `完成 ${v.percent}%`, deadline: v.dueDate, light: v.light, link: `/supervision/tasks/${v.id}` });
      if (v.lightInfo.overdueReports.length) out.push({ kind: 'task_report', title: `进展报告未报：${v.title}`, detail: v.lightInfo.overdueReports.join('、'), deadline: null, light: 'yellow', link: `/supervision/tasks/${v.id}` });
    }
    if (isAdmin(actor)) for (const t of issued) out.push({ kind: 'task_verify', title: `待销号：${t.title}`, detail: `${t.leadArea} 已报告完成`, deadline: null, light: null, link: `/supervision/tasks/${t.id}` });
    return out;
  }

  /** Rectification items the user's area carries out, and those waiting for the user's verification. */
  private async rects(actor: Actor): Promise<InboxEntry[]> {
    if (actor.scope.kind === 'facility' || !isAdmin(actor)) return [];
    const own = actor.scope.kind === 'nation' ? 'CN' : actor.scope.code;
    const repos = this.store.repos;
    const prefix = own === 'CN' ? null : own;
    const [todo, verify] = await Promise.all([repos.supervision.rects(prefix, { areaCode: own, states: ['open'] }), repos.supervision.rects(prefix, { issuerArea: own, states: ['submitted'] })]);
    const views = await this.services.rectification.views(repos, [...todo, ...verify]);
    return views
      .filter((v) => areaWithin(actor.scope, v.areaCode) || v.issuerArea === own)
      .map((v) =>
        v.state === 'open'
          ? { kind: 'rect' as const, title: `整改：${v.problem}`, detail: v.requirement, deadline: v.deadline, light: v.light, link: `/supervision/rect/${v.id}` }
          : { kind: 'rect_verify' as const, title: `待核验销号：${v.subjectName}`, detail: v.completion ?? '', deadline: v.deadline, light: null, link: `/supervision/rect/${v.id}` },
      );
  }

  /**
   * Projects waiting for the user's own level: to approve (立项) or accept (验收) as the managing
   * level; to start, behind their milestones or reports, or with spending behind 序时进度 as the
   * project's county (or the area it stands in). At most 50 of each kind, then a count.
   */
  private async projects(actor: Actor): Promise<InboxEntry[]> {
    if (actor.scope.kind === 'facility' || !isAdmin(actor) || !this.services.projects) return [];
    const own = actor.scope.kind === 'nation' ? 'CN' : actor.scope.code;
    const { items } = await this.services.projects.list(actor);
    const ownsIt = (areaCode: string) => own !== 'CN' && (areaCode === own || (own.length === 6 && areaCode.startsWith(own)));
    const out: InboxEntry[] = [];
    const link = (id: number) => `/projects/${id}`;
    for (const p of items) {
      if (p.managerArea === own && p.actions.includes('approve')) out.push({ kind: 'project', title: `待立项：${p.name}`, detail: `${p.areaName} 申报`, deadline: null, light: null, link: link(p.id) });
      else if (p.managerArea === own && p.actions.includes('accept')) out.push({ kind: 'project', title: `待验收：${p.name}`, detail: `${p.areaName} 已申请验收`, deadline: null, light: null, link: link(p.id) });
      else if (ownsIt(p.areaCode) && p.actions.includes('start')) out.push({ kind: 'project', title: `待开工：${p.name}`, detail: `计划 ${p.startDate} 开工`, deadline: p.startDate, light: null, link: link(p.id) });
      else if (ownsIt(p.areaCode) && p.status === 'BUILDING' && (p.light === 'yellow' || p.light === 'red')) out.push({ kind: 'project', title: `项目滞后：${p.name}`, detail: p.reasons.map((r) => r.zh).join('；'), deadline: p.endDate, light: p.light, link: link(p.id) });
      if (ownsIt(p.areaCode) && p.funds.rate !== null && p.funds.warning !== 'ok' && p.status !== 'TERMINATED')
        out.push({ kind: 'project_funds', title: `资金执行${p.funds.warning === 'far_behind' ? '严重' : ''}滞后：${p.name}`, detail: `执行率 ${(p.funds.rate * 100).toFixed(1)}%，序时进度 ${(p.funds.planned * 100).toFixed(1)}%`, deadline: null, light: 'yellow', link: link(p.id) });
    }
    const byKind = new Map<string, InboxEntry[]>();
    for (const e of out) (byKind.get(e.title.slice(0, 4)) ?? byKind.set(e.title.slice(0, 4), []).get(e.title.slice(0, 4))!).push(e);
    return [...byKind.values()].flatMap((es) => (es.length > 50 ? [...es.slice(0, 50), { kind: es[0]!.kind, title: `另有 ${es.length - 50} 个项目${es[0]!.title.split('：')[0]}`, detail: '', deadline: null, light: null, link: '/projects', count: es.length - 50 }] : es));
  }
}
