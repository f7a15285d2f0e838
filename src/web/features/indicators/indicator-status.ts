/**
 * Target status of a value for colouring: met, near (within 10 percentage points of the
 * threshold, or 90 % of it for small thresholds), far, or none (no value or no target).
 */
export type StatusBand = 'met' | 'near' | 'far' | 'none';

export const STATUS_COLORS: Record<StatusBand, string> = {
  met: '#389e0d',
  near: '#d48806',
  far: '#cf1322',
  none: '#bfbfbf',
};

/** Light backgrounds for table cells, in the same order. */
export const STATUS_BG: Record<StatusBand, string> = {
  met: '#f0f9eb',
  near: '#fff7e6',
  far: '#fff1f0',
  none: '#fafafa',
};

export function statusBand(value: number | null | undefined, target: number | null | undefined, met: boolean | null | undefined): StatusBand {
  if (value === null || value === undefined || target === null || target === undefined || met === null || met === undefined) return 'none';
  if (met) return 'met';
  const margin = Math.min(0.1, target * 0.1);
  return Math.abs(target - value) <= margin + 1e-12 ? 'near' : 'far';
}

/**
 * Whether an indicator does not apply to an area: nothing it counts exists there — no county it
 * counts (a 市辖区 for 县办中医医疗机构覆盖率), no facility of its types (村卫生室 in a city
 * district) — so the answer has no row, or one expecting nothing. That is "不适用", not "无数据".
 */
export function notApplicable(row: { expectedReports: number; denominator?: number } | undefined): boolean {
  // Programme-record (FACT) rows expect no report: they apply when they have a denominator.
  return !row || (row.expectedReports === 0 && !((row.denominator ?? 0) > 0));
}

export { formatPercent } from '../../shared/format.js';
