/**
 * An independent, plain-TypeScript evaluation of the indicator definitions of
 * programs/grassroots-tcm/indicators.json over facilities, divisions and reports read from the
 * store — the oracle the analytics engine is compared with. It follows PRODUCT.md literally:
 * a facility counts for a period when it opened on or before the period's last day and was not
 * closed before its first day; facility shares count every open facility of the types (no
 * report, no credit); ratios sum the reported values; county shares count county-level units.
 */
import { readFileSync } from 'node:fs';
import type { Facility } from '../../src/domain/facility.js';
import type { Division } from '../../src/domain/org-unit.js';
import type { DivisionTitle } from '../../src/domain/title.js';
import { NATION_AREA } from '../../src/domain/scope.js';
import type { Report } from '../../src/server/modules/data-entry/report.repository.js';
import type { IndicatorRow } from '../../src/server/modules/indicators/analytics.service.js';
import type { TestContext } from './test-context.js';
import type { ProgramFact } from '../../src/server/modules/indicators/engine/program-facts.js';

interface Cond { element?: string; optionCount?: string; op: string; value: number | boolean }
export interface RefIndicator {
  code: string;
  kind: 'FACILITY_SHARE' | 'RATIO' | 'COUNTY_SHARE' | 'FACT';
  dataSet: string;
  types?: string[];
  numerator: Cond & { sum?: string; hasFacility?: { types: string[]; ownership?: string }; hasTitle?: { title: string }; fact?: string };
  denominator?: { sum?: string; fact?: string; facilities?: { types: string[] } };
  counties?: { kinds: string[] };
}

export const REF_INDICATORS: RefIndicator[] = JSON.parse(readFileSync(new URL('../../programs/grassroots-tcm/indicators.json', import.meta.url), 'utf8')).indicators;

export interface Counts { numerator: number; denominator: number; expected: number; reported: number }
export type CountsMap = Map<string, Counts>;
export const key = (area: string, period: string, indicator: string) => `${area}|${period}|${indicator}`;

const LEN: Record<number, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };
/** The ancestor of a division code at a level (0: the nation), or null when the code lies above it. */
function ancestor(code: string, level: number): string | null {
  if (level === 0) return 'CN';
  return code.length >= LEN[level] ? code.slice(0, LEN[level]) : null;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '=': return a === b;
    case '>=': return a >= b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '<': return a < b;
  }
  throw new Error(`op ${op}`);
}

/** Whether one report meets a facility-share condition (a missing value never does). */
export function meets(c: Cond, values: Record<string, unknown>): boolean {
  if (c.optionCount) {
    const v = values[c.optionCount];
    return compare(Array.isArray(v) ? v.length : 0, c.op, Number(c.value));
  }
  const v = values[c.element!];
  if (typeof c.value === 'boolean') return typeof v === 'boolean' && c.op === '=' && v === c.value;
  return typeof v === 'number' && compare(v, c.op, c.value);
}

export const openIn = (f: Pick<Facility, 'opened' | 'closed'>, period: string) => f.opened <= `${period}-12-31` && (f.closed === null || f.closed >= `${period}-01-01`);

export interface Snapshot {
  facilities: Facility[];
  divisions: Division[];
  /** dataSet|period → facility code → report */
  reports: Map<string, Map<string, Report>>;
  titles: DivisionTitle[];
  /** What the modules' fact sources give the engine (pairings, projects, funds, trainings). */
  facts: ProgramFact[];
}

/** Reads everything the oracle needs straight from the store's repositories. */
export async function snapshot(ctx: TestContext, periods: string[], dataSets = ['GTCM_ANNUAL']): Promise<Snapshot> {
  const facilities: Facility[] = [];
  for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA })) facilities.push(f);
  const divisions: Division[] = [];
  for await (const d of ctx.store.repos.divisions.iterate({ area: NATION_AREA })) divisions.push(d);
  const reports = new Map<string, Map<string, Report>>();
  for (const dataSet of dataSets)
    for (const period of periods) {
      const m = new Map<string, Report>();
      for await (const r of ctx.store.repos.reports.iterate({ dataSet, period }, { area: NATION_AREA })) m.set(r.facilityCode, r);
      reports.set(`${dataSet}|${period}`, m);
    }
  const facts: ProgramFact[] = [];
  for (const source of ctx.services.engine.sources) facts.push(...(await source.facts()));
  return { facilities, divisions, reports, titles: await ctx.store.repos.titles.list(NATION_AREA), facts };
}

