/**
 * Indicators for any area at any level, inside the caller's scope: values with completeness
 * beside them, target status, projections to the deadline, gap lists, a facility's own values.
 */
import { AppError } from '../../../domain/errors.js';
import { project, targetStatus, type Indicator, type IndicatorRow } from '../../../domain/indicator.js';
import { completenessLevel, completenessRate } from '../../../domain/completeness.js';

export type { IndicatorRow };
import { ancestorCodes, CODE_LENGTH, NATION_CODE, NATION_NAME, type DivisionLevel } from '../../../domain/org-unit.js';
import { areaOf, divisionInScope, NATION_AREA, type Area } from '../../../domain/scope.js';
import type { AnalyticsEngine } from './engine/analytics-engine.js';
import type { GapRow } from './engine/indicator-queries.js';
import { checkCells, checkStatuses, checkYears, unbounded, unique, type AnalyticsBounds } from './engine/request-bounds.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';
import type { FacilityService } from '../org-units/facility.service.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';

export const LEVELS = { nation: 0, province: 1, city: 2, county: 3, township: 4 } as const;


/** How a gap row's value reads for the indicator. */
function gapValueKind(ind: Indicator): 'boolean' | 'number' | 'ratio' | 'none' {
  if (ind.kind === 'COUNTY_SHARE') return 'none';
  if (ind.kind === 'RATIO' || ind.kind === 'FACT') return 'ratio';
  const c = ind.numerator as { element?: string; value?: unknown };
  return 'element' in c && typeof c.value === 'boolean' ? 'boolean' : 'number';
}
export type LevelName = keyof typeof LEVELS;

export type { AnalyticsBounds };

export interface AnalyticsQuery {
  indicators?: string[];
  periods: string[];
  area?: string;
  level?: LevelName;
  statuses?: string[];
}

export class AnalyticsService {
  constructor(
    private readonly store: Store,
    private readonly metadata: MetadataService,
    private readonly engine: AnalyticsEngine,
    private readonly facilities: FacilityService,
    /** GTCM_COMPLETENESS_ENOUGH: below half of it no target status is claimed (domain/completeness.ts). */
    private readonly completenessEnough = 0.8,
  ) {}

  /** Whether a figure rests on enough reports to claim a target status or be a point of a trend (domain/completeness.ts). */
  private claimable(reported: number, expected: number): boolean {
    // No report expected (programme-record indicators; an empty area has no value anyway): nothing to withhold.
    if (expected === 0) return true;
    return completenessLevel(completenessRate(reported, expected), this.completenessEnough) !== 'insufficient';
  }

  listIndicators(): Indicator[] {
    return [...this.metadata.indicators.values()];
  }

  /**
   * Indicator values for each unit of `level` inside the area (default: the area itself). The
   * lists are de-duplicated and checked, and the answer's size (periods × indicators × units)
   * against `bounds.cells`, before anything is computed. The HTTP routes pass the configured
   * bounds; the CLI, run by the operator, none.
   */
  async values(actor: Actor, q: AnalyticsQuery, bounds: AnalyticsBounds = unbounded(), periodsField = 'periods'): Promise<IndicatorRow[]> {
    const area = this.areaFor(actor, q.area);
    const level = q.level === undefined ? area.level : LEVELS[q.level];
    if (level < area.level) throw new AppError('E6002', { field: 'level', value: q.level });
    const periods = checkYears(q.periods, periodsField, bounds.now);
    const inds = this.indicatorsOf(q.indicators);
    const statuses = checkStatuses(q.statuses);
    if (Number.isFinite(bounds.cells)) checkCells(periods.length, inds.length, await this.engine.unitCount(area, level), bounds.cells);
    const raw = await this.engine.values(inds, periods, area, level, { statuses });
    const names = await this.areaNames(raw.map((r) => r.area));
    const byCode = new Map(inds.map((i) => [i.code, i]));
    const rows = raw.map((r) => {
      const ind = byCode.get(r.indicator)!;
      const value = r.denominator > 0 ? r.numerator / r.denominator : null;
      // A handful of reports says nothing about whether the area met its target: no status then.
      const claimable = this.claimable(r.reported, r.expected);
      const s = claimable ? targetStatus(ind, value) : { ...targetStatus(ind, null), gap: null };
      return {
        areaCode: r.area,
        areaName: names.get(r.area) ?? r.area,
        period: r.period,
        indicator: r.indicator,
        numerator: r.numerator,
        denominator: r.denominator,
        value,
        target: s.target,
        met: s.met,
        gap: s.gap,
        expectedReports: r.expected,
        reportedReports: r.reported,
      };
    });
    const order = new Map(inds.map((i, k) => [i.code, k]));
    return rows.sort((a, b) => a.areaCode.localeCompare(b.areaCode) || a.period.localeCompare(b.period) || order.get(a.indicator)! - order.get(b.indicator)!);
  }

