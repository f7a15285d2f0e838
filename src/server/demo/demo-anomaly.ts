/**
 * The deliberately implausible reports of the demo, for validation to catch: about 1 in 2,000
 * breaks one validation rule, about 1 in 5,000 carries visits twenty times the previous year's.
 */
import type { FacilityType } from '../../domain/facility.js';
import type { DataValues } from '../../domain/program.js';
import type { ReportDraw } from './demo-report-skeleton.js';
import { normalVisits } from './demo-volume.js';

/** Rates of deliberately implausible reports. */
export const DEMO_RULE_VIOLATION_RATE = 1 / 2000;
export const DEMO_OUTLIER_RATE = 1 / 5000;

type Rule = 'tcm_physicians' | 'tcm_visits' | 'tcm_nondrug_visits' | 'elderly' | 'children';
const BASIC_RULES: readonly Rule[] = ['tcm_physicians', 'tcm_visits', 'tcm_nondrug_visits'];
const CENTRE_RULES: readonly Rule[] = ['tcm_physicians', 'tcm_visits', 'tcm_nondrug_visits', 'elderly', 'children'];

/** The rules a type's report can break (the elderly and children rules only where it reports those). */
const RULES: Record<FacilityType, readonly Rule[]> = {
  COUNTY_TCM_HOSPITAL: BASIC_RULES,
  CHC: CENTRE_RULES,
  THC: CENTRE_RULES,
  CHSS: BASIC_RULES,
  VC: BASIC_RULES,
  TERTIARY_TCM_HOSPITAL: [],
};

/** Makes about 1 report in 2,000 break one rule, and about 1 in 5,000 report visits 20× last year's. */
export function applyAnomaly(v: DataValues, d: ReportDraw, baseV: number): void {
  const { f, year, yr } = d;
  const u = yr.next();
  if (u >= DEMO_RULE_VIOLATION_RATE + DEMO_OUTLIER_RATE) return;
  if (u >= DEMO_RULE_VIOLATION_RATE) {
    v.visits = 20 * normalVisits(f, baseV, year - 1, d.seed);
    return;
  }
  const rules = RULES[f.type];
  const rule = rules[Math.floor(yr.next() * rules.length)];
  breakRule(v, rule, yr.next());
}

/** Raises the left side of a rule above its right side, by an amount set by `mag` ∈ [0, 1). */
function breakRule(v: DataValues, rule: Rule, mag: number): void {
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
