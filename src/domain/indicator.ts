/**
 * Indicators as metadata (programs/<name>/indicators.json) and the pure rules over their
 * results: target status, gap, and the projection of a yearly series to the deadline.
 */
import type { FacilityType, Ownership } from './facility.js';
import type { I18nText } from './program.js';

export type IndicatorKind = 'FACILITY_SHARE' | 'RATIO' | 'COUNTY_SHARE' | 'FACT';

/**
 * FACT: a ratio of program facts (pairings, projects, funds, trainings) a module registers with
 * the engine, each summed over the area in the period's year; the denominator is facts too, or
 * the open facilities of some types.
 */
export type FactMeasure = { fact: string } | { facilities: { types: FacilityType[] } };

/** A condition on one facility's report: an element compared with a value, or the number of options chosen. */
export type Condition = { element: string; op: '=' | '>=' | '>' | '<=' | '<'; value: number | boolean } | { optionCount: string; op: '>=' | '>' | '<=' | '<' | '='; value: number };

/** What puts a county-level unit in a county-share numerator: an open facility of the types, or a title held that year. */
export type CountyCondition = { hasFacility: { types: FacilityType[]; ownership?: Ownership } } | { hasTitle: { title: string } };

export interface Target {
  threshold: number;
  comparison: '>=' | '<=';
  deadline: string;
  source: string;
  clause?: I18nText;
}

export interface Indicator {
  code: string;
  group?: string;
  name: I18nText;
  description?: I18nText;
  kind: IndicatorKind;
  dataSet: string;
  /** FACILITY_SHARE and RATIO: the facility types counted. */
  types?: FacilityType[];
  /** FACILITY_SHARE: the condition; RATIO: `{ sum }`; COUNTY_SHARE: `{ hasFacility }` or `{ hasTitle }`. */
  numerator: Condition | { sum: string } | CountyCondition | { fact: string };
  denominator?: { sum: string } | FactMeasure;
  /** COUNTY_SHARE: which county-level units count (default: all). */
  counties?: { kinds: string[] };
  targets: Target[];
  monitor?: I18nText;
}

/** One indicator value of one area and period, with its target status and completeness. */
export interface IndicatorRow {
  areaCode: string;
  areaName: string;
  period: string;
  indicator: string;
  numerator: number;
  denominator: number;
  /** A fraction 0–1; null when the denominator is 0. */
  value: number | null;
  target: number | null;
  met: boolean | null;
  gap: number | null;
  expectedReports: number;
  reportedReports: number;
}

export interface TargetStatus {
  target: number | null;
  met: boolean | null;
  /** How far the value is from the threshold (positive: short of it). */
  gap: number | null;
}

/** Status of a value against the indicator's first target. */
export function targetStatus(ind: Indicator, value: number | null): TargetStatus {
  const t = ind.targets[0];
  if (!t) return { target: null, met: null, gap: null };
  if (value === null) return { target: t.threshold, met: null, gap: null };
  const met = t.comparison === '>=' ? value >= t.threshold - 1e-12 : value <= t.threshold + 1e-12;
  const gap = t.comparison === '>=' ? Math.max(0, t.threshold - value) : Math.max(0, value - t.threshold);
  return { target: t.threshold, met, gap };
}

/**
 * Linear projection of yearly values to the target's deadline year (least squares over the
 * years given); `willMiss` when the projected value does not reach the target.
 */
export function project(ind: Indicator, series: { year: number; value: number | null }[]): { year: number; value: number; willMiss: boolean | null } | null {
  const t = ind.targets[0];
  const pts = series.filter((p): p is { year: number; value: number } => p.value !== null);
  if (!t || pts.length < 2) return null;
  const year = Number(t.deadline.slice(0, 4));
  const n = pts.length;
  const mx = pts.reduce((a, p) => a + p.year, 0) / n;
  const my = pts.reduce((a, p) => a + p.value, 0) / n;
  const sxx = pts.reduce((a, p) => a + (p.year - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : pts.reduce((a, p) => a + (p.year - mx) * (p.value - my), 0) / sxx;
  const projected = Math.min(1, Math.max(0, my + slope * (year - mx)));
  return { year, value: projected, willMiss: !targetStatus(ind, projected).met };
}
