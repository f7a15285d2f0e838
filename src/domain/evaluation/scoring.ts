/**
 * Scoring an item and a whole standard (../shared/docs/modules/evaluation.md): bands and linear
 * points on an indicator's unrounded value, the completeness veto, manual points; the total over
 * the applicable items scaled to the standard's scale, bonuses added up to the scale, vetoes and
 * section minimums deciding the pass. Pure: the same inputs give the same scores every time.
 */
import type { Standard, StandardItem } from './standard.js';
import { allItems } from './standard.js';

/** Half-up rounding to `digits` decimals, free of binary noise (2.45 → 2.5, not 2.4). */
export function roundHalfUp(x: number, digits = 1): number {
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(12));
  return (Math.sign(x) * Math.floor(scaled + 0.5)) / f;
}

/** The points of the first band the value reaches (bands in the order the standard lists them), else 0. */
export function bandPoints(value: number, bands: { min: number; points: number }[]): { points: number; band: number | null } {
  const i = bands.findIndex((b) => value >= b.min);
  return i < 0 ? { points: 0, band: null } : { points: bands[i].points, band: i };
}

/** 0 points at `from`, `max` at `to`, linear between, clipped, rounded half-up to 0.1. */
export function linearPoints(value: number, from: number, to: number, max: number): number {
  if (to === from) return value >= to ? max : 0;
  const share = Math.min(1, Math.max(0, (value - from) / (to - from)));
  return roundHalfUp(share * max);
}

/** What an automatic item was computed from: the numerator and denominator of its source. */
export interface AutoInput {
  numerator: number;
  denominator: number;
}

export interface ItemScore {
  item: string;
  /** Not applicable: the source has denominator 0 for the subject; left out of the total. */
  applicable: boolean;
  points: number | null;
  max: number | null;
  /** Veto items: whether it fired; null elsewhere. */
  veto: boolean | null;
  numerator: number | null;
  denominator: number | null;
  /** numerator ÷ denominator, unrounded. */
  value: number | null;
  /** The band reached (its index), for INDICATOR_BANDS. */
  band: number | null;
}

/** One score, built as a plain literal (object spreads are slow over a country's 38,000 items). */
function itemScore(item: StandardItem, input: AutoInput | null, applicable: boolean, points: number | null, veto: boolean | null, value: number | null, band: number | null): ItemScore {
  return { item: item.code, applicable, points, max: item.max ?? null, veto, numerator: input ? input.numerator : null, denominator: input ? input.denominator : null, value, band };
}

/** An automatic item's score from its input (null input: nothing to compute from — not applicable). */
export function scoreAutomatic(item: StandardItem, input: AutoInput | null): ItemScore {
  if (!input || !(input.denominator > 0)) return itemScore(item, input, false, null, null, null, null);
  const value = input.numerator / input.denominator;
  const m = item.mode;
  if (m.type === 'INDICATOR_BANDS') {
    const { points, band } = bandPoints(value, m.bands);
    return itemScore(item, input, true, Math.min(points, item.max!), null, value, band);
  }
  if (m.type === 'INDICATOR_LINEAR') return itemScore(item, input, true, linearPoints(value, m.from, m.to, item.max!), null, value, null);
  if (m.type === 'COMPLETENESS_BELOW') return itemScore(item, input, true, null, value < m.threshold, value, null);
  throw new Error(`${item.code}: ${m.type} is scored by a reviewer`);
}

/** A reviewer's score of a manual item: YES_NO full or 0, POINTS 0…max in the mode's steps, a veto fired or not. */
export type ManualScore = { points: number } | { veto: boolean } | { notApplicable: true };

/** Checks a manual score against its item; the problem in words, or null when it is valid. */
export function manualProblem(item: StandardItem, s: ManualScore): string | null {
  const m = item.mode;
  if ('notApplicable' in s) return null;
  if (m.type === 'MANUAL_VETO') return 'veto' in s ? null : 'a veto item takes veto: true|false';
  if (!('points' in s) || !Number.isFinite(s.points)) return 'points required';
  if (m.type === 'YES_NO') return s.points === 0 || s.points === item.max ? null : `0 or ${item.max}`;
  if (m.type === 'POINTS') {
    const steps = s.points / m.step;
    return s.points >= 0 && s.points <= item.max! && Math.abs(steps - Math.round(steps)) < 1e-9 ? null : `0…${item.max} in steps of ${m.step}`;
  }
  return `${item.code} is scored from the data`;
}

export function scoreManual(item: StandardItem, s: ManualScore): ItemScore {
  if ('notApplicable' in s) return itemScore(item, null, false, null, null, null, null);
  if ('veto' in s) return itemScore(item, null, true, null, s.veto, null, null);
  return itemScore(item, null, true, s.points, null, null, null);
}

export interface Total {
  /** Scaled to the standard's scale, bonuses added and capped, rounded half-up to 0.1. */
  total: number;
  /** Σ points and Σ maxima of the applicable BASIC items. */
  points: number;
  maxPoints: number;
  bonus: number;
  vetoes: string[];
  /** Sections below their minimum. */
  sectionsBelow: string[];
  /** Items not scored yet. */
  missing: string[];
  passed: boolean;
}

/** The standard's total over the scores given (items without a score are listed as missing). */
export function totalScore(std: Standard, scores: Map<string, ItemScore>): Total {
  let points = 0;
  let maxPoints = 0;
  let bonus = 0;
  const vetoes: string[] = [];
  const missing: string[] = [];
  for (const it of allItems(std)) {
    const s = scores.get(it.code);
    if (!s) {
      missing.push(it.code);
      continue;
    }
    if (!s.applicable) continue;
    if (it.kind === 'VETO') {
      if (s.veto) vetoes.push(it.code);
    } else if (it.kind === 'BONUS') bonus += s.points ?? 0;
    else {
      points += s.points ?? 0;
      maxPoints += it.max!;
    }
  }
  const scaled = maxPoints > 0 ? (points / maxPoints) * std.scale : 0;
  const total = roundHalfUp(Math.min(std.scale, scaled + bonus));
  const sectionsBelow = std.sections
    .filter((sec) => sec.minimum !== undefined && sec.items.reduce((n, it) => n + (scores.get(it.code)?.points ?? 0), 0) < sec.minimum)
    .map((sec) => sec.code);
  return { total, points: roundHalfUp(points), maxPoints, bonus, vetoes, sectionsBelow, missing, passed: missing.length === 0 && total >= std.passLine && vetoes.length === 0 && sectionsBelow.length === 0 };
}
