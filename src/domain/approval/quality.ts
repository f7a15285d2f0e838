/**
 * Data-quality review (数据质量核查): what no single form catches, found across the reports of a
 * county. Pure; the server feeds it the reports of a county for a period and the one before.
 *
 * - **Outliers**: for each facility type and numeric element, a value far from the county's other
 *   facilities of that type by the modified z-score of Iglewicz and Hoaglin,
 *   M = 0.6745 (x − median) / MAD, flagged when |M| > 3.5 (with the mean absolute deviation,
 *   M = (x − median) / (1.2533 · MeanAD), when more than half the values are equal and MAD is 0).
 * - **Jumps**: a facility's value more than 3× or under ⅓ of its own previous period's (the form's
 *   W_CHANGE warning), when the two differ by at least `JUMP_MIN_DIFFERENCE`.
 * - **Rules**: stored values that break today's rules or leave a required element empty — stored
 *   before a rule was tightened, or imported with warnings.
 */
import type { FacilityType } from '../facility.js';
import type { DataValues, I18nText, ValidationRule } from '../program.js';
import { CHANGE_FACTOR, checkRequired, checkRules } from '../validation.js';

/** The most findings one answer lists (the Excel file has them all). */
export const QUALITY_MAX_FINDINGS = 2_000;
/** |M| above this is an outlier (Iglewicz and Hoaglin's recommendation). */
export const OUTLIER_SCORE = 3.5;
/** Fewer facilities of a type in a county than this: no outlier test (a median of three says little). */
export const OUTLIER_MIN_GROUP = 5;
/** A jump smaller than this in absolute terms (2 → 7 visits) is noise, not a finding. */
export const JUMP_MIN_DIFFERENCE = 10;

export type FindingKind = 'outlier' | 'jump' | 'rule';

export interface QualityReport {
  facilityCode: string;
  type: FacilityType;
  /** The county whose facilities of the same type it is compared with. */
  group: string;
  values: DataValues;
  /** The same facility's values for the previous period, if it reported. */
  previous: DataValues | null;
}

export interface Finding {
  kind: FindingKind;
  facilityCode: string;
  element: string;
  value: number | null;
  /** Outliers: the group's median; jumps: the previous period's value; rules: the other side of the rule. */
  reference: number | null;
  /** Outliers: M; jumps: the ratio value ÷ previous (0 when it fell to 0). */
  score: number | null;
  /** Rules: the rule's code (or REQUIRED). */
  rule: string | null;
  message: string;
  messageEn: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Modified z-scores of the values (null when they do not spread: every value equal). */
export function modifiedZ(xs: number[]): number[] | null {
  const med = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - med)));
  if (mad > 0) return xs.map((x) => (0.6745 * (x - med)) / mad);
  const meanAd = xs.reduce((s, x) => s + Math.abs(x - med), 0) / xs.length;
  if (meanAd > 0) return xs.map((x) => (x - med) / (1.253314 * meanAd));
  return null;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/** Outliers among the facilities of one type in one county, element by element. */
export function findOutliers(reports: QualityReport[], elements: string[], names: Map<string, I18nText>): Finding[] {
  const groups = new Map<string, QualityReport[]>();
  for (const r of reports) {
    const key = `${r.group}\u0000${r.type}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    for (const el of elements) {
      const withValue = group.filter((r) => typeof r.values[el] === 'number');
      if (withValue.length < OUTLIER_MIN_GROUP) continue;
      const xs = withValue.map((r) => r.values[el] as number);
      const z = modifiedZ(xs);
      if (!z) continue;
      const med = median(xs);
      const n = names.get(el) ?? { zh: el, en: el };
      withValue.forEach((r, i) => {
        if (Math.abs(z[i]) <= OUTLIER_SCORE) return;
        const high = z[i] > 0;
        out.push({
          kind: 'outlier',
          facilityCode: r.facilityCode,
          element: el,
          value: xs[i],
          reference: med,
          score: Math.round(z[i] * 10) / 10,
          rule: null,
          message: `${n.zh}（${fmt(xs[i])}）${high ? '远高于' : '远低于'}本县同类机构（中位数 ${fmt(med)}）`,
          messageEn: `${n.en} (${fmt(xs[i])}) is far ${high ? 'above' : 'below'} the county's facilities of this type (median ${fmt(med)})`,
        });
      });
    }
  }
  return out;
}

