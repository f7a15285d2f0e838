/** Periods. The annual data set uses yearly periods like `2024`. Pure, no I/O. */

export type PeriodType = 'YEARLY' | 'QUARTERLY' | 'MONTHLY';

export interface Period {
  id: string;
  type: PeriodType;
  start: string; // YYYY-MM-DD
  end: string; // YYYY-MM-DD
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Parses `2024`, `2024Q1` or `202401`; returns null when malformed or of another type than expected. */
export function parsePeriod(id: string, expected?: PeriodType): Period | null {
  let p: Period | null = null;
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    p = { id, type: 'YEARLY', start: `${y}-01-01`, end: `${y}-12-31` };
  } else if ((m = id.match(/^(\d{4})Q([1-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const m1 = (q - 1) * 3 + 1;
    p = { id, type: 'QUARTERLY', start: `${y}-${pad(m1)}-01`, end: `${y}-${pad(m1 + 2)}-${pad(lastDay(y, m1 + 2))}` };
  } else if ((m = id.match(/^(\d{4})(0[1-9]|1[0-2])$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    p = { id, type: 'MONTHLY', start: `${y}-${pad(mo)}-01`, end: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
  }
  if (!p) return null;
  const year = Number(p.id.slice(0, 4));
  if (year < 1949 || year > 2100) return null;
  if (expected && p.type !== expected) return null;
  return p;
}

/** Whether a string is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The last day of the month `months` after the period's end: 2024 + 3 → 2025-03-31. */
export function deadlineAfter(period: Period, months: number): string {
  const [y, m] = period.end.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return `${ty}-${pad(tm)}-${pad(lastDay(ty, tm))}`;
}

/** The period before this one (2024 → 2023, 2024Q1 → 2023Q4, 202401 → 202312). */
export function previousPeriod(p: Period): string {
  const y = Number(p.id.slice(0, 4));
  if (p.type === 'YEARLY') return String(y - 1);
  if (p.type === 'QUARTERLY') {
    const q = Number(p.id.slice(5));
    return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
  }
  const m = Number(p.id.slice(4));
  return m === 1 ? `${y - 1}12` : `${y}${pad(m - 1)}`;
}

/** The period after this one (2024 → 2025, 2024Q4 → 2025Q1, 202412 → 202501). */
export function nextPeriod(p: Period): string {
  const y = Number(p.id.slice(0, 4));
  if (p.type === 'YEARLY') return String(y + 1);
  if (p.type === 'QUARTERLY') {
    const q = Number(p.id.slice(5));
    return q === 4 ? `${y + 1}Q1` : `${y}Q${q + 1}`;
  }
  const m = Number(p.id.slice(4));
  return m === 12 ? `${y + 1}01` : `${y}${pad(m + 1)}`;
}

/** The period of the given type that holds the day `today` (YYYY-MM-DD). */
export function periodOfDay(type: PeriodType, today: string): string {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  if (type === 'YEARLY') return y;
  if (type === 'QUARTERLY') return `${y}Q${Math.ceil(m / 3)}`;
  return `${y}${pad(m)}`;
}

/** What a data set says about its periods (programs/<name>/metadata.json). */
export interface PeriodRules {
  periodType: PeriodType;
  /** The first period the programme collected; the lists start here. */
  firstPeriod?: string;
  /** Whether a period may be reported before it has ended (false: only ended periods). */
  earlyReporting?: boolean;
}

/**
 * The latest period open for reporting on `today`: the last one that has ended, or the running
 * one when the data set allows early reporting (on 2026-12-01 an annual report collects 2025).
 */
export function collectingPeriod(rules: PeriodRules, today: string): string {
  const running = parsePeriod(periodOfDay(rules.periodType, today))!;
  return rules.earlyReporting ? running.id : previousPeriod(running);
}

/** Whether reports for `id` may be written on `today`: a period of the data set's type, not after the collecting one. */
export function isOpenForReporting(id: string, rules: PeriodRules, today: string): boolean {
  const p = parsePeriod(id, rules.periodType);
  return p !== null && p.id <= collectingPeriod(rules, today);
}

/**
 * The periods people pick from, oldest first: from the first period (or the oldest with data)
 * to the collecting one, plus any holding data outside that range. At most `max` of the newest.
 */
export function selectablePeriods(rules: PeriodRules, today: string, withData: string[], max = 60): string[] {
  const last = collectingPeriod(rules, today);
  const own = withData.filter((id) => parsePeriod(id, rules.periodType) !== null);
  const first = [rules.firstPeriod, ...own].filter((x): x is string => !!x).sort()[0] ?? last;
  const out = new Set(own);
  for (let p = parsePeriod(first <= last ? first : last, rules.periodType); p && p.id <= last && out.size < 10_000; p = parsePeriod(nextPeriod(p)))
    out.add(p.id);
  return [...out].sort().slice(-max);
}

/** The calendar day in China (UTC+8) at an instant: reporting periods and deadlines follow Beijing time. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