/** Every indicator for every unit of `level` (0 nation … 4 township), for each period. */
export function reference(s: Snapshot, periods: string[], level: number, opts: { statuses?: string[]; indicators?: RefIndicator[] } = {}): CountsMap {
  const out: CountsMap = new Map();
  const add = (k: string, d: Partial<Counts>) => {
    const c = out.get(k) ?? { numerator: 0, denominator: 0, expected: 0, reported: 0 };
    for (const f of ['numerator', 'denominator', 'expected', 'reported'] as const) c[f] += d[f] ?? 0;
    out.set(k, c);
  };
  for (const ind of opts.indicators ?? REF_INDICATORS)
    for (const period of periods) {
      if (ind.kind === 'FACT') {
        if (level > 4) continue;
        const year = Number(period.slice(0, 4));
        const sum = (kind: string, side: 'numerator' | 'denominator') => {
          for (const f of s.facts) {
            const area = f.kind === kind && f.year === year ? ancestor(f.areaCode, level) : null;
            if (area) add(key(area, period, ind.code), side === 'numerator' ? { numerator: f.value } : { denominator: f.value });
          }
        };
        sum(ind.numerator.fact!, 'numerator');
        const den = ind.denominator!;
        if (den.fact) sum(den.fact, 'denominator');
        else
          for (const f of s.facilities) {
            const area = ancestor(f.divisionCode, level);
            if (area && den.facilities!.types.includes(f.type) && openIn(f, period)) add(key(area, period, ind.code), { denominator: 1 });
          }
        continue;
      }
      if (ind.kind === 'COUNTY_SHARE') {
        if (level > 3) continue;
        const has = ind.numerator.hasFacility;
        const title = ind.numerator.hasTitle?.title;
        const year = Number(period);
        for (const d of s.divisions) {
          if (d.level !== 3 || (ind.counties && !ind.counties.kinds.includes(d.kind))) continue;
          const covered = has
            ? s.facilities.some((f) => ancestor(f.divisionCode, 3) === d.code && has.types.includes(f.type) && (!has.ownership || f.ownership === has.ownership) && openIn(f, period))
            : s.titles.some((t) => t.divisionCode === d.code && t.title === title && t.granted <= year && (t.withdrawn === null || t.withdrawn > year));
          add(key(ancestor(d.code, level)!, period, ind.code), { numerator: covered ? 1 : 0, denominator: 1, expected: 1, reported: 1 });
        }
        continue;
      }
      const reports = s.reports.get(`${ind.dataSet}|${period}`) ?? new Map<string, Report>();
      for (const f of s.facilities) {
        const area = ancestor(f.divisionCode, level);
        if (area === null || !ind.types!.includes(f.type) || !openIn(f, period)) continue;
        let r = reports.get(f.code);
        if (r && opts.statuses?.length && !opts.statuses.includes(r.status)) r = undefined;
        const k = key(area, period, ind.code);
        if (ind.kind === 'RATIO') {
          const num = r?.values[ind.numerator.sum!];
          const den = r?.values[ind.denominator!.sum!];
          add(k, { numerator: typeof num === 'number' ? num : 0, denominator: typeof den === 'number' ? den : 0, expected: 1, reported: r ? 1 : 0 });
        } else add(k, { numerator: r && meets(ind.numerator, r.values) ? 1 : 0, denominator: 1, expected: 1, reported: r ? 1 : 0 });
      }
    }
  return out;
}

/** The engine's rows as the same map. */
export function countsOf(rows: IndicatorRow[]): CountsMap {
  return new Map(rows.map((r) => [key(r.areaCode, r.period, r.indicator), { numerator: r.numerator, denominator: r.denominator, expected: r.expectedReports, reported: r.reportedReports }]));
}

/** Both maps over the union of their keys, a missing row reading as all zeros (an empty area). */
export function aligned(a: CountsMap, b: CountsMap): { actual: Record<string, Counts>; expected: Record<string, Counts> } {
  const zero = { numerator: 0, denominator: 0, expected: 0, reported: 0 };
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return { actual: Object.fromEntries(keys.map((k) => [k, a.get(k) ?? zero])), expected: Object.fromEntries(keys.map((k) => [k, b.get(k) ?? zero])) };
}