/** Values more than 3× or under ⅓ of the facility's own previous period's. */
export function findJumps(reports: QualityReport[], elements: string[], names: Map<string, I18nText>): Finding[] {
  const out: Finding[] = [];
  for (const r of reports) {
    if (!r.previous) continue;
    for (const el of elements) {
      const v = r.values[el];
      const p = r.previous[el];
      if (typeof v !== 'number' || typeof p !== 'number' || p <= 0) continue;
      if (!(v > p * CHANGE_FACTOR || v < p / CHANGE_FACTOR) || Math.abs(v - p) < JUMP_MIN_DIFFERENCE) continue;
      const n = names.get(el) ?? { zh: el, en: el };
      const ratio = Math.round((v / p) * 100) / 100;
      out.push({
        kind: 'jump',
        facilityCode: r.facilityCode,
        element: el,
        value: v,
        reference: p,
        score: ratio,
        rule: null,
        message: `${n.zh}由上期 ${fmt(p)} ${v > p ? '增至' : '降至'} ${fmt(v)}（${ratio} 倍）`,
        messageEn: `${n.en} went from ${fmt(p)} to ${fmt(v)} (${ratio}×) since the previous period`,
      });
    }
  }
  return out;
}

/** Stored values that break today's rules, and required elements left empty. */
export function findRuleBreaks(reports: QualityReport[], rules: ValidationRule[], requiredFor: (t: FacilityType) => readonly string[], names: Map<string, I18nText>): Finding[] {
  const out: Finding[] = [];
  for (const r of reports) {
    for (const v of [...checkRules(rules.filter((x) => x.severity === 'ERROR'), r.values), ...checkRequired(requiredFor(r.type), r.values, names)]) {
      const [left, right] = v.elements;
      const value = r.values[left];
      const other = right === undefined ? undefined : r.values[right];
      out.push({
        kind: 'rule',
        facilityCode: r.facilityCode,
        element: left,
        value: typeof value === 'number' ? value : null,
        reference: typeof other === 'number' ? other : null,
        score: null,
        rule: v.rule,
        message: v.message,
        messageEn: v.messageEn,
      });
    }
  }
  return out;
}

const ORDER: Record<FindingKind, number> = { rule: 0, outlier: 1, jump: 2 };
/** How far out a finding is: |M| for an outlier, the factor of a jump either way (a fall to ⅕ is 5). */
const extremity = (f: Finding) => (f.kind === 'jump' ? (f.score! > 0 ? Math.max(f.score!, 1 / f.score!) : Infinity) : Math.abs(f.score ?? 0));

/** Every finding of the reports: rule breaks first, then outliers (most extreme first), then jumps. */
export function reviewQuality(
  reports: QualityReport[],
  opts: { numeric: (t: FacilityType) => string[]; rules: ValidationRule[]; required: (t: FacilityType) => readonly string[]; names: Map<string, I18nText> },
): Finding[] {
  const byType = new Map<FacilityType, QualityReport[]>();
  for (const r of reports) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  const found = [
    ...findRuleBreaks(reports, opts.rules, opts.required, opts.names),
    ...[...byType].flatMap(([t, rs]) => [...findOutliers(rs, opts.numeric(t), opts.names), ...findJumps(rs, opts.numeric(t), opts.names)]),
  ];
  return found.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || extremity(b) - extremity(a) || a.facilityCode.localeCompare(b.facilityCode));
}
