/**
 * Automatic scoring (自动评分): the automatic items of a standard for every subject under an area,
 * from the live data — the analytics engine's indicators for area subjects (one engine query for
 * every indicator the standard reads, over all of a country's counties, not one per county), a facility's own report for
 * facility subjects, and report completeness for the veto. Creates nothing; the same inputs give
 * the same scores.
 */
import type { AutoscoreAnswer, AutoscoreRow } from '../../../domain/api/evaluation.js';
import { AppError } from '../../../domain/errors.js';
import { scoreAutomatic, type AutoInput } from '../../../domain/evaluation/scoring.js';
import { allItems, isAutomatic, type Standard, type StandardItem } from '../../../domain/evaluation/standard.js';
import { isOpenIn, type FacilityType } from '../../../domain/facility.js';
import { parsePeriod } from '../../../domain/period.js';
import { checkCells } from '../indicators/engine/request-bounds.js';
import { NATION_CODE, type DivisionLevel } from '../../../domain/org-unit.js';
import type { Area } from '../../../domain/scope.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Store } from '../../platform/db/store.js';
import type { MetadataService } from '../../platform/program/metadata.service.js';
import type { AnalyticsService } from '../indicators/analytics.service.js';
import type { AnalyticsEngine } from '../indicators/engine/analytics-engine.js';
import type { FacilityService } from '../org-units/facility.service.js';
import type { StandardService } from './standard.service.js';

const SUBJECT_LEVEL = { COUNTY: 3, CITY: 2 } as const;
const LEVEL_NAME = { 2: 'city', 3: 'county' } as const;

interface Subject {
  code: string;
  name: string;
  /** Item code → what it is computed from (absent: nothing to compute from, not applicable). */
  inputs: Map<string, AutoInput>;
}

/** What an item reads, for the `indicator` column: the indicator, or a facility's elements (`a/b`); none for the completeness veto. */
export function sourceLabel(it: StandardItem): string | null {
  const m = it.mode;
  if (!('source' in m)) return null;
  const s = m.source;
  return 'indicator' in s ? s.indicator : 'element' in s ? s.element : `${s.ratio[0]}/${s.ratio[1]}`;
}

export class AutoscoreService {
  constructor(
    private readonly store: Store,
    private readonly standards: StandardService,
    private readonly metadata: MetadataService,
    private readonly analytics: AnalyticsService,
    private readonly engine: AnalyticsEngine,
    private readonly facilities: FacilityService,
  ) {}

  /** `cells`: the most subjects × automatic items one answer may hold (the HTTP route passes GTCM_MAX_ANALYTICS_CELLS; E6006 past it). */
  async autoscore(actor: Actor, standardCode: string, period: string, areaCode?: string, cells = Infinity): Promise<AutoscoreAnswer> {
    const std = this.standards.get(standardCode);
    if (!parsePeriod(period, this.metadata.dataSet(std.dataSet).periodType)) throw new AppError('E1002', { field: 'period', value: period });
    const items = allItems(std).filter(isAutomatic);
    const area = this.analytics.areaFor(actor, areaCode);
    const subjects =
      std.subject.kind === 'FACILITY' ? await this.facilitySubjects(actor, std, items, period, area) : await this.areaSubjects(actor, std, items, period, area, cells);
    const rows: AutoscoreRow[] = [];
    for (const s of subjects.sort((a, b) => a.code.localeCompare(b.code)))
      for (const it of items) {
        const sc = scoreAutomatic(it, s.inputs.get(it.code) ?? null);
        rows.push({
          subjectCode: s.code,
          subjectName: s.name,
          item: it.code,
          indicator: sourceLabel(it),
          numerator: sc.numerator,
          denominator: sc.denominator,
          value: sc.value,
          points: sc.points,
          maxPoints: sc.max,
          applicable: sc.applicable,
          veto: it.kind === 'VETO' ? (sc.veto ?? false) : null,
          band: sc.band,
        });
      }
    return { standard: std.code, version: std.version, period, area: area.level === 0 ? NATION_CODE : area.code, subjects: subjects.length, rows };
  }

