/**
 * The deterministic national demo data set: one grassroots facility per township- and
 * village-level division, a county TCM hospital in most non-district counties, and the
 * `GTCM_ANNUAL` reports those facilities file for 2021–2024.
 *
 * Pure: no I/O, no clock, no Math.random. Every result depends only on the seed, the
 * division or facility code and the year — each call seeds its own PRNG (mulberry32) from an
 * FNV-1a hash of `${seed}:${code}[:${year}]`. A facility's lasting traits (size, capability,
 * which technique categories it would take up first, …) come from a per-facility stream; the
 * year's noise from a per-facility-year stream, so the years of one facility hang together
 * (a TCM hall, once set up, stays; technique categories only accumulate) and every province
 * improves year on year.
 *
 * The levels are calibrated to the published national shares in PRODUCT.md (see the
 * `TARGETS` table in `demo-targets.ts`); provinces differ by the profiles in `demo-profiles.ts`
 * plus a seeded county effect. About 1 report in 2,000 breaks one validation rule and about
 * 1 in 5,000 carries a visit count twenty times the previous year's, for validation to catch.
 *
 * This file is the entry (everything the platform imports is exported here). Which facilities a
 * division gets: `demo-facilities.ts` (names: `demo-names.ts`). Reports: the skeleton every type
 * shares in `demo-report-skeleton.ts`, what differs in `demo-report-hospital.ts`,
 * `demo-report-centre.ts` (CHC, THC) and `demo-report-station.ts` (CHSS, VC); their parts in
 * `demo-targets.ts`, `demo-volume.ts`, `demo-categories.ts` and `demo-anomaly.ts`.
 */
import type { Facility, FacilityType } from '../../domain/facility.js';
import type { DataValues } from '../../domain/program.js';
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from './demo-options.js';
import { centreReport } from './demo-report-centre.js';
import { hospitalReport } from './demo-report-hospital.js';
import { startReport, type ReportDraw } from './demo-report-skeleton.js';
import { stationReport } from './demo-report-station.js';

export { DEFAULT_DEMO_OPTIONS, DEMO_YEARS, type DemoOptions } from './demo-options.js';
export { FACILITY_CODE_PREFIX, facilitiesForDivision } from './demo-facilities.js';
export { TECHNIQUE_CATEGORIES } from './demo-categories.js';
export { DEMO_OUTLIER_RATE, DEMO_RULE_VIOLATION_RATE } from './demo-anomaly.js';

/** The elements every type reports (all a county TCM hospital reports). */
const STAFF_AND_VISITS = ['physicians', 'tcm_physicians', 'visits', 'tcm_visits', 'tcm_nondrug_visits'];
const CENTRE_ELEMENTS = [
  'has_tcm_hall',
  'technique_categories',
  ...STAFF_AND_VISITS,
  'elderly_residents',
  'elderly_tcm_managed',
  'children_due',
  'children_tcm_managed',
  'tcm_education_sessions',
];
const STATION_ELEMENTS = ['has_tcm_pavilion', 'provides_tcm', 'technique_categories', ...STAFF_AND_VISITS, 'tcm_education_sessions'];

/**
 * The `GTCM_ANNUAL` elements each facility type reports, in form order. Mirrors
 * `elementsFor(GTCM_ANNUAL, type)` of programs/grassroots-tcm/metadata.json (a test keeps them equal).
 */
export const DEMO_ELEMENTS: Readonly<Record<FacilityType, readonly string[]>> = {
  COUNTY_TCM_HOSPITAL: STAFF_AND_VISITS,
  CHC: CENTRE_ELEMENTS,
  THC: CENTRE_ELEMENTS,
  CHSS: STATION_ELEMENTS,
  VC: STATION_ELEMENTS,
  TERTIARY_TCM_HOSPITAL: [],
};

/** Tertiary hospitals are outside GTCM_ANNUAL: no report. */
const REPORT: Record<FacilityType, ((d: ReportDraw) => DataValues) | null> = {
  COUNTY_TCM_HOSPITAL: hospitalReport,
  CHC: centreReport,
  THC: centreReport,
  CHSS: stationReport,
  VC: stationReport,
  TERTIARY_TCM_HOSPITAL: null,
};

/** The GTCM_ANNUAL values one facility reports for a year, or null when it did not report. */
export function reportFor(f: Facility, year: number, opts: DemoOptions = DEFAULT_DEMO_OPTIONS): DataValues | null {
  const report = REPORT[f.type];
  if (!report) return null;
  const d = startReport(f, year, opts.seed);
  return d && report(d);
}
