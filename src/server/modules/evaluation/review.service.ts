/**
 * Cycles and the review of applications (../shared/docs/modules/evaluation.md, "Cycles and the
 * review workflow"): a county enrols (or its province enrols it) → self-assessment → city
 * pre-review when the standard asks → provincial review → national review → publicity (公示) with
 * objections each resolved → naming, which grants the standard's title in `division_title` from
 * the naming year, so the 14th indicator counts it at the engine's next sync. A return sends an
 * application one stage back with a reason. Each stage scores the manual items; the automatic
 * items are read live; every stage's scores stand side by side with the gaps flagged. Every step
 * is audited; every read and write is scoped to the subject's area.
 */
import { AppError } from '../../../domain/errors.js';
import { manualProblem, scoreAutomatic, scoreManual, totalScore, type ItemScore, type ManualScore, type Total } from '../../../domain/evaluation/scoring.js';
import { allItems, isAutomatic, type Standard } from '../../../domain/evaluation/standard.js';
import { nextStage, previousStage, reviewStages, STAGE_LEVEL, stageGaps, type ReviewStage, type Stage } from '../../../domain/evaluation/workflow.js';
import { levelOfCode, NATION_CODE } from '../../../domain/org-unit.js';
import { chinaDay } from '../../../domain/period.js';
import { divisionInScope, NATION_AREA, type Area } from '../../../domain/scope.js';
import { requireRole, SYSTEM_ACTOR, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import { tableFile, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { Repositories } from '../../platform/registry.js';
import type { AutoscoreService } from './autoscore.service.js';
import type { Evidence } from './evidence.repository.js';
import type { Application, Cycle, Objection, StoredScore } from './evaluation.repository.js';
import type { StandardService } from './standard.service.js';

const ACTORS = ['SYSTEM_ADMIN', 'AREA_ADMIN'] as const;
export const STAGE_NAMES: Record<Stage, string> = { SELF: '自评', CITY: '市级预审', PROVINCE: '省级评审', NATIONAL: '国家评审', PUBLICITY: '公示', NAMED: '已命名', REJECTED: '未通过' };




/** A cycle as opened: its deadlines and publicity days may be left out (none, 7). */
export type NewCycle = Omit<Cycle, 'createdAt' | 'deadlines' | 'publicityDays'> & Partial<Pick<Cycle, 'deadlines' | 'publicityDays'>>;

export interface ScoreEntry {
  item: string;
  points?: number;
  veto?: boolean;
  notApplicable?: boolean;
  note?: string;
}

export interface ApplicationView {
  application: Application;
  cycle: Cycle;
  stages: ReviewStage[];
  /** Each item with the automatic score (read live) or each stage's manual score. */
  items: { code: string; automatic: boolean; auto: ItemScore | null; stages: Partial<Record<ReviewStage, StoredScore>> }[];
  /** The total as each stage scored it (the automatic items the same for all). */
  totals: Partial<Record<ReviewStage, Total>>;
  gaps: { item: string; from: ReviewStage; to: ReviewStage; difference: number }[];
  objections: Objection[];
  experts: { id: number; name: string; provinceCode: string; specialty: string }[];
  /** The files attached to the items (佐证材料), in upload order. */
  evidence: Evidence[];
  /** Whether the caller acts at the application's stage now. */
  canAct: boolean;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The automatic scores with a stage's manual scores laid over them: what its total is computed from. */
export function scoreMapOf(std: Standard, auto: Map<string, ItemScore>, manual: StoredScore[]): Map<string, ItemScore> {
  const out = new Map(auto);
  const items = new Map(allItems(std).map((i) => [i.code, i]));
  for (const s of manual) {
    const it = items.get(s.item);
    if (!it) continue;
    out.set(s.item, scoreManual(it, s.applicable ? (s.veto !== null ? { veto: s.veto } : { points: s.points ?? 0 }) : { notApplicable: true }));
  }
  return out;
}

export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly standards: StandardService,
    private readonly autoscore: AutoscoreService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return chinaDay(this.clock.now());
  }

  // ---- cycles

  async createCycle(actor: Actor, c: NewCycle): Promise<Cycle> {
    requireRole(actor, ACTORS);
    if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'cycle' });
    const std = this.standards.get(c.standard);
    const cycle: Cycle = { ...c, standard: std.code, deadlines: c.deadlines ?? {}, publicityDays: c.publicityDays ?? 7, createdAt: this.clock.now().toISOString() };
    return this.store.transaction(async (repos) => {
      if (await repos.evaluation.cycle(c.code)) throw new AppError('E7014', { field: 'code', value: c.code });
      await repos.evaluation.insertCycle(cycle);
      await this.audit.record(repos, actor, { action: 'create', entity: 'eval_cycle', entityKey: c.code, areaCode: NATION_CODE, after: cycle });
      return cycle;
    });
  }

  async cycles(): Promise<Cycle[]> {
    return this.store.repos.evaluation.cycles();
  }

  async cycle(code: string): Promise<Cycle> {
    const c = await this.store.repos.evaluation.cycle(code);
    if (!c) throw new AppError('E7003', { field: 'cycle', value: code });
    return c;
  }

  // ---- applications

  /** A county enrols itself, or its city, province or the nation enrols it, within the application window. */
  async enrol(actor: Actor, cycleCode: string, subjectCode: string): Promise<Application> {
    requireRole(actor, ACTORS);
    const cycle = await this.cycle(cycleCode);
    const std = this.standards.get(cycle.standard);
    this.requireScope(actor, subjectCode);
    const level = std.subject.kind === 'CITY' ? 2 : 3;
    const subject = levelOfCode(subjectCode) === level ? await this.store.repos.divisions.get(subjectCode) : null;
    if (!subject || std.subject.kind === 'FACILITY') throw new AppError('E7013', { field: 'subject', value: subjectCode, subject: std.subject.kind });
    const today = this.today();
    if (today < cycle.applyFrom || today > cycle.applyTo) throw new AppError('E7011', { field: 'cycle', from: cycle.applyFrom, to: cycle.applyTo });
    return this.store.transaction(async (repos) => {
      if (await repos.evaluation.applicationOf(cycle.code, subjectCode)) throw new AppError('E7005', { field: 'subject', value: subjectCode });
      const at = this.clock.now().toISOString();
      const app = await repos.evaluation.insertApplication({ cycle: cycle.code, subjectCode, subjectName: subject.name, stage: 'SELF', decisionNote: null, publicityUntil: null, namedYear: null, createdAt: at, updatedAt: at });
      await this.audit.record(repos, actor, { action: 'enrol', entity: 'eval_application', entityKey: String(app.id), areaCode: subjectCode, after: app });
      return app;
    });
  }

  /** A cycle's applications in the caller's area, optionally at one stage. */
  async list(actor: Actor, cycleCode: string, stage?: Stage): Promise<Application[]> {
    await this.cycle(cycleCode);
    return this.store.repos.evaluation.applications(cycleCode, this.areaOf(actor), stage);
  }

  async view(actor: Actor, id: number): Promise<ApplicationView> {
    const { app, cycle, std } = await this.load(actor, id);
    const stages = reviewStages(std.cityPreReview);
    const auto = await this.automatic(std, cycle, app.subjectCode);
    const stored = await this.store.repos.evaluation.scores(id);
    const items = allItems(std).map((it) => ({
      code: it.code,
      automatic: isAutomatic(it),
      auto: auto.get(it.code) ?? null,
      stages: Object.fromEntries(stored.filter((s) => s.item === it.code).map((s) => [s.stage, s])) as Partial<Record<ReviewStage, StoredScore>>,
    }));
    const totals: ApplicationView['totals'] = {};
    const points: Partial<Record<ReviewStage, Map<string, number | null>>> = {};
    for (const stage of stages) {
      const mine = stored.filter((s) => s.stage === stage);
      if (!mine.length) continue;
      totals[stage] = totalScore(std, scoreMapOf(std, auto, mine));
      points[stage] = new Map(mine.map((s) => [s.item, s.points]));
    }
    const experts = (await this.store.repos.experts.assignments(id)).map(({ expert: e }) => ({ id: e.id, name: e.name, provinceCode: e.provinceCode, specialty: e.specialty }));
    return { application: app, cycle, stages, items, totals, gaps: stageGaps(points, stages), objections: await this.store.repos.evaluation.objections(id), experts, evidence: await this.store.repos.evidence.of([id]), canAct: this.acts(actor, app) };
  }

  /** The caller's stage scores the manual items given (automatic items are read from the data). */
  async score(actor: Actor, id: number, entries: ScoreEntry[]): Promise<ApplicationView> {
    const { app, std } = await this.load(actor, id);
    const stage = this.requireActing(actor, app);
    const items = new Map(allItems(std).map((i) => [i.code, i]));
    const at = this.clock.now().toISOString();
    const rows: StoredScore[] = entries.map((e) => {
      const it = items.get(e.item);
      if (!it) throw new AppError('E7007', { field: 'item', value: e.item, item: e.item, rule: 'unknown item' });
      if (isAutomatic(it)) throw new AppError('E7015', { field: 'item', value: e.item, item: e.item });
      const s: ManualScore = e.notApplicable ? { notApplicable: true } : e.veto !== undefined ? { veto: e.veto } : { points: e.points ?? NaN };
      const problem = manualProblem(it, s);
      if (problem) throw new AppError('E7007', { field: 'item', value: e.item, item: e.item, rule: problem });
      const sc = scoreManual(it, s);
      return { stage, item: it.code, points: sc.points, veto: sc.veto, applicable: sc.applicable, note: e.note?.trim() || null, scoredBy: actor.username, scoredAt: at };
    });
    await this.store.transaction(async (repos) => {
      await repos.evaluation.upsertScores(id, rows);
      await this.audit.record(repos, actor, { action: 'score', entity: 'eval_application', entityKey: String(id), areaCode: app.subjectCode, after: { stage, scores: rows.map(({ item, points, veto, applicable }) => ({ item, points, veto, applicable })) } });
    });
    return this.view(actor, id);
  }

  /**
   * The caller's stage decides: `pass` (every manual item scored at this stage) sends it on — the
   * national review's pass, only for a unit the standard passes (total ≥ pass line, no veto), into
   * publicity for the cycle's days; `reject` (with a note) ends it.
   */
  async submit(actor: Actor, id: number, decision: 'pass' | 'reject', note?: string): Promise<Application> {
    const { app, std, cycle } = await this.load(actor, id);
    const stage = this.requireActing(actor, app);
    if (decision === 'reject' && !note?.trim()) throw new AppError('E7012', { field: 'note' });
    let set: Partial<Application> = {};
    if (decision === 'reject') set = { stage: 'REJECTED', decisionNote: note!.trim() };
    else {
      const mine = (await this.store.repos.evaluation.scores(id)).filter((s) => s.stage === stage);
      const scored = new Set(mine.map((s) => s.item));
      const missing = allItems(std).filter((i) => !isAutomatic(i) && !scored.has(i.code)).map((i) => i.code);
      if (missing.length) throw new AppError('E7008', { field: 'scores', missing: missing.join('、') });
      // The national review passes into publicity only what the standard passes.
      if (stage === 'NATIONAL') {
        // A unit drawn for the on-site review passes only with its checklist complete.
        if (await this.store.repos.onsite.sampled(id)) {
          const done = new Set((await this.store.repos.onsite.checks(id)).map((c) => c.item));
          const lacking = allItems(std).filter((i) => !done.has(i.code)).map((i) => i.code);
          if (lacking.length) throw new AppError('E7024', { field: 'onsite', missing: lacking.join('、') });
        }
        const t = totalScore(std, scoreMapOf(std, await this.automatic(std, cycle, app.subjectCode), mine));
        if (!t.passed) throw new AppError('E7016', { field: 'decision', total: t.total, passLine: std.passLine, vetoes: t.vetoes.join('、') || '无' });
      }
      const next = nextStage(stage, std.cityPreReview)!;
      set = { stage: next, decisionNote: note?.trim() || null, ...(next === 'PUBLICITY' ? { publicityUntil: addDays(this.today(), cycle.publicityDays) } : {}) };
    }
    return this.change(actor, app, set, 'submit');
  }

  /** Back one stage with a reason (the self-assessment has none before it). */
  async returnApplication(actor: Actor, id: number, reason: string): Promise<Application> {
    const { app, std } = await this.load(actor, id);
    this.requireActing(actor, app);
    if (!reason?.trim()) throw new AppError('E7012', { field: 'reason' });
    const back = previousStage(app.stage, std.cityPreReview);
    if (!back) throw new AppError('E7006', { field: 'stage', stage: app.stage });
    return this.change(actor, app, { stage: back, decisionNote: reason.trim(), publicityUntil: null }, 'return');
  }

  // ---- publicity and naming

  async object(actor: Actor, id: number, text: string): Promise<Objection> {
    const { app } = await this.load(actor, id);
    if (app.stage !== 'PUBLICITY') throw new AppError('E7006', { field: 'stage', stage: app.stage });
    this.requireActing(actor, app);
    if (!text?.trim()) throw new AppError('E7012', { field: 'text' });
    return this.store.transaction(async (repos) => {
      const o = await repos.evaluation.insertObjection({ applicationId: id, text: text.trim(), receivedAt: this.clock.now().toISOString(), recordedBy: actor.username, resolution: null, resolvedBy: null, resolvedAt: null });
      await this.audit.record(repos, actor, { action: 'object', entity: 'eval_application', entityKey: String(id), areaCode: app.subjectCode, after: o });
      return o;
    });
  }

  async resolve(actor: Actor, objectionId: number, resolution: string): Promise<Objection> {
    const o = await this.store.repos.evaluation.objection(objectionId);
    if (!o) throw new AppError('E7004', { field: 'objection', value: objectionId });
    const { app } = await this.load(actor, o.applicationId);
    this.requireActing(actor, app);
    if (!resolution?.trim()) throw new AppError('E7012', { field: 'resolution' });
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.evaluation.resolveObjection(objectionId, resolution.trim(), actor.username, at);
      await this.audit.record(repos, actor, { action: 'resolve', entity: 'eval_application', entityKey: String(app.id), areaCode: app.subjectCode, before: o, after: { resolution: resolution.trim() } });
    });
    return (await this.store.repos.evaluation.objection(objectionId))!;
  }

  /** Names the unit once publicity has ended with every objection resolved: grants the standard's title from this year. */
  async name(actor: Actor, id: number): Promise<Application> {
    const { app, std } = await this.load(actor, id);
    if (app.stage !== 'PUBLICITY') throw new AppError('E7006', { field: 'stage', stage: app.stage });
    this.requireActing(actor, app);
    const today = this.today();
    if (app.publicityUntil && today <= app.publicityUntil) throw new AppError('E7010', { field: 'stage', until: app.publicityUntil });
    if ((await this.store.repos.evaluation.objections(id)).some((o) => o.resolution === null)) throw new AppError('E7009', { field: 'objections' });
    const year = Number(today.slice(0, 4));
    return this.change(actor, app, { stage: 'NAMED', namedYear: year }, 'name', async (repos) => {
      if (std.title) await repos.titles.upsertMany([{ divisionCode: app.subjectCode, title: std.title, granted: year, withdrawn: null, source: app.cycle }]);
    });
  }

  // ---- helpers

  private async change(actor: Actor, app: Application, set: Partial<Application>, action: 'submit' | 'return' | 'name', also?: (repos: Repositories) => Promise<void>): Promise<Application> {
    return this.store.transaction(async (repos) => {
      const at = this.clock.now().toISOString();
      await repos.evaluation.updateApplication(app.id, { ...set, updatedAt: at });
      await also?.(repos);
      const after = (await repos.evaluation.application(app.id))!;
      await this.audit.record(repos, actor, { action, entity: 'eval_application', entityKey: String(app.id), areaCode: app.subjectCode, before: { stage: app.stage }, after: { stage: after.stage, note: after.decisionNote } });
      return after;
    });
  }

  async load(actor: Actor, id: number): Promise<{ app: Application; cycle: Cycle; std: Standard }> {
    const app = await this.store.repos.evaluation.application(id);
    // Out of scope reads as not found: nobody learns which other counties applied.
    if (!app || !this.inScope(actor, app.subjectCode)) throw new AppError('E7004', { field: 'id', value: id });
    const cycle = await this.cycle(app.cycle);
    return { app, cycle, std: this.standards.get(cycle.standard) };
  }

  areaOf(actor: Actor): Area {
    const s = actor.scope;
    if (s.kind === 'facility') throw new AppError('E2102', { field: 'area' });
    return s.kind === 'nation' ? NATION_AREA : { level: s.level, code: s.code };
  }

  private inScope(actor: Actor, code: string): boolean {
    const s = actor.scope;
    return s.kind === 'nation' || (s.kind === 'division' && divisionInScope(s, code));
  }

  private requireScope(actor: Actor, code: string): void {
    if (!this.inScope(actor, code)) throw new AppError('E2102', { field: 'subject', value: code });
  }

  /** Whether the caller is the level that acts at the application's stage. */
  acts(actor: Actor, app: Application): boolean {
    if (!(ACTORS as readonly string[]).includes(actor.role)) return false;
    const level = STAGE_LEVEL[app.stage as keyof typeof STAGE_LEVEL];
    if (level === undefined) return false;
    const s = actor.scope;
    return s.kind === 'nation' ? level === 0 : s.kind === 'division' && s.level === level;
  }

  requireActing(actor: Actor, app: Application): ReviewStage {
    requireRole(actor, ACTORS);
    if (!this.acts(actor, app)) throw new AppError('E7006', { field: 'stage', stage: app.stage });
    return app.stage as ReviewStage;
  }

  /** The automatic items of the subject for the cycle's assessment year, live. */
  private async automatic(std: Standard, cycle: Cycle, subject: string): Promise<Map<string, ItemScore>> {
    const { rows } = await this.autoscore.autoscore(SYSTEM_ACTOR, std.code, cycle.assessmentYear, subject);
    const items = new Map(allItems(std).map((i) => [i.code, i]));
    return new Map(
      rows.map((r) => [r.item, scoreAutomatic(items.get(r.item)!, r.numerator === null || r.denominator === null ? null : { numerator: r.numerator, denominator: r.denominator })]),
    );
  }

}
