/**
 * The reporting periods of the default data set (GET /api/periods): which years people pick from,
 * which one is being collected, where figure pages open. Loaded once per login before any page
 * renders (`PeriodsGate`), so pages read them synchronously; the rule itself lives on the server.
 */
import type { ReportingPeriodsAnswer } from '../../domain/api/data-entry.js';
import { api } from './api.js';

export type ReportingPeriods = ReportingPeriodsAnswer;

/** Which default a page takes: figure pages open on `figures`, collection pages on `collecting`. */
export type PeriodPurpose = 'figures' | 'collecting';

let loaded: { key: string; value: ReportingPeriods } | null = null;
let pending: { key: string; promise: Promise<ReportingPeriods> } | null = null;

/** Loads the periods for a user (the key: the figures default depends on who asks). */
export function loadPeriods(key: string): Promise<ReportingPeriods> {
  if (loaded?.key === key) return Promise.resolve(loaded.value);
  if (pending?.key === key) return pending.promise;
  const promise = api.get<ReportingPeriods>('/api/periods').then(
    (value) => {
      loaded = { key, value };
      return value;
    },
    (err: unknown) => {
      pending = null;
      throw err;
    },
  );
  pending = { key, promise };
  return promise;
}

/** The loaded periods (after `PeriodsGate`); a fixed fallback before, so that pure helpers stay total in tests. */
export function reportingPeriods(): ReportingPeriods {
  if (loaded) return loaded.value;
  const year = String(new Date().getFullYear() - 1);
  return { dataSet: '', periodType: 'YEARLY', periods: [{ code: year, deadline: null, open: true, hasData: false, completeness: null }], collecting: year, figures: year, today: new Date().toISOString().slice(0, 10), completenessEnough: 0.8 };
}

/** Period codes people pick from, oldest first. */
export function periodCodes(): string[] {
  return reportingPeriods().periods.map((p) => p.code);
}

/** The default period of a page. */
export function defaultPeriod(purpose: PeriodPurpose): string {
  const r = reportingPeriods();
  return purpose === 'figures' ? r.figures : r.collecting;
}

/** A period from the URL when it is one to pick, else the page's default. */
export function periodOr(value: string | null | undefined, purpose: PeriodPurpose): string {
  return value && periodCodes().includes(value) ? value : defaultPeriod(purpose);
}
