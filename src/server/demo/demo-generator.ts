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
 * `TARGETS` table); provinces differ by the profiles in `demo-profiles.ts` plus a seeded
 * county effect. About 1 report in 2,000 breaks one validation rule and about 1 in 5,000
 * carries a visit count twenty times the previous year's, for validation to catch.
 */
import type { Facility, FacilityType } from '../../domain/facility.js';
import type { DataValues } from '../../domain/program.js';
import { BASIC_RULES, CENTRE_RULES, applyAnomaly } from './demo-anomaly.js';
import { isOpenInYear } from './demo-calendar.js';
import { pickCategories } from './demo-categories.js';
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from './demo-options.js';
import { Rng, clamp, logit, sigmoid } from './demo-random.js';
import { geoFor, level, yearsSince, type Geo } from './demo-targets.js';
import { NONDRUG_SHARE, PHYSICIANS, TCM_VISIT_SHARE, TCM_VISIT_TREND, baseVisits, visitsFor, yearRng } from './demo-volume.js';

export { DEFAULT_DEMO_OPTIONS, DEMO_YEARS, type DemoOptions } from './demo-options.js';
export { FACILITY_CODE_PREFIX, facilitiesForDivision } from './demo-facilities.js';
export { TECHNIQUE_CATEGORIES } from './demo-categories.js';
export { DEMO_OUTLIER_RATE, DEMO_RULE_VIOLATION_RATE } from './demo-anomaly.js';

/**
 * The `GTCM_ANNUAL` elements each facility type reports, in form order. Mirrors
 * `elementsFor(GTCM_ANNUAL, type)` of programs/grassroots-tcm/metadata.json (a test keeps them equal).
 */
export const DEMO_ELEMENTS: Readonly<Record<FacilityType, readonly string[]>> = {
  COUNTY_TCM_HOSPITAL: ['physicians', 'tcm_physicians', 'visits', 'tcm_visits', 'tcm_nondrug_visits'],
  CHC: [
    'has_tcm_hall',
    'technique_categories',
    'physicians',
    'tcm_physicians',
    'visits',
    'tcm_visits',
    'tcm_nondrug_visits',
    'elderly_residents',
    'elderly_tcm_managed',
    'children_due',
    'children_tcm_managed',
    'tcm_education_sessions',
  ],
  THC: [
    'has_tcm_hall',
    'technique_categories',
    'physicians',
    'tcm_physicians',
    'visits',
    'tcm_visits',
    'tcm_nondrug_visits',
    'elderly_residents',
    'elderly_tcm_managed',
    'children_due',
    'children_tcm_managed',
    'tcm_education_sessions',
  ],
  CHSS: [
    'has_tcm_pavilion',
    'provides_tcm',
    'technique_categories',
    'physicians',
    'tcm_physicians',
    'visits',
    'tcm_visits',
    'tcm_nondrug_visits',
    'tcm_education_sessions',
  ],
  VC: [
    'has_tcm_pavilion',
    'provides_tcm',
    'technique_categories',
    'physicians',
    'tcm_physicians',
    'visits',
    'tcm_visits',
    'tcm_nondrug_visits',
    'tcm_education_sessions',
  ],
};

/** The GTCM_ANNUAL values one facility reports for a year, or null when it did not report. */
export function reportFor(f: Facility, year: number, opts: DemoOptions = DEFAULT_DEMO_OPTIONS): DataValues | null {
  if (!isOpenInYear(f, year)) return null;
  const seed = opts.seed;
  const geo = geoFor(seed, f.divisionCode);
  const yr = yearRng(seed, f.code, year);
  if (yr.next() >= geo.prof.reporting) return null;
  const visitNoise = yr.normal();
  const st = new Rng(`${seed}:${f.code}`);
  switch (f.type) {
    case 'COUNTY_TCM_HOSPITAL':
      return hospitalReport(f, year, seed, geo, st, yr, visitNoise);
    case 'CHC':
    case 'THC':
      return centreReport(f, year, seed, geo, st, yr, visitNoise);
    case 'CHSS':
    case 'VC':
      return stationReport(f, year, seed, geo, st, yr, visitNoise);
  }
}