  /** County- or city-level units under the area, each item's input read for all of them at once. */
  private async areaSubjects(actor: Actor, std: Standard, items: StandardItem[], period: string, area: Area, cells: number): Promise<Subject[]> {
    const level = SUBJECT_LEVEL[std.subject.kind as 'COUNTY' | 'CITY'];
    if (area.level > level) throw new AppError('E7002', { field: 'area', value: area.code, subject: LEVEL_NAME[level] });
    if (Number.isFinite(cells)) checkCells(1, items.length, await this.engine.unitCount(area, level), cells);
    const subjects = new Map<string, Subject>();
    for await (const d of this.store.repos.divisions.iterate({ level: level as DivisionLevel, area })) subjects.set(d.code, { code: d.code, name: d.name, inputs: new Map() });
    const indicators = [...new Set(items.flatMap((it) => ('source' in it.mode && 'indicator' in it.mode.source ? [it.mode.source.indicator] : [])))];
    if (indicators.length) {
      // The engine's raw numerators and denominators: no target status, names or sorting needed here.
      const rows = await this.engine.values(indicators.map((c) => this.metadata.indicator(c)), [period], area, level);
      // indicator → area → row (two plain lookups; a joined string key costs more than the query).
      const byIndicator = new Map<string, Map<string, { numerator: number; denominator: number }>>();
      for (const r of rows) {
        let m = byIndicator.get(r.indicator);
        if (!m) byIndicator.set(r.indicator, (m = new Map()));
        m.set(r.area, r);
      }
      for (const it of items) {
        if (!('source' in it.mode) || !('indicator' in it.mode.source)) continue;
        const m = byIndicator.get(it.mode.source.indicator);
        if (!m) continue;
        for (const [code, s] of subjects) {
          const r = m.get(code);
          if (r) s.inputs.set(it.code, { numerator: r.numerator, denominator: r.denominator });
        }
      }
    }
    for (const it of items) {
      if (it.mode.type !== 'COMPLETENESS_BELOW') continue;
      for (const c of await this.engine.reportCounts(std.dataSet, it.mode.types, period, area, level)) subjects.get(c.area)?.inputs.set(it.code, { numerator: c.reported, denominator: c.expected });
    }
    return [...subjects.values()];
  }

  /** Facilities of the standard's types under the area, each scored from its own report of the year. */
  private async facilitySubjects(actor: Actor, std: Standard, items: StandardItem[], period: string, area: Area): Promise<Subject[]> {
    const types = (std.subject as { types: FacilityType[] }).types;
    const code = area.level === 0 ? undefined : area.code;
    const p = parsePeriod(period)!;
    const subjects: Subject[] = [];
    for (const type of types) {
      const filter = this.facilities.filterFor(actor, { area: code, type, status: 'all' });
      const reports = new Map<string, Record<string, unknown>>();
      for await (const r of this.store.repos.reports.iterate({ dataSet: std.dataSet, period }, filter)) reports.set(r.facilityCode, r.values);
      for await (const f of this.store.repos.facilities.iterate(filter)) {
        if (!isOpenIn(f, p.start, p.end)) continue;
        const values = reports.get(f.code);
        const inputs = new Map<string, AutoInput>();
        for (const it of items) {
          const input = facilityInput(it, values);
          if (input) inputs.set(it.code, input);
        }
        subjects.push({ code: f.code, name: f.name, inputs });
      }
    }
    return subjects;
  }
}

/** An item's input from a facility's report (undefined: the facility did not report). */
function facilityInput(it: StandardItem, values: Record<string, unknown> | undefined): AutoInput | null {
  const m = it.mode;
  if (m.type === 'COMPLETENESS_BELOW') return { numerator: values ? 1 : 0, denominator: 1 };
  if (!values || !('source' in m)) return null;
  const num = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : null);
  const s = m.source;
  if ('element' in s) {
    const v = num(s.element);
    return v === null ? null : { numerator: v, denominator: 1 };
  }
  if ('ratio' in s) {
    const [a, b] = [num(s.ratio[0]), num(s.ratio[1])];
    return a === null || b === null ? null : { numerator: a, denominator: b };
  }
  return null;
}
