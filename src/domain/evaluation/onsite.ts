/**
 * The on-site review's sample (evaluation.md: "on-site review for a sample: random plus
 * risk-based — large self/province gaps, low completeness"). Every application at the national
 * review is reviewed on documents; the sample is those with a risk, then `random` more drawn from
 * the rest by a seeded shuffle — the same seed draws the same units, so a draw can be re-checked.
 * Pure.
 */
import { mulberry32 } from '../random.js';

export type SampleReason = 'GAP' | 'COMPLETENESS' | 'RANDOM';

export const SAMPLE_REASON_NAMES: Record<SampleReason, { zh: string; en: string }> = {
  GAP: { zh: '自评与省级评审差距大', en: 'Large self/province gap' },
  COMPLETENESS: { zh: '上报完整性低', en: 'Low completeness' },
  RANDOM: { zh: '随机抽取', en: 'Drawn at random' },
};

export interface SampleCandidate {
  applicationId: number;
  subjectCode: string;
  /** Totals of the self-assessment and the provincial review, where both were given. */
  selfTotal: number | null;
  provinceTotal: number | null;
  /** The share of expected reports received in the assessment year (0–1), null when none expected. */
  completeness: number | null;
}

export interface SampleRule {
  /** Units drawn at random beyond the risk-based ones. */
  random: number;
  seed: number;
  /** A self total this many points above the province's (or more) is a risk. */
  gapPoints: number;
  /** Completeness below this share is a risk. */
  completenessBelow: number;
}

export const DEFAULT_SAMPLE_RULE: Omit<SampleRule, 'seed' | 'random'> = { gapPoints: 10, completenessBelow: 0.98 };

export interface SamplePick {
  applicationId: number;
  subjectCode: string;
  reasons: SampleReason[];
  /** In words: 自评 86.5 分，省评 72 分，差 14.5 分；上报率 96.1%. */
  detail: string;
}

const generator = mulberry32;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function drawSample(candidates: SampleCandidate[], rule: SampleRule): SamplePick[] {
  const risky: SamplePick[] = [];
  const rest: SampleCandidate[] = [];
  for (const c of [...candidates].sort((a, b) => a.subjectCode.localeCompare(b.subjectCode))) {
    const reasons: SampleReason[] = [];
    const words: string[] = [];
    if (c.selfTotal !== null && c.provinceTotal !== null && c.selfTotal - c.provinceTotal >= rule.gapPoints) {
      reasons.push('GAP');
      words.push(`自评 ${round1(c.selfTotal)} 分，省评 ${round1(c.provinceTotal)} 分，差 ${round1(c.selfTotal - c.provinceTotal)} 分`);
    }
    if (c.completeness !== null && c.completeness < rule.completenessBelow) {
      reasons.push('COMPLETENESS');
      words.push(`上报率 ${round1(c.completeness * 100)}%`);
    }
    if (reasons.length) risky.push({ applicationId: c.applicationId, subjectCode: c.subjectCode, reasons, detail: words.join('；') });
    else rest.push(c);
  }
  // Fisher–Yates over the rest, seeded; the first `random` are drawn.
  const next = generator(rule.seed);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  const drawn = rest.slice(0, Math.max(0, rule.random)).map((c) => ({ applicationId: c.applicationId, subjectCode: c.subjectCode, reasons: ['RANDOM'] as SampleReason[], detail: '随机抽取' }));
  return [...risky, ...drawn].sort((a, b) => a.subjectCode.localeCompare(b.subjectCode));
}

/** What the on-site review found of an item. */
export const CHECK_RESULTS = ['MET', 'PARTLY', 'NOT_MET'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_NAMES: Record<CheckResult, { zh: string; en: string }> = {
  MET: { zh: '符合', en: 'Met' },
  PARTLY: { zh: '基本符合', en: 'Partly met' },
  NOT_MET: { zh: '不符合', en: 'Not met' },
};