  /** Yearly series per area and indicator with the linear projection to each target's deadline. */
  /** Each area's series over the years asked (default: every year holding reports), with a projection to the target's year. */
  async trend(actor: Actor, q: Omit<AnalyticsQuery, 'periods'> & { years?: string[] }, bounds: AnalyticsBounds = unbounded()) {
    const years = q.years ?? (await this.periods(actor));
    const rows = await this.values(actor, { ...q, periods: years }, bounds, 'years');
    const series = new Map<string, IndicatorRow[]>();
    for (const r of rows) {
      const k = `${r.areaCode}\u0000${r.indicator}`;
      if (!series.has(k)) series.set(k, []);
      series.get(k)!.push(r);
    }
    return [...series.values()].map((all) => {
      const ind = this.metadata.indicator(all[0].indicator);
      // A year with a handful of reports is no point of a trend: its value is left out (null), so neither the line nor the projection rests on it.
      const rs = all.map((r) => (this.claimable(r.reportedReports, r.expectedReports) ? r : { ...r, value: null, met: null }));
      return {
        areaCode: rs[0].areaCode,
        areaName: rs[0].areaName,
        indicator: ind.code,
        points: rs.map((r) => ({ period: r.period, value: r.value, met: r.met })),
        projection: project(ind, rs.map((r) => ({ year: Number(r.period), value: r.value }))),
      };
    });
  }

  /**
   * The units that fall short, worst first, each with the names of its 省/市/县/乡镇 (from the
   * division code's prefixes) so a list can be split and filtered by area; `valueKind` says how
   * a value reads (是/否 for a yes/no condition, not a percentage).
   */
  async gaps(actor: Actor, indicator: string, period: string, areaCode: string | undefined, page: number, pageSize: number, statuses?: string[], now = new Date()) {
    const ind = this.metadata.indicator(indicator);
    checkYears([period], 'period', now);
    const area = this.areaFor(actor, areaCode);
    const threshold = ind.targets[0]?.threshold ?? null;
    const r = await this.engine.gaps(ind, period, area, threshold, { offset: (page - 1) * pageSize, limit: pageSize }, { statuses: checkStatuses(statuses) });
    const names = await this.areaNames([...new Set(r.items.flatMap((i) => [i.divisionCode, ...Object.values(ancestorCodes(i.divisionCode))]))]);
    const name = (c: string | undefined) => (c === undefined ? null : (names.get(c) ?? null));
    return {
      ...r,
      target: threshold,
      valueKind: gapValueKind(ind),
      items: r.items.map((i) => {
        const path = ancestorCodes(i.divisionCode);
        return { ...i, divisionName: names.get(i.divisionCode) ?? '', provinceName: name(path[1]), cityName: name(path[2]), countyName: name(path[3]), townshipName: name(path[4]) };
      }),
    };
  }

  /** How many fall short in each area of a level below the view (counties by default; townships below a county), most first. */
  async gapAreas(actor: Actor, indicator: string, period: string, areaCode: string | undefined, levelName?: 'city' | 'county' | 'township', bounds: AnalyticsBounds = unbounded()) {
    const ind = this.metadata.indicator(indicator);
    checkYears([period], 'period', bounds.now);
    const area = this.areaFor(actor, areaCode);
    const level = levelName ?? (area.level >= 3 ? 'township' : 'county');
    if (LEVELS[level] <= area.level) throw new AppError('E6002', { field: 'level', value: level });
    // One row per unit of the level: bounded like any analytics answer (all townships of the country are refused).
    if (Number.isFinite(bounds.cells)) checkCells(1, 1, await this.engine.unitCount(area, LEVELS[level]), bounds.cells);
    const counts = await this.engine.gapCounts(ind, period, area, ind.targets[0]?.threshold ?? null, CODE_LENGTH[LEVELS[level] as DivisionLevel]);
    const names = await this.areaNames(counts.map((c) => c.area));
    return { level, items: counts.map((c) => ({ areaCode: c.area, areaName: names.get(c.area) ?? c.area, gaps: c.gaps })) };
  }

  /**
   * The years that hold reports of the indicators' data set (the pages' default year is the
   * latest of them, so a dashboard never opens on an empty year). Scope-free: it says which
   * years exist, not what anyone reported.
   */
  async periods(actor: Actor, dataSetCode?: string): Promise<string[]> {
    const dataSet = this.metadata.dataSet(dataSetCode).code;
    if (actor.scope.kind === 'facility') throw new AppError('E6003');
    return (await this.engine.periods(dataSet)).filter((p) => /^\d{4}$/.test(p));
  }

  /** One facility's own values as the engine holds them. */
  async facilityValues(actor: Actor, code: string) {
    await this.facilities.readable(this.store.repos, actor, code);
    return this.engine.facilityFacts(code);
  }

  private indicatorsOf(codes?: string[]): Indicator[] {
    return codes?.length ? unique(codes).map((c) => this.metadata.indicator(c)) : this.listIndicators();
  }

  /** The requested area (default: the caller's scope), which must lie inside the scope. */
  areaFor(actor: Actor, code?: string): Area {
    const s = actor.scope;
    if (s.kind === 'facility') throw new AppError('E6003');
    if (!code || code === NATION_CODE) {
      if (!code) return s.kind === 'nation' ? NATION_AREA : { level: s.level, code: s.code };
      if (s.kind !== 'nation') throw new AppError('E2102', { field: 'area', value: code });
      return NATION_AREA;
    }
    const a = areaOf(code);
    if (!a) throw new AppError('E1101', { field: 'area', value: code });
    if (!divisionInScope(s, code)) throw new AppError('E2102', { field: 'area', value: code });
    if (a.level > 4) throw new AppError('E6002', { field: 'area', value: code });
    return a;
  }

  private async areaNames(codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)].filter((c) => c !== NATION_CODE);
    const m = new Map((await this.store.repos.divisions.getMany(unique)).map((d) => [d.code, d.name]));
    m.set(NATION_CODE, NATION_NAME);
    return m;
  }
}

export function levelName(level: DivisionLevel | 0): LevelName {
  return (Object.keys(LEVELS) as LevelName[]).find((k) => LEVELS[k] === level)!;
}
