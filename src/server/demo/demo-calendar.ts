/** Days of the demo: whole UTC days since 1970, ISO dates, and whether a facility is open in a year. */
import type { Facility } from '../../domain/facility.js';
import { clamp } from './demo-random.js';

const DAY_MS = 86_400_000;
export const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isoDay = (iso: string) => dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

export function isOpenInYear(f: Facility, year: number): boolean {
  return f.opened <= `${year}-12-31` && (f.closed === null || f.closed >= `${year}-01-01`);
}

/** Share of the year the facility was open (1 for a full year; 1 when not open at all, for the outlier base). */
export function openFraction(f: Facility, year: number): number {
  const ys = `${year}-01-01`;
  const ye = `${year}-12-31`;
  if (f.opened <= ys && (f.closed === null || f.closed >= ye)) return 1;
  if (!isOpenInYear(f, year)) return 1;
  const first = dayOf(year, 1, 1);
  const len = dayOf(year + 1, 1, 1) - first;
  const from = f.opened > ys ? isoDay(f.opened) - first : 0;
  const to = f.closed !== null && f.closed < ye ? isoDay(f.closed) - first + 1 : len;
  return clamp((to - from) / len, 0.02, 1);
}
