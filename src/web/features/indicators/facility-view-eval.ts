/** A facility's own result for an indicator in one year, from its engine facts (GET /api/analytics/facility/:code). */
import type { Condition, Indicator } from '../../../domain/indicator.js';

export type FacilityResult =
  | { kind: 'none' }
  | { kind: 'flag'; met: boolean; raw: unknown }
  | { kind: 'ratio'; value: number | null; met: boolean | null; numerator: number | null; denominator: number | null };

function compare(a: number | boolean, op: string, b: number | boolean): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return op === '=' ? a === b : false;
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
    default:
      return a === b;
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** Mirrors the engine: a blank element fails the condition; an option count counts blank as 0. */
export function facilityResult(ind: Indicator, fact: Record<string, unknown> | undefined): FacilityResult {
  if (!fact) return { kind: 'none' };
  if (ind.kind === 'RATIO') {
    const n = num(fact[(ind.numerator as { sum: string }).sum]);
    const d = num(fact[(ind.denominator as { sum: string } | undefined)?.sum ?? '']);
    const value = n !== null && d !== null && d > 0 ? n / d : null;
    const t = ind.targets[0];
    const met = value === null || !t ? null : t.comparison === '>=' ? value >= t.threshold - 1e-12 : value <= t.threshold + 1e-12;
    return { kind: 'ratio', value, met, numerator: n, denominator: d };
  }
  const c = ind.numerator as Condition;
  if ('optionCount' in c) {
    const raw = num(fact[c.optionCount]) ?? 0;
    return { kind: 'flag', met: compare(raw, c.op, c.value), raw };
  }
  const raw = fact[c.element];
  if (raw === null || raw === undefined) return { kind: 'flag', met: false, raw: null };
  const v = typeof c.value === 'boolean' ? Boolean(raw) : Number(raw);
  return { kind: 'flag', met: compare(v, c.op, c.value), raw };
}
