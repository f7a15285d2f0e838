/**
 * The on-site review (现场评审) of the national review: the nation draws a cycle's sample among
 * the applications at the national review — every unit with a risk (a self total well above the
 * province's, low report completeness) plus some at random, seeded so the draw can be re-checked —
 * and the assigned experts (or the national reviewer) fill each sampled unit's checklist on a
 * tablet: every item with the review's methods (访谈, 查资料, 看数据, 技术考核, 实地查看), a
 * finding (符合 / 基本符合 / 不符合) and a note. A sampled unit passes the national review only
 * with its checklist complete.
 */
import { AppError } from '../../../domain/errors.js';
import { drawSample, DEFAULT_SAMPLE_RULE, type CheckResult, type SamplePick, type SampleRule } from '../../../domain/evaluation/onsite.js';
import { allItems, methodsOf, type ReviewMethod } from '../../../domain/evaluation/standard.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { requireRole, SYSTEM_ACTOR, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { AutoscoreService } from './autoscore.service.js';
import type { Application } from './evaluation.repository.js';
import type { OnsiteCheck, SampledApplication } from './onsite.repository.js';
import type { ResultsService } from './results.service.js';
import type { ReviewService } from './review.service.js';
import type { StandardService } from './standard.service.js';

export interface SampleView extends SamplePick {
  subjectName: string;
  stage: Application['stage'];
  /** Items with a finding, of all items. */
  checked: number;
  items: number;
}

export interface ChecklistView {
  application: Application;
  sampled: SampledApplication | null;
  items: { code: string; methods: ReviewMethod[]; check: OnsiteCheck | null }[];
  /** Whether the caller may record findings now. */
  canCheck: boolean;
}

export interface CheckEntry {
  item: string;
  result: CheckResult;
  note?: string;
}

