/**
 * Projects: declared by the county (or its province), approved and accepted by the manager level,
 * reported on by the owner; milestones, lights and progress as supervision has them; the
 * 绩效目标表 with live leaves; 绩效自评; and the acceptance, scored by the evaluation engine.
 */
import { AppError } from '../../../domain/errors.js';
import { bandOfScore, fenToYuan, yuanToFen, type Band } from '../../../domain/funds/allocation.js';
import {
  ACTION_BY,
  ACTION_NAMES,
  addMonths,
  executionWarning,
  inRegionList,
  leafCompletion,
  milestonesOf,
  nextStatus,
  onSchedule,
  plannedExecution,
  selfEvaluate,
  STATUS_NAMES,
  type ProjectAction,
  type ProjectStatus,
  type ProjectType,
  type TargetLeaf,
} from '../../../domain/funds/project.js';
import { lightOf, periodFor, type TaskState } from '../../../domain/supervision/lights.js';
import { ancestorCodes, levelOfCode, NATION_CODE } from '../../../domain/org-unit.js';
import { chinaDay } from '../../../domain/period.js';
import { allItems, isAutomatic } from '../../../domain/evaluation/standard.js';
import { manualProblem, scoreManual, totalScore, type ItemScore } from '../../../domain/evaluation/scoring.js';
import type * as api from '../../../domain/api/projects-funds.js';
import { ADMIN_ROLES, requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { Repositories } from '../../platform/registry.js';
import type { AnalyticsService } from '../indicators/analytics.service.js';
import type { AutoscoreService } from '../evaluation/autoscore.service.js';
import type { StandardService } from '../evaluation/standard.service.js';
import { areaNames, areaWithin, prefixOf } from '../supervision/supervision-access.js';
import type { ProjectTypes } from './project-types.js';
import type { Project, Spending } from './projects-funds.repository.js';

const STATE_OF: Record<ProjectStatus, TaskState> = { DECLARED: 'not_started', APPROVED: 'not_started', BUILDING: 'in_progress', ACCEPTANCE: 'in_progress', COMPLETED: 'done', TERMINATED: 'closed' };
const ZERO_BUDGET: api.Budget = { CENTRAL: '0.00', PROVINCIAL: '0.00', MUNICIPAL: '0.00', COUNTY: '0.00' };
const WHO = { manager: { zh: '项目主管单位', en: 'the managing level' }, owner: { zh: '项目所在地', en: 'the project\'s own area' } } as const;

/**
 * Funds of one project or area: allocated, spent, execution against 序时进度 — the plan of each
 * year's money weighted by its amount when `year` lists several (a project funded over years).
 */
export function fundFigures(allocated: bigint, spent: bigint, year: number | { year: number; fen: bigint }[], today: string): api.FundFigures {
  const rate = allocated > 0n ? Number((spent * 1_000_000n) / allocated) / 1_000_000 : null;
  const parts = typeof year === 'number' ? [{ year, fen: 1n }] : year;
  const weight = parts.reduce((a, x) => a + Number(x.fen), 0);
  const planned = weight > 0 ? parts.reduce((a, x) => a + plannedExecution(x.year, today) * Number(x.fen), 0) / weight : plannedExecution(Number(today.slice(0, 4)), today);
  return { allocated: fenToYuan(allocated), spent: fenToYuan(spent), rate, planned, warning: executionWarning(rate, planned) };
}

export class ProjectService {
  constructor(
    private readonly store: Store,
    readonly types: ProjectTypes,
    private readonly standards: StandardService,
    private readonly autoscore: AutoscoreService,
    private readonly analytics: AnalyticsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return chinaDay(this.clock.now());
  }

  typesAnswer(): api.ProjectTypesAnswer {
    return { items: this.types.catalogue.types, regions: this.types.catalogue.regions };
  }

  // ---- access

  private requireVisible(actor: Actor, p: Project): void {
    const prefix = prefixOf(actor);
    if (prefix !== null && !p.areaCode.startsWith(prefix)) throw new AppError('E8522', { field: 'id', value: p.id });
  }

  private role(actor: Actor, p: Project): { manager: boolean; owner: boolean } {
    if (!ADMIN_ROLES.includes(actor.role)) return { manager: false, owner: false };
    const manager = areaWithin(actor.scope, p.managerArea);
    return { manager, owner: manager || areaWithin(actor.scope, p.areaCode) };
  }

  private requireActing(actor: Actor, p: Project, who: 'manager' | 'owner', action: keyof typeof ACTION_NAMES | 'report' | 'edit_targets' | 'self_evaluate'): void {
    requireRole(actor, ADMIN_ROLES);
    const r = this.role(actor, p);
    if (!r[who]) {
      const name = action in ACTION_NAMES ? ACTION_NAMES[action as keyof typeof ACTION_NAMES] : { zh: '办理', en: action };
      throw new AppError('E8525', { who: WHO[who].zh, whoEn: WHO[who].en, action: name.zh, field: 'id', value: p.id });
    }
  }

  async load(actor: Actor, id: number, repos: Repositories = this.store.repos): Promise<Project> {
    const p = await repos.projects.project(id);
    if (!p) throw new AppError('E8522', { field: 'id', value: id });
    this.requireVisible(actor, p);
    return p;
  }

  // ---- create

  async create(actor: Actor, body: api.NewProjectBody): Promise<api.ProjectView> {
    requireRole(actor, ADMIN_ROLES);
    const type = this.types.get(body.type);
    const subject = await this.subjectOf(type, body.subjectCode);
    if (!areaWithin(actor.scope, subject.areaCode)) throw new AppError('E8531', { field: 'subjectCode', value: body.subjectCode, area: '您的管辖范围 / your scope' });
    const province = ancestorCodes(subject.areaCode)[1]!;
    const managerArea = body.managerArea ?? province;
    if (managerArea !== NATION_CODE && !subject.areaCode.startsWith(managerArea)) throw new AppError('E8531', { field: 'managerArea', value: managerArea, area: subject.areaCode });
    const endDate = body.endDate ?? addMonths(body.startDate, type.months);
    if (endDate <= body.startDate) throw new AppError('E8527', { field: 'endDate', rule: '结束日期须晚于开始日期 / the end must be after the start' });
    const budget = { ...ZERO_BUDGET, ...(body.budget ?? {}) };
    for (const [k, v] of Object.entries(budget)) if (yuanToFen(v) < 0n) throw new AppError('E8501', { field: `budget.${k}`, value: v });
    const at = this.clock.now().toISOString();
    const targets: TargetLeaf[] = type.targets.map((t, i) => ({ ...t, id: `T${i + 1}`, name: t.name.zh, actual: null }));
    return this.store.transaction(async (repos) => {
      const p = await repos.projects.insertProject({
        type: type.code,
        name: body.name ?? `${subject.name}${type.name.zh}`,
        subjectCode: subject.code,
        subjectName: subject.name,
        areaCode: subject.areaCode,
        managerArea,
        startDate: body.startDate,
        endDate,
        status: 'DECLARED',
        terminatedReason: null,
        budget: Object.fromEntries(Object.entries(budget).map(([k, v]) => [k, fenToYuan(yuanToFen(v))])) as api.Budget,
        milestones: milestonesOf(type, body.startDate),
        targets,
        percent: 0,
        createdBy: actor.username,
        createdAt: at,
        updatedAt: at,
      });
      await this.audit.record(repos, actor, { action: 'create', entity: 'project', entityKey: String(p.id), areaCode: p.areaCode, after: p });
      return (await this.views(repos, [p]))[0]!;
    });
  }

  /** The subject: a facility of the type's kinds (open), or a county (on the type's list). */
  private async subjectOf(type: ProjectType, code: string): Promise<{ code: string; name: string; areaCode: string }> {
    const repos = this.store.repos;
    if (type.subject.kind === 'FACILITY') {
      const f = await repos.facilities.get(code);
      if (!f || !(type.subject.types as string[]).includes(f.type) || f.closed)
        throw new AppError('E8523', { field: 'subjectCode', value: code, type: type.name.zh, rule: `须为在运营的 ${type.subject.types.join('/')} 机构 / an open ${type.subject.types.join('/')} facility` });
      return { code: f.code, name: f.name, areaCode: f.divisionCode };
    }
    const d = levelOfCode(code) === 3 ? await repos.divisions.get(code) : null;
    if (!d) throw new AppError('E8523', { field: 'subjectCode', value: code, type: type.name.zh, rule: '须为县级区划 / a county-level division' });
    const list = type.subject.list ? this.types.region(type.subject.list) : undefined;
    if (list && !inRegionList(list, code)) throw new AppError('E8523', { field: 'subjectCode', value: code, type: type.name.zh, rule: `须在“${list.name.zh}”名单内 / on the list ${list.name.en}` });
    return { code: d.code, name: d.name, areaCode: d.code };
  }

  // ---- read

  async list(actor: Actor, q: { status?: ProjectStatus; type?: string; area?: string } = {}): Promise<api.ProjectsAnswer> {
    let prefix = prefixOf(actor);
    if (q.area && q.area !== NATION_CODE) {
      if (!areaWithin(actor.scope, q.area)) throw new AppError('E8531', { field: 'area', value: q.area, area: '您的管辖范围 / your scope' });
      prefix = q.area;
    }
    const repos = this.store.repos;
    const all = await repos.projects.projects(prefix, { type: q.type });
    const counts: Record<string, number> = {};
    for (const p of all) counts[p.status] = (counts[p.status] ?? 0) + 1;
    const items = q.status ? all.filter((p) => p.status === q.status) : all;
    return { items: await this.views(repos, items, actor), counts };
  }

  async detail(actor: Actor, id: number): Promise<api.ProjectDetail> {
    const repos = this.store.repos;
    const p = await this.load(actor, id);
    const [view] = await this.views(repos, [p], actor);
    const [allocations, spendings, progress, selfEvals, acceptances] = [
      await repos.projects.allocations(null, { projectId: id }),
      await repos.projects.spendings(null, { projectId: id }),
      await repos.projects.progress([id]),
      await repos.projects.selfEvals([id]),
      await repos.projects.acceptances(id),
    ];
    const names = await areaNames(repos, allocations.map((a) => a.areaCode));
    return {
      ...view!,
      targets: await this.liveTargets(actor, p),
      progress: progress.map(({ projectId: _, ...x }) => x),
      selfEvals: selfEvals.map((e) => ({ id: e.id, year: e.year, score: e.score, band: e.band, by: e.by, at: e.at })),
      acceptances: acceptances.map((a) => ({ id: a.id, standard: a.standard, period: a.period, total: a.total, passed: a.passed, note: a.note, by: a.by, at: a.at, items: a.items as api.AcceptanceSheet['items'] })),
      allocations: allocations.map((a) => ({ id: a.id, batchId: a.batchId, fund: a.fund, year: a.year, kind: a.kind, docNo: a.docNo, areaCode: a.areaCode, areaName: names.get(a.areaCode) ?? a.areaCode, projectId: a.projectId, amount: fenToYuan(a.amountFen) })),
      spendings: spendings.map((s) => spendingView(s)),
      acceptanceStandard: this.types.get(p.type).acceptance.standard,
    };
  }

  /** Views of projects: light, funds, last band and what the caller may do. */
  async views(repos: Repositories, ps: Project[], actor?: Actor): Promise<api.ProjectView[]> {
    if (ps.length === 0) return [];
    const ids = ps.map((p) => p.id);
    const byProject = <T extends { projectId: number | null }>(xs: T[]) => {
      const m = new Map<number, T[]>();
      for (const x of xs) if (x.projectId !== null) (m.get(x.projectId) ?? m.set(x.projectId, []).get(x.projectId)!).push(x);
      return m;
    };
    const idSet = new Set(ids);
    const prefix = commonPrefix(ps.map((p) => p.areaCode));
    const allocs = byProject((await repos.projects.allocations(prefix)).filter((a) => a.projectId !== null && idSet.has(a.projectId)));
    const spends = byProject((await repos.projects.spendings(prefix)).filter((s) => s.projectId !== null && idSet.has(s.projectId)));
    const progress = byProject(await repos.projects.progress(ids));
    const bands = new Map<number, Band>();
    for (const e of await repos.projects.selfEvals(ids)) bands.set(e.projectId, e.band);
    const names = await areaNames(repos, ps.map((p) => p.areaCode));
    const today = this.today();
    return ps.map((p) => {
      const reports = progress.get(p.id) ?? [];
      const light = lightOf(
        { state: STATE_OF[p.status], startDate: p.startDate, dueDate: p.endDate, milestones: p.milestones.filter((m) => !m.doneDate).length ? p.milestones.map((m) => ({ plannedDate: m.plannedDate, weight: m.weight })) : [], percent: p.percent, cadence: p.status === 'BUILDING' ? 'quarterly' : null, reportedPeriods: reports.map((r) => r.period) },
        today,
      );
      const mine = allocs.get(p.id) ?? [];
      const allocated = mine.reduce((a, x) => a + x.amountFen, 0n);
      const spent = (spends.get(p.id) ?? []).reduce((a, x) => a + x.amountFen, 0n);
      return {
        id: p.id,
        type: p.type,
        typeName: this.types.get(p.type).name.zh,
        name: p.name,
        subjectCode: p.subjectCode,
        subjectName: p.subjectName,
        areaCode: p.areaCode,
        areaName: names.get(p.areaCode) ?? p.areaCode,
        managerArea: p.managerArea,
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status,
        terminatedReason: p.terminatedReason,
        budget: p.budget,
        budgetTotal: fenToYuan(Object.values(p.budget).reduce((a, v) => a + yuanToFen(v), 0n)),
        milestones: p.milestones,
        percent: p.percent,
        light: light.light,
        planned: light.planned,
        reasons: light.reasons,
        onSchedule: onSchedule(p.milestones, today),
        funds: fundFigures(allocated, spent, mine.map((a) => ({ year: a.year, fen: a.amountFen })), today),
        lastBand: bands.get(p.id) ?? null,
        actions: actor ? this.actionsFor(actor, p) : [],
        createdAt: p.createdAt,
      };
    });
  }

  private actionsFor(actor: Actor, p: Project): api.ProjectView['actions'] {
    const r = this.role(actor, p);
    const out: api.ProjectView['actions'] = [];
    for (const a of ['approve', 'start', 'apply_acceptance', 'terminate'] as const) if (nextStatus(p.status, a) && r[ACTION_BY[a]]) out.push(a);
    if (r.owner && p.status === 'BUILDING') out.push('report');
    if (r.manager && p.status === 'ACCEPTANCE') out.push('accept');
    if (r.owner && p.status !== 'TERMINATED' && p.status !== 'DECLARED') out.push('self_evaluate');
    if (r.owner && p.status !== 'COMPLETED' && p.status !== 'TERMINATED') out.push('edit_targets');
    if (r.owner && p.status !== 'DECLARED' && p.status !== 'TERMINATED') out.push('spend');
    return out;
  }

  /** The 绩效目标表 with bound leaves read live: the indicator for the project's county in the latest period. */
  async liveTargets(actor: Actor, p: Project): Promise<api.TargetLeafView[]> {
    const bound = [...new Set(p.targets.flatMap((l) => (l.indicator ? [l.indicator] : [])))];
    const county = ancestorCodes(p.areaCode)[3] ?? p.areaCode;
    const live = new Map<string, { value: number | null; period: string }>();
    if (bound.length) {
      const periods = await this.analytics.periods(actor);
      const period = periods[periods.length - 1];
      if (period) for (const r of await this.analytics.values(actor, { indicators: bound, periods: [period], area: county })) live.set(r.indicator, { value: r.value, period });
    }
    return p.targets.map((l) => {
      const v = l.indicator ? live.get(l.indicator) : undefined;
      const actual = l.indicator ? (v?.value === null || v === undefined ? null : l.unit === '%' ? Math.round(v.value * 10000) / 100 : v.value) : l.actual;
      const leaf = { ...l, actual };
      return { ...leaf, live: l.indicator && v ? { period: v.period, areaCode: county } : null, completion: Math.round(leafCompletion(leaf) * 1000) / 1000 };
    });
  }

  // ---- lifecycle

  async transition(actor: Actor, id: number, body: { action: ProjectAction; reason?: string }): Promise<api.ProjectView> {
    return this.store.transaction(async (repos) => {
      const p = await this.load(actor, id, repos);
      const to = nextStatus(p.status, body.action);
      if (!to) throw new AppError('E8524', { state: STATUS_NAMES[p.status].zh, action: ACTION_NAMES[body.action].zh, field: 'action', value: body.action });
      this.requireActing(actor, p, ACTION_BY[body.action], body.action);
      if (body.action === 'terminate' && !body.reason?.trim()) throw new AppError('E8526', { field: 'reason' });
      const after: Project = { ...p, status: to, terminatedReason: body.action === 'terminate' ? body.reason!.trim() : p.terminatedReason, updatedAt: this.clock.now().toISOString() };
      await repos.projects.updateProject(after);
      await this.audit.record(repos, actor, { action: body.action === 'approve' ? 'approve' : body.action === 'terminate' ? 'close' : 'update', entity: 'project', entityKey: String(id), areaCode: p.areaCode, before: { status: p.status }, after: { status: to, reason: after.terminatedReason } });
      return (await this.views(repos, [after], actor))[0]!;
    });
  }

  async report(actor: Actor, id: number, body: api.ProgressBody): Promise<api.ProjectView> {
    return this.store.transaction(async (repos) => {
      const p = await this.load(actor, id, repos);
      if (p.status !== 'BUILDING') throw new AppError('E8524', { state: STATUS_NAMES[p.status].zh, action: '报送进展', field: 'id', value: id });
      this.requireActing(actor, p, 'owner', 'report');
      const today = this.today();
      const milestones = p.milestones.map((m) => ({ ...m }));
      for (const d of body.milestonesDone ?? []) {
        const m = milestones.find((x) => x.code === d.code);
        if (!m) throw new AppError('E8528', { row: 1, field: 'milestonesDone', value: d.code, reason: `没有节点 ${d.code} / no milestone ${d.code}` });
        if (d.doneDate > today) throw new AppError('E8527', { field: 'milestonesDone', rule: '完成日期不能晚于今天 / a milestone cannot be done in the future' });
        m.doneDate = d.doneDate;
      }
      const at = this.clock.now().toISOString();
      await repos.projects.insertProgress({ projectId: id, period: body.period ?? periodFor('quarterly', today), percent: body.percent, text: body.text, reportedBy: actor.username, reportedAt: at });
      const after: Project = { ...p, milestones, percent: body.percent, updatedAt: at };
      await repos.projects.updateProject(after);
      await this.audit.record(repos, actor, { action: 'submit', entity: 'project_progress', entityKey: String(id), areaCode: p.areaCode, after: { percent: body.percent, milestonesDone: body.milestonesDone ?? [] } });
      return (await this.views(repos, [after], actor))[0]!;
    });
  }

  async setTargets(actor: Actor, id: number, body: api.TargetsBody): Promise<api.TargetLeafView[]> {
    await this.store.transaction(async (repos) => {
      const p = await this.load(actor, id, repos);
      if (p.status === 'COMPLETED' || p.status === 'TERMINATED') throw new AppError('E8524', { state: STATUS_NAMES[p.status].zh, action: '修改绩效目标', field: 'id', value: id });
      this.requireActing(actor, p, 'owner', 'edit_targets');
      const used = new Set<string>();
      const leaves: TargetLeaf[] = body.leaves.map((l, i) => {
        if (!l.category || !l.sub || !l.name || l.unit === undefined || !l.direction || l.target === undefined) throw new AppError('E8528', { row: i + 1, field: 'leaves', reason: '须有类别、名称、单位、方向和目标值 / category, name, unit, direction and target are required' });
        const sub = { OUTPUT: ['QUANTITY', 'QUALITY', 'TIMELINESS', 'COST'], BENEFIT: ['SOCIAL', 'SUSTAINABLE'], SATISFACTION: ['SATISFACTION'] }[l.category];
        if (!sub.includes(l.sub)) throw new AppError('E8528', { row: i + 1, field: 'sub', reason: `${l.sub} 不属于 ${l.category} / ${l.sub} is not under ${l.category}` });
        let leafId = l.id ?? `T${i + 1}`;
        while (used.has(leafId)) leafId = `${leafId}x`;
        used.add(leafId);
        return { id: leafId, category: l.category, sub: l.sub, name: l.name, unit: l.unit, direction: l.direction, target: l.target, ...(l.indicator ? { indicator: l.indicator } : {}), actual: l.indicator ? null : (l.actual ?? null) };
      });
      await repos.projects.updateProject({ ...p, targets: leaves, updatedAt: this.clock.now().toISOString() });
      await this.audit.record(repos, actor, { action: 'update', entity: 'project_targets', entityKey: String(id), areaCode: p.areaCode, before: p.targets, after: leaves });
    });
    return this.liveTargets(actor, (await this.store.repos.projects.project(id))!);
  }

  /** 绩效自评 of a year from the 绩效目标表 (bound leaves live) and the project's execution rate; stored. */
  async selfEvaluate(actor: Actor, id: number, year: number): Promise<api.SelfEvalAnswer> {
    const p = await this.load(actor, id);
    this.requireActing(actor, p, 'owner', 'self_evaluate');
    if (p.status === 'DECLARED' || p.status === 'TERMINATED') throw new AppError('E8524', { state: STATUS_NAMES[p.status].zh, action: '绩效自评', field: 'id', value: id });
    const leaves = (await this.liveTargets(actor, p)).map((l) => ({ ...l, actual: l.actual }));
    const [view] = await this.views(this.store.repos, [p]);
    const result = selfEvaluate(leaves, view!.funds.rate);
    return this.store.transaction(async (repos) => {
      const at = this.clock.now().toISOString();
      const row = await repos.projects.insertSelfEval({ projectId: id, year, score: result.score, band: result.band, detail: { ...result, actuals: leaves.map((l) => ({ id: l.id, actual: l.actual })) }, by: actor.username, at });
      await this.audit.record(repos, actor, { action: 'score', entity: 'project_self_eval', entityKey: String(id), areaCode: p.areaCode, after: { year, score: result.score, band: result.band } });
      return { id: row.id, year, score: result.score, band: result.band, by: actor.username, at, leaves: result.leaves, budget: result.budget };
    });
  }

  // ---- acceptance (an evaluation by the type's standard)

  async acceptanceSheet(actor: Actor, id: number, period?: string): Promise<api.AcceptanceSheet> {
    const p = await this.load(actor, id);
    const std = this.standards.get(this.types.get(p.type).acceptance.standard);
    const per = period ?? (await this.analytics.periods(actor)).at(-1) ?? String(Number(this.today().slice(0, 4)) - 1);
    const auto = await this.automaticScores(actor, p, std.code, per);
    return {
      standard: std.code,
      standardName: std.name.zh,
      period: per,
      passLine: std.passLine,
      items: std.sections.flatMap((s) =>
        s.items.map((it) => {
          const a = auto.get(it.code);
          return { item: it.code, section: s.name.zh, name: it.name.zh, kind: it.kind, mode: it.mode.type, automatic: isAutomatic(it), max: it.max ?? null, points: a?.points ?? null, value: a?.value ?? null, veto: a?.veto ?? null, applicable: a ? a.applicable : true };
        }),
      ),
    };
  }

  /** The standard's automatic items for the subject (a facility's own report, or the county's indicators). */
  private async automaticScores(actor: Actor, p: Project, standard: string, period: string): Promise<Map<string, ItemScore>> {
    const answer = await this.autoscore.autoscore(actor, standard, period, ancestorCodes(p.areaCode)[3] ?? p.areaCode);
    const out = new Map<string, ItemScore>();
    for (const r of answer.rows)
      if (r.subjectCode === p.subjectCode)
        out.set(r.item, { item: r.item, applicable: r.applicable, points: r.points, max: r.maxPoints, veto: r.veto, numerator: r.numerator, denominator: r.denominator, value: r.value, band: r.band });
    return out;
  }

  async accept(actor: Actor, id: number, body: api.AcceptanceBody): Promise<api.ProjectDetail> {
    const p = await this.load(actor, id);
    if (p.status !== 'ACCEPTANCE') throw new AppError('E8524', { state: STATUS_NAMES[p.status].zh, action: ACTION_NAMES.accept.zh, field: 'id', value: id });
    this.requireActing(actor, p, 'manager', 'accept');
    const sheet = await this.acceptanceSheet(actor, id, body.period);
    const std = this.standards.get(sheet.standard);
    const scores = await this.automaticScores(actor, p, std.code, sheet.period);
    const items = new Map(allItems(std).map((i) => [i.code, i]));
    body.entries.forEach((e, i) => {
      const it = items.get(e.item);
      if (!it) throw new AppError('E8528', { row: i + 1, field: 'item', reason: `标准中没有 ${e.item} / no item ${e.item}` });
      const s = e.notApplicable ? { notApplicable: true as const } : e.veto !== undefined ? { veto: e.veto } : { points: e.points ?? NaN };
      const problem = isAutomatic(it) ? `${e.item} 由数据自动评分 / is scored from the data` : manualProblem(it, s);
      if (problem) throw new AppError('E8528', { row: i + 1, field: e.item, reason: problem });
      scores.set(it.code, scoreManual(it, s));
    });
    const total = totalScore(std, scores);
    if (total.missing.length) throw new AppError('E8528', { row: 0, field: 'entries', reason: `尚未评分：${total.missing.join('、')} / not scored yet: ${total.missing.join(', ')}` });
    const itemsOut = sheet.items.map((x) => {
      const s = scores.get(x.item);
      return { ...x, points: s?.points ?? null, value: s?.value ?? null, veto: s?.veto ?? null, applicable: s?.applicable ?? true };
    });
    await this.store.transaction(async (repos) => {
      const at = this.clock.now().toISOString();
      await repos.projects.insertAcceptance({ projectId: id, standard: std.code, period: sheet.period, items: itemsOut, total: total.total, passed: total.passed, note: body.note ?? null, by: actor.username, at });
      if (total.passed) await repos.projects.updateProject({ ...p, status: 'COMPLETED', percent: 100, updatedAt: at });
      await this.audit.record(repos, actor, { action: 'score', entity: 'project_acceptance', entityKey: String(id), areaCode: p.areaCode, after: { standard: std.code, total: total.total, passed: total.passed, vetoes: total.vetoes } });
    });
    return this.detail(actor, id);
  }

  /** The last performance band of each area (the mean of its projects' latest self-evaluations), by area code prefix of `length`. */
  async bandsByArea(prefix: string | null, codeLength: number): Promise<Map<string, Band>> {
    const sums = new Map<string, { total: number; n: number }>();
    for (const e of await this.store.repos.projects.latestSelfEvals(prefix)) {
      const key = e.areaCode.slice(0, codeLength);
      const s = sums.get(key) ?? { total: 0, n: 0 };
      s.total += e.score;
      s.n += 1;
      sums.set(key, s);
    }
    return new Map([...sums].map(([k, s]) => [k, bandOfScore(s.total / s.n)]));
  }
}

/** The longest code prefix all areas share (null for none): one scoped read for a page of projects. */
function commonPrefix(codes: string[]): string | null {
  let p = codes[0] ?? '';
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p.length ? p : null;
}

export function spendingView(s: Spending): api.SpendingView {
  return { id: s.id, projectId: s.projectId, areaCode: s.areaCode, year: s.year, spentOn: s.spentOn, amount: fenToYuan(s.amountFen), purpose: s.purpose, voucher: s.voucher, createdBy: s.createdBy, createdAt: s.createdAt };
}

