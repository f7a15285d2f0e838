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
