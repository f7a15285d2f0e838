/**
 * The deliberately implausible reports of the demo, for validation to catch: about 1 in 2,000
 * breaks one validation rule, about 1 in 5,000 carries visits twenty times the previous year's.
 */
import type { Facility } from '../../domain/facility.js';
import type { Rng } from './demo-random.js';
import { normalVisits } from './demo-volume.js';

/** Rates of deliberately implausible reports. */
export const DEMO_RULE_VIOLATION_RATE = 1 / 2000;
export const DEMO_OUTLIER_RATE = 1 / 5000;

export type Rule = 'tcm_physicians' | 'tcm_visits' | 'tcm_nondrug_visits' | 'elderly' | 'children';
export const BASIC_RULES: readonly Rule[] = ['tcm_physicians', 'tcm_visits', 'tcm_nondrug_visits'];
export const CENTRE_RULES: readonly Rule[] = ['tcm_physicians', 'tcm_visits', 'tcm_nondrug_visits', 'elderly', 'children'];

/** Makes about 1 report in 2,000 break one rule, and about 1 in 5,000 report visits 20× last year's. */
export function applyAnomaly(
  v: Record<string, number | boolean | string[]>,
  rules: readonly Rule[],
  yr: Rng,
  f: Facility,
  baseV: number,
  year: number,
  seed: number,
): void {
  const u = yr.next();
  if (u >= DEMO_RULE_VIOLATION_RATE + DEMO_OUTLIER_RATE) return;
  if (u >= DEMO_RULE_VIOLATION_RATE) {
    v.visits = 20 * normalVisits(f, baseV, year - 1, seed);
    return;
  }
  const rule = rules[Math.floor(yr.next() * rules.length)];
  const mag = yr.next();
  const n = (k: string) => v[k] as number;
  switch (rule) {
    case 'tcm_physicians':
      v.tcm_physicians = n('physicians') + 1 + Math.floor(mag * 3);
      break;
    case 'tcm_visits':
      v.tcm_visits = n('visits') + 1 + Math.floor(n('visits') * (0.05 + mag * 0.5));
      break;
    case 'tcm_nondrug_visits':
      v.tcm_nondrug_visits = n('tcm_visits') + 1 + Math.floor(n('tcm_visits') * mag * 0.4);
      break;
    case 'elderly':
      v.elderly_tcm_managed = n('elderly_residents') + 1 + Math.floor(n('elderly_residents') * mag * 0.2);
      break;
    case 'children':
      v.children_tcm_managed = n('children_due') + 1 + Math.floor(n('children_due') * mag * 0.3);
      break;
  }
}