function hospitalReport(f: Facility, year: number, seed: number, geo: Geo, st: Rng, yr: Rng, visitNoise: number): DataValues {
  const t = yearsSince(year);
  const baseV = baseVisits(f.type, st, geo.prof);
  const physZ = st.normal();
  const tcmPhysZ = st.normal();
  const tcmZ = st.normal();
  const nondrugZ = st.normal();

  const ph = PHYSICIANS.COUNTY_TCM_HOSPITAL;
  const physicians = Math.round(clamp((baseV / ph.perVisits) * Math.exp(0.15 * physZ) * (1 + 0.025 * t), ph.min, ph.max));
  const tcm_physicians = Math.round(physicians * sigmoid(logit(0.55) + 0.3 * tcmPhysZ + 0.02 * t));
  const visits = visitsFor(f, baseV, year, visitNoise);
  const tcmShare = sigmoid(
    TCM_VISIT_SHARE.COUNTY_TCM_HOSPITAL + 0.3 * tcmZ + 0.3 * geo.prof.tcmVisits + 0.03 * t + 0.05 * yr.normal(),
  );
  const tcm_visits = Math.round(visits * tcmShare);
  const tcm_nondrug_visits = Math.round(
    tcm_visits * sigmoid(NONDRUG_SHARE.COUNTY_TCM_HOSPITAL + 0.3 * nondrugZ + 0.05 * yr.normal()),
  );
  const v = { physicians, tcm_physicians, visits, tcm_visits, tcm_nondrug_visits };
  applyAnomaly(v, BASIC_RULES, yr, f, baseV, year, seed);
  return v;
}

function centreReport(f: Facility, year: number, seed: number, geo: Geo, st: Rng, yr: Rng, visitNoise: number): DataValues {
  const type = f.type;
  const t = yearsSince(year);
  // Lasting traits, in a fixed draw order (the categories take the stream's last draws).
  const capZ = st.normal();
  const uAny = st.next();
  const uHall = st.next();
  const uSix = st.next();
  const uPhys = st.next();
  const uEdu = st.next();
  const baseV = baseVisits(type, st, geo.prof);
  const physZ = st.normal();
  const tcmPhysZ = st.normal();
  const tcmZ = st.normal();
  const nondrugZ = st.normal();
  const eldZ = st.normal();
  const chZ = st.normal();
  const eldRateZ = st.normal();
  const chRateZ = st.normal();
  const eduMean = 2 + -Math.log(1 - st.next()) * 6;

  const g = geo.offset + geo.pace * t + 0.5 * capZ;
  const anyTcm = uAny < sigmoid(level('anyTcm', type, t, g, geo));
  const has_tcm_hall = anyTcm && uHall < sigmoid(level('hall', type, t, g, geo));
  // ≥ 6 categories exactly when the score is ≥ 0; each 0.77 logit step is one category more or less.
  const sixScore = level('six', type, t, g, geo) - logit(uSix);
  const k = anyTcm ? clamp(6 + Math.floor(sixScore * 1.3), 1, 10) : 0;

  const ph = PHYSICIANS[type];
  const visits = visitsFor(f, baseV, year, visitNoise);
  const physicians = Math.round(clamp((baseV / ph.perVisits) * Math.exp(0.2 * physZ) * (1 + 0.02 * t), ph.min, ph.max));
  const hasTcmPhys = anyTcm && uPhys < sigmoid(level('tcmPhys', type, t, g, geo));
  const tcm_physicians = hasTcmPhys
    ? clamp(Math.round(physicians * sigmoid(logit(0.2) + 0.35 * tcmPhysZ + 0.2 * g + 0.05 * t)), 1, physicians)
    : 0;

  const tcmShare = sigmoid(
    TCM_VISIT_SHARE[type] + TCM_VISIT_TREND * t + 0.4 * geo.prof.tcmVisits + 0.15 * g + 0.45 * tcmZ + 0.08 * yr.normal(),
  );
  const tcm_visits = anyTcm ? clamp(Math.round(visits * tcmShare), 1, visits) : 0;
  const tcm_nondrug_visits = Math.round(tcm_visits * sigmoid(NONDRUG_SHARE[type] + 0.4 * nondrugZ + 0.1 * yr.normal()));

  const elderly_residents = Math.round(
    clamp((type === 'CHC' ? 4_500 : 3_000) * Math.exp(0.45 * eldZ), 800, 12_000) *
      Math.pow(1.03, t) *
      (1 + 0.01 * yr.normal()),
  );
  const eldRate = sigmoid(level('elderly', type, t, 0.6 * g, geo) + 0.6 * eldRateZ + 0.15 * yr.normal());
  const elderly_tcm_managed = anyTcm ? Math.round(elderly_residents * eldRate) : 0;
  const children_due = Math.round(
    clamp((type === 'CHC' ? 520 : 450) * Math.exp(0.5 * chZ), 120, 1_600) * Math.pow(0.95, t) * (1 + 0.02 * yr.normal()),
  );
  const chRate = sigmoid(level('children', type, t, 0.6 * g, geo) + 0.6 * chRateZ + 0.15 * yr.normal());
  const children_tcm_managed = anyTcm ? Math.round(children_due * chRate) : 0;

  const educates = uEdu < sigmoid(level('education', type, t, g, geo));
  const tcm_education_sessions = educates ? Math.min(60, Math.max(1, Math.round(eduMean * (0.6 + 0.8 * yr.next())))) : 0;

  const v = {
    has_tcm_hall,
    technique_categories: pickCategories(st, k),
    physicians,
    tcm_physicians,
    visits,
    tcm_visits,
    tcm_nondrug_visits,
    elderly_residents,
    elderly_tcm_managed,
    children_due,
    children_tcm_managed,
    tcm_education_sessions,
  };
  applyAnomaly(v, CENTRE_RULES, yr, f, baseV, year, seed);
  return v;
}