export class OnsiteService {
  constructor(
    private readonly store: Store,
    private readonly standards: StandardService,
    private readonly autoscore: AutoscoreService,
    private readonly reviews: ReviewService,
    private readonly results: ResultsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private requireNation(actor: Actor): void {
    requireRole(actor, ['SYSTEM_ADMIN', 'AREA_ADMIN']);
    if (actor.scope.kind !== 'nation') throw new AppError('E2102', { field: 'sample' });
  }

  /** Draws (or draws again, before any finding) the cycle's on-site sample among its applications at the national review. */
  async draw(actor: Actor, cycleCode: string, rule: Partial<SampleRule> & { random: number }): Promise<SampleView[]> {
    this.requireNation(actor);
    const cycle = await this.reviews.cycle(cycleCode);
    const checked = await this.store.repos.onsite.checkedCount(cycle.code);
    if (checked) throw new AppError('E7022', { field: 'cycle', count: checked });
    const std = this.standards.get(cycle.standard);
    const results = await this.results.results(actor, cycle.code, 'NATIONAL');
    const completenessItem = allItems(std).find((i) => i.mode.type === 'COMPLETENESS_BELOW');
    const completeness = new Map<string, number | null>();
    if (completenessItem && results.length) {
      const { rows } = await this.autoscore.autoscore(SYSTEM_ACTOR, std.code, cycle.assessmentYear, NATION_CODE);
      for (const r of rows) if (r.item === completenessItem.code) completeness.set(r.subjectCode, r.value);
    }
    const seed = rule.seed ?? Math.floor(this.clock.now().getTime() / 1000) % 1_000_000;
    const picks = drawSample(
      results.map((r) => ({
        applicationId: r.application.id,
        subjectCode: r.application.subjectCode,
        selfTotal: r.totals.SELF?.total ?? null,
        provinceTotal: r.totals.PROVINCE?.total ?? null,
        completeness: completeness.get(r.application.subjectCode) ?? null,
      })),
      { ...DEFAULT_SAMPLE_RULE, ...rule, seed },
    );
    const at = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.onsite.replaceSample(cycle.code, picks.map((p) => ({ applicationId: p.applicationId, reasons: p.reasons, detail: p.detail, seed, drawnBy: actor.username, drawnAt: at })));
      await this.audit.record(repos, actor, { action: 'create', entity: 'eval_onsite', entityKey: cycle.code, areaCode: NATION_CODE, after: { rule: { ...DEFAULT_SAMPLE_RULE, ...rule, seed }, candidates: results.length, drawn: picks.map((p) => [p.subjectCode, p.reasons.join('+')]) } });
    });
    return this.sample(actor, cycle.code);
  }

  /** The cycle's sample in the caller's area, with each unit's progress on its checklist. */
  async sample(actor: Actor, cycleCode: string): Promise<SampleView[]> {
    const cycle = await this.reviews.cycle(cycleCode);
    const std = this.standards.get(cycle.standard);
    const inArea = new Map((await this.reviews.list(actor, cycle.code)).map((a) => [a.id, a]));
    const out: SampleView[] = [];
    for (const s of await this.store.repos.onsite.sample(cycle.code)) {
      const app = inArea.get(s.applicationId);
      if (!app) continue;
      const checks = await this.store.repos.onsite.checks(s.applicationId);
      out.push({ applicationId: app.id, subjectCode: app.subjectCode, subjectName: app.subjectName, stage: app.stage, reasons: s.reasons, detail: s.detail, checked: checks.length, items: allItems(std).length });
    }
    return out;
  }

  async checklist(actor: Actor, applicationId: number): Promise<ChecklistView> {
    const { app, std } = await this.reviews.load(actor, applicationId);
    const sampled = await this.store.repos.onsite.sampled(applicationId);
    const checks = new Map((await this.store.repos.onsite.checks(applicationId)).map((c) => [c.item, c]));
    return {
      application: app,
      sampled,
      items: allItems(std).map((it) => ({ code: it.code, methods: methodsOf(it), check: checks.get(it.code) ?? null })),
      canCheck: sampled !== null && app.stage === 'NATIONAL' && (await this.mayCheck(actor, app)),
    };
  }

  /** Records findings: the national reviewer, or an expert assigned to the application, while it is at the national review. */
  async check(actor: Actor, applicationId: number, entries: CheckEntry[]): Promise<ChecklistView> {
    const { app, std } = await this.reviews.load(actor, applicationId);
    if (!(await this.store.repos.onsite.sampled(applicationId))) throw new AppError('E7021', { field: 'id', value: applicationId });
    if (app.stage !== 'NATIONAL') throw new AppError('E7006', { field: 'stage', stage: app.stage });
    if (!(await this.mayCheck(actor, app))) throw new AppError('E7023', { field: 'id', value: applicationId });
    const items = new Set(allItems(std).map((i) => i.code));
    const at = this.clock.now().toISOString();
    const rows: OnsiteCheck[] = entries.map((e) => {
      if (!items.has(e.item)) throw new AppError('E7007', { field: 'item', value: e.item, item: e.item, rule: 'unknown item' });
      if (e.result !== 'MET' && !e.note?.trim()) throw new AppError('E7012', { field: `note.${e.item}` });
      return { item: e.item, result: e.result, note: e.note?.trim() || null, checkedBy: actor.username, checkedAt: at };
    });
    await this.store.transaction(async (repos) => {
      await repos.onsite.upsertChecks(applicationId, rows);
      await this.audit.record(repos, actor, { action: 'score', entity: 'eval_application', entityKey: String(applicationId), areaCode: app.subjectCode, after: { onsite: rows.map(({ item, result }) => ({ item, result })) } });
    });
    return this.checklist(actor, applicationId);
  }

  private async mayCheck(actor: Actor, app: Application): Promise<boolean> {
    if (actor.scope.kind === 'nation' && (actor.role === 'AREA_ADMIN' || actor.role === 'SYSTEM_ADMIN')) return true;
    const me = await this.store.repos.experts.byUsername(actor.username);
    return me !== null && (await this.store.repos.experts.applicationsOf(me.id)).includes(app.id);
  }
}
