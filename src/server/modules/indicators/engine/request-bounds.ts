/**
 * Bounds on the work of one analytics request, checked before anything is computed: lists are
 * de-duplicated and validated (a read-only viewer once ran the server out of heap with
 * `periods=2024,2024,…` 300 times at township level), years lie in a sane range, at most
 * MAX_PERIODS of them, and the answer — periods × indicators × units — fits the configured cap
 * (config.limits.analyticsCells). Pure, no I/O.
 */
import type { ReportStatus } from '../../../../domain/approval.js';
import { AppError } from '../../../../domain/errors.js';

/** The earliest year analytics answers for; the latest is the clock's next year. */
export const MIN_YEAR = 2000;
/** Most periods (years) in one request. */
export const MAX_PERIODS = 10;
/** The report statuses a `statuses` filter may name. */
export const REPORT_STATUSES: readonly ReportStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];
/** Longest echo of a rejected value in an error. */
const ECHO = 40;

/** What one request may cost: the largest answer in cells (Infinity: none, as for the CLI), and the time that sets the latest year. */
export interface AnalyticsBounds {
  cells: number;
  now: Date;
}

export const unbounded = (): AnalyticsBounds => ({ cells: Infinity, now: new Date() });

export const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

const echo = (v: string) => (v.length > ECHO ? `${v.slice(0, ECHO)}…` : v);

/** The years of the list, each once, in order; E1002 when malformed, E1003 out of range, E1004 too many. */
export function checkYears(list: readonly string[], field: string, now: Date): string[] {
  const years = unique(list);
  const max = now.getUTCFullYear() + 1;
  for (const y of years) {
    if (!/^\d{4}$/.test(y)) throw new AppError('E1002', { field, value: echo(y) });
    // As strings: the message would show numbers with thousands separators (2,000).
    if (Number(y) < MIN_YEAR || Number(y) > max) throw new AppError('E1003', { field, value: y, min: String(MIN_YEAR), max: String(max) });
  }
  if (years.length > MAX_PERIODS) throw new AppError('E1004', { field, limit: MAX_PERIODS, count: years.length });
  return years;
}

/** The statuses of the filter, each once (undefined: no filter); E1005 for one that does not exist. */
export function checkStatuses(list: readonly string[] | undefined): ReportStatus[] | undefined {
  if (!list?.length) return undefined;
  const out = unique(list);
  for (const s of out) if (!REPORT_STATUSES.includes(s as ReportStatus)) throw new AppError('E1005', { field: 'statuses', value: echo(s), allowed: REPORT_STATUSES.join(',') });
  return out as ReportStatus[];
}

/** E6006 when periods × indicators × units exceeds the cap. */
export function checkCells(periods: number, indicators: number, units: number, limit: number): number {
  const cells = periods * indicators * units;
  if (cells > limit) throw new AppError('E6006', { cells, limit });
  return cells;
}