function stationReport(f: Facility, year: number, seed: number, geo: Geo, st: Rng, yr: Rng, visitNoise: number): DataValues {
  const type = f.type;
  const t = yearsSince(year);
  // Lasting traits, in a fixed draw order (the categories take the stream's last draws).
  const capZ = st.normal();
  const uProv = st.next();
  const uFour = st.next();
  const uPav = st.next();
  const uEdu = st.next();
  const baseV = baseVisits(type, st, geo.prof);
  const physU = st.next();
  const docU0 = st.next();
  const docU1 = st.next();
  const docU2 = st.next();
  const tcmZ = st.normal();
  const nondrugZ = st.normal();
  const eduMean = 1 + -Math.log(1 - st.next()) * 2.5;

  const g = geo.offset + geo.pace * t + 0.5 * capZ;
  const provides_tcm = uProv < sigmoid(level('provides', type, t, g, geo));
  // Categories and pavilions only where TCM is provided (their bases are conditioned on it).
  const fourScore = level('four', type, t, g, geo) - logit(uFour);
  const k = provides_tcm ? clamp(4 + Math.floor(fourScore * 1.3), 0, 10) : 0;
  const has_tcm_pavilion = provides_tcm && uPav < sigmoid(level('pavilion', type, t, g, geo));

  const visits = visitsFor(f, baseV, year, visitNoise);
  let physicians: number;
  if (type === 'VC') physicians = physU < 0.55 ? 1 : physU < 0.88 ? 2 : 3;
  else {
    const ph = PHYSICIANS.CHSS;
    physicians = Math.round(clamp((baseV / ph.perVisits) * (0.7 + 0.6 * physU), ph.min, ph.max));
  }
  // TCM-capable doctors (能中会西): the first three doctors each may be one, more so every year.
  let tcm_physicians = 0;
  if (provides_tcm) {
    const pDoc = sigmoid((type === 'VC' ? logit(0.45) : logit(0.35)) + 0.3 * g + 0.06 * t);
    if (docU0 < pDoc) tcm_physicians++;
    if (physicians > 1 && docU1 < pDoc) tcm_physicians++;
    if (physicians > 2 && docU2 < pDoc) tcm_physicians++;
  }

  const tcmShare = sigmoid(
    TCM_VISIT_SHARE[type] + TCM_VISIT_TREND * t + 0.4 * geo.prof.tcmVisits + 0.15 * g + 0.5 * tcmZ + 0.08 * yr.normal(),
  );
  const tcm_visits = provides_tcm ? clamp(Math.round(visits * tcmShare), 1, visits) : 0;
  const tcm_nondrug_visits =
    k > 0 ? Math.round(tcm_visits * sigmoid(NONDRUG_SHARE[type] + 0.4 * nondrugZ + 0.1 * yr.normal())) : 0;

  const educates = uEdu < sigmoid(level('education', type, t, g, geo));
  const tcm_education_sessions = educates ? Math.min(24, Math.max(1, Math.round(eduMean * (0.6 + 0.8 * yr.next())))) : 0;

  const v = {
    has_tcm_pavilion,
    provides_tcm,
    technique_categories: pickCategories(st, k),
    physicians,
    tcm_physicians,
    visits,
    tcm_visits,
    tcm_nondrug_visits,
    tcm_education_sessions,
  };
  applyAnomaly(v, BASIC_RULES, yr, f, baseV, year, seed);
  return v;
}
