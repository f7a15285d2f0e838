/**
 * The outputs of a cycle (evaluation.md, "Outputs"): the ranked results in the caller's area with
 * each stage's total — the list a province sends up, and at PUBLICITY / NAMED the publicity and
 * naming lists — as rows (for the printed 公文 and the web), as a spreadsheet, and the count of
 * applications by stage per child area for the dashboard.
 */
import { scoreAutomatic, totalScore, type ItemScore, type Total } from '../../../domain/evaluation/scoring.js';
import { allItems } from '../../../domain/evaluation/standard.js';
import { reviewStages, type ReviewStage, type Stage } from '../../../domain/evaluation/workflow.js';
import { NATION_CODE, issuingOffice } from '../../../domain/org-unit.js';
import { chinaDay } from '../../../domain/period.js';
import { SYSTEM_ACTOR, type Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import { tableFile, type TableFile, type TableFormat } from '../../platform/files/table-file.js';
import type { AutoscoreService } from './autoscore.service.js';
import type { Application, Cycle } from './evaluation.repository.js';
import { scoreMapOf, STAGE_NAMES, type ReviewService } from './review.service.js';
import type { StandardService } from './standard.service.js';

export interface ResultRow {
  application: Application;
  totals: Partial<Record<ReviewStage, Total>>;
}

export interface Ranking {
  cycle: Cycle;
  /** Who issues the list: the caller's level. */
  issuer: string;
  /** Today in China (YYYY-MM-DD): the date the list is issued on. */
  issuedOn: string;
  stages: ReviewStage[];
  passLine: number;
  rows: { rank: number; provinceName: string; subjectCode: string; subjectName: string; stage: Stage; totals: Partial<Record<ReviewStage, number>>; passed: boolean | null; note: string | null; publicityUntil: string | null; namedYear: number | null }[];
}

export interface Overview {
  cycle: Cycle;
  /** The caller's area and its child areas, each with its applications counted by stage. */
  area: { code: string; name: string };
  rows: { code: string; name: string; counts: Partial<Record<Stage, number>>; total: number }[];
  totals: Partial<Record<Stage, number>>;
}

export class ResultsService {
  constructor(
    private readonly store: Store,
    private readonly standards: StandardService,
    private readonly autoscore: AutoscoreService,
    private readonly reviews: ReviewService,
    private readonly clock: Clock,
  ) {}

  /**
   * The ranked results of a cycle in the caller's area: every application with its stage and the
   * total each stage gave (automatic items read once for all subjects), best national total first
   * — the list a province sends up, and (stage PUBLICITY or NAMED) the publicity and naming lists.
   */
  async results(actor: Actor, cycleCode: string, stage?: Stage): Promise<ResultRow[]> {
    const cycle = await this.reviews.cycle(cycleCode);
    const std = this.standards.get(cycle.standard);
    const apps = await this.store.repos.evaluation.applications(cycleCode, this.reviews.areaOf(actor), stage);
    if (!apps.length) return [];
    const area = actor.scope.kind === 'nation' ? NATION_CODE : this.reviews.areaOf(actor).code;
    const { rows } = await this.autoscore.autoscore(SYSTEM_ACTOR, std.code, cycle.assessmentYear, area);
    const items = new Map(allItems(std).map((i) => [i.code, i]));
    const auto = new Map<string, Map<string, ItemScore>>();
    for (const r of rows) {
      let m = auto.get(r.subjectCode);
      if (!m) auto.set(r.subjectCode, (m = new Map()));
      m.set(r.item, scoreAutomatic(items.get(r.item)!, r.numerator === null || r.denominator === null ? null : { numerator: r.numerator, denominator: r.denominator }));
    }
    const stages = reviewStages(std.cityPreReview);
    const out: ResultRow[] = [];
    const scores = await this.store.repos.evaluation.scoresOf(apps.map((a) => a.id));
    for (const app of apps) {
      const stored = scores.get(app.id) ?? [];
      const totals: Partial<Record<ReviewStage, Total>> = {};
      for (const s of stages) {
        const mine = stored.filter((x) => x.stage === s);
        if (mine.length) totals[s] = totalScore(std, scoreMapOf(std, auto.get(app.subjectCode) ?? new Map(), mine));
      }
      out.push({ application: app, totals });
    }
    const last = (r: ResultRow) => [...stages].reverse().map((s) => r.totals[s]?.total).find((t) => t !== undefined) ?? -1;
    return out.sort((a, b) => last(b) - last(a) || a.application.subjectCode.localeCompare(b.application.subjectCode));
  }

  /**
   * The results as the rows of a list (the spreadsheet's and the printed 公文's): 序号, 省份,
   * 单位, 阶段, each stage's total, 是否达到合格线, 意见.
   */
  async ranking(actor: Actor, cycleCode: string, stage: Stage | undefined): Promise<Ranking> {
    const cycle = await this.reviews.cycle(cycleCode);
    const std = this.standards.get(cycle.standard);
    const rows = await this.results(actor, cycleCode, stage);
    const stages = reviewStages(std.cityPreReview);
    const provinces = new Map((await this.store.repos.divisions.getMany([...new Set(rows.map((r) => r.application.subjectCode.slice(0, 2)))])).map((d) => [d.code, d.name]));
    const lastStage = (r: ResultRow) => [...stages].reverse().find((s) => r.totals[s]);
    return {
      cycle,
      issuer: await this.issuer(actor),
      issuedOn: chinaDay(this.clock.now()),
      stages,
      passLine: std.passLine,
      rows: rows.map((r, i) => {
        const t = lastStage(r);
        return {
          rank: i + 1,
          provinceName: provinces.get(r.application.subjectCode.slice(0, 2)) ?? r.application.subjectCode.slice(0, 2),
          subjectCode: r.application.subjectCode,
          subjectName: r.application.subjectName,
          stage: r.application.stage,
          totals: Object.fromEntries(stages.flatMap((s) => (r.totals[s] ? [[s, r.totals[s]!.total]] : []))) as Partial<Record<ReviewStage, number>>,
          passed: t ? r.totals[t]!.passed : null,
          note: r.application.decisionNote,
          publicityUntil: r.application.publicityUntil,
          namedYear: r.application.namedYear,
        };
      }),
    };
  }

  /** The results as a spreadsheet: 序号, 省份, 单位, 阶段, each stage's total, 是否达到合格线. */
  async resultsFile(actor: Actor, cycleCode: string, stage: Stage | undefined, format: TableFormat): Promise<TableFile> {
    const { cycle, stages, rows } = await this.ranking(actor, cycleCode, stage);
    const columns = [
      { key: 'rank', header: '序号', width: 6 },
      { key: 'province', header: '省份', width: 14 },
      { key: 'code', header: '单位代码', width: 10 },
      { key: 'name', header: '单位', width: 18 },
      { key: 'stage', header: '阶段', width: 10 },
      ...stages.map((s) => ({ key: s, header: `${STAGE_NAMES[s]}总分`, width: 12 })),
      { key: 'passed', header: '是否达到合格线', width: 14 },
      { key: 'note', header: '意见', width: 40 },
    ];
    const body = rows.map((r) => ({
      rank: r.rank,
      province: r.provinceName,
      code: r.subjectCode,
      name: r.subjectName,
      stage: STAGE_NAMES[r.stage],
      ...Object.fromEntries(stages.map((s) => [s, r.totals[s] ?? null])),
      passed: r.passed === null ? '' : r.passed ? '是' : '否',
      note: r.note ?? '',
    }));
    const title = stage === 'PUBLICITY' ? '公示名单' : stage === 'NAMED' ? '命名名单' : '评审结果';
    return tableFile(`${title}-${cycle.code}`, title, columns, body, format);
  }

  /** The cycle's applications in the caller's area counted by stage for each child area (the nation: by province). */
  async overview(actor: Actor, cycleCode: string): Promise<Overview> {
    const cycle = await this.reviews.cycle(cycleCode);
    const area = this.reviews.areaOf(actor);
    const apps = await this.store.repos.evaluation.applications(cycle.code, area);
    const width = [2, 4, 6, 6][Math.min(area.level, 3)];
    const childCodes = [...new Set(apps.map((a) => a.subjectCode.slice(0, width)))];
    const names = new Map((await this.store.repos.divisions.getMany([...childCodes, ...(area.level ? [area.code] : [])])).map((d) => [d.code, d.name]));
    const totals: Partial<Record<Stage, number>> = {};
    const rows = new Map<string, Overview['rows'][number]>();
    for (const a of apps) {
      const code = a.subjectCode.slice(0, width);
      let r = rows.get(code);
      if (!r) rows.set(code, (r = { code, name: names.get(code) ?? code, counts: {}, total: 0 }));
      r.counts[a.stage] = (r.counts[a.stage] ?? 0) + 1;
      r.total++;
      totals[a.stage] = (totals[a.stage] ?? 0) + 1;
    }
    return { cycle, area: { code: area.level ? area.code : NATION_CODE, name: area.level ? (names.get(area.code) ?? area.code) : '全国' }, rows: [...rows.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)), totals };
  }

  /** The office that issues a list at the caller's level (国家中医药管理局, 云南省中医药管理局, 昆明市卫生健康委员会 …). */
  private async issuer(actor: Actor): Promise<string> {
    const area = this.reviews.areaOf(actor);
    if (!area.level) return issuingOffice(NATION_CODE, '');
    return issuingOffice(area.code, (await this.store.repos.divisions.get(area.code))?.name ?? area.code);
  }

  /**
   * One application's score sheet as a spreadsheet: every item with its points, the automatic
   * score and its basis, each stage's score, the evidence attached; the totals last.
   */
  async sheetFile(actor: Actor, id: number, format: TableFormat): Promise<TableFile> {
    const v = await this.reviews.view(actor, id);
    const std = this.standards.get(v.cycle.standard);
    const columns = [
      { key: 'item', header: '评分项', width: 8 },
      { key: 'name', header: '内容', width: 36 },
      { key: 'kind', header: '类别', width: 8 },
      { key: 'max', header: '分值', width: 8 },
      { key: 'auto', header: '自动得分', width: 10 },
      { key: 'basis', header: '依据（分子/分母，值）', width: 26 },
      ...v.stages.map((s) => ({ key: s, header: STAGE_NAMES[s], width: 10 })),
      { key: 'evidence', header: '佐证材料', width: 30 },
    ];
    const kinds = { BASIC: '基本项', BONUS: '加分项', VETO: '否决项' } as const;
    const manual = (sc: { applicable: boolean; veto: boolean | null; points: number | null } | undefined) =>
      !sc ? null : !sc.applicable ? '不适用' : sc.veto !== null ? (sc.veto ? '否决' : '否') : sc.points;
    const rows: Record<string, string | number | null>[] = allItems(std).map((it) => {
      const row = v.items.find((i) => i.code === it.code)!;
      const a = row.auto;
      return {
        item: it.code,
        name: it.name.zh,
        kind: kinds[it.kind],
        max: it.max ?? null,
        auto: !row.automatic ? null : !a || !a.applicable ? '不适用' : a.veto !== null ? (a.veto ? '触发否决' : '未触发') : a.points,
        basis: row.automatic && a?.applicable ? `${a.numerator ?? '–'}/${a.denominator ?? '–'}，${a.value === null ? '–' : `${(a.value * 100).toFixed(1)}%`}` : null,
        ...Object.fromEntries(v.stages.map((s) => [s, row.automatic ? null : manual(row.stages[s])])),
        evidence: v.evidence.filter((e) => e.item === it.code).map((e) => e.filename).join('；') || null,
      };
    });
    rows.push({ item: '总分', name: `满分 ${std.scale}，合格线 ${std.passLine}`, kind: null, max: null, auto: null, basis: null, ...Object.fromEntries(v.stages.map((s) => [s, v.totals[s]?.total ?? null])), evidence: null });
    return tableFile(`评分表-${v.application.subjectName}-${v.cycle.code}`, '评分表', columns, rows, format);
  }
}
