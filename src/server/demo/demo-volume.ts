/**
 * Volumes of the demo: visits (a lasting base per facility, the year's growth and noise, the
 * share of the year open), physicians per visits, and the TCM shares of visits per type.
 */
import type { Facility, FacilityType } from '../../domain/facility.js';
import { openFraction } from './demo-calendar.js';
import type { ProvinceProfile } from './demo-profiles.js';
import { Rng, clamp, logit } from './demo-random.js';

/** Visit volume relative to 2021 (2022 dipped with the epidemic). */
const GROWTH: Record<number, number> = { 2019: 1.02, 2020: 0.94, 2021: 1, 2022: 0.96, 2023: 1.07, 2024: 1.1 };
const growthOf = (year: number) => GROWTH[year] ?? (year < 2019 ? 1 : 1.1 * Math.pow(1.02, year - 2024));

interface Volume {
  median: number;
  sigma: number;
  min: number;
  max: number;
}
const VISITS: Record<FacilityType, Volume> = {
  COUNTY_TCM_HOSPITAL: { median: 230_000, sigma: 0.42, min: 90_000, max: 750_000 },
  CHC: { median: 52_000, sigma: 0.5, min: 15_000, max: 180_000 },
  THC: { median: 28_000, sigma: 0.45, min: 8_000, max: 100_000 },
  CHSS: { median: 5_500, sigma: 0.5, min: 1_500, max: 18_000 },
  VC: { median: 1_800, sigma: 0.55, min: 400, max: 7_000 },
  // Tertiary hospitals report nothing (not in GTCM_ANNUAL); kept for completeness of the table.
  TERTIARY_TCM_HOSPITAL: { median: 900_000, sigma: 0.4, min: 300_000, max: 3_000_000 },
};
/** Visits per physician, and physician limits (VC: 1–3 village doctors, drawn directly). */
export const PHYSICIANS: Record<FacilityType, { perVisits: number; min: number; max: number }> = {
  COUNTY_TCM_HOSPITAL: { perVisits: 1_100, min: 80, max: 500 },
  CHC: { perVisits: 2_300, min: 8, max: 60 },
  THC: { perVisits: 1_700, min: 5, max: 40 },
  CHSS: { perVisits: 2_200, min: 1, max: 6 },
  VC: { perVisits: 1, min: 1, max: 3 },
  TERTIARY_TCM_HOSPITAL: { perVisits: 1_100, min: 300, max: 2_000 },
};
/** TCM share of visits (logit of the median facility) and its trend per year. */
export const TCM_VISIT_SHARE: Record<FacilityType, number> = {
  COUNTY_TCM_HOSPITAL: logit(0.62),
  CHC: logit(0.215),
  THC: logit(0.205),
  CHSS: logit(0.22),
  VC: logit(0.285),
  TERTIARY_TCM_HOSPITAL: logit(0.6),
};
export const TCM_VISIT_TREND = 0.02;
export const NONDRUG_SHARE: Record<FacilityType, number> = {
  COUNTY_TCM_HOSPITAL: logit(0.22),
  CHC: logit(0.34),
  THC: logit(0.3),
  CHSS: logit(0.3),
  VC: logit(0.26),
  TERTIARY_TCM_HOSPITAL: logit(0.2),
};

/** The lasting trait that drives a facility's visit volume. */
export function baseVisits(type: FacilityType, st: Rng, prof: ProvinceProfile): number {
  const v = VISITS[type];
  return clamp(v.median * Math.exp(v.sigma * st.normal()) * prof.volume, v.min, v.max);
}

/** The per-year PRNG: draw 1 decides reporting, draws 2–5 (a normal) the visit noise. */
export function yearRng(seed: number, code: string, year: number): Rng {
  return new Rng(`${seed}:${code}:${year}`);
}

export function visitsFor(f: Facility, baseV: number, year: number, noise: number): number {
  return Math.max(0, Math.round(baseV * growthOf(year) * Math.exp(0.05 * noise) * openFraction(f, year)));
}

/** The visits a facility would report in a year without anomalies (the base of the ×20 outlier). */
export function normalVisits(f: Facility, baseV: number, year: number, seed: number): number {
  const yr = yearRng(seed, f.code, year);
  yr.next();
  return visitsFor(f, baseV, year, yr.normal());
}

/** Physicians in proportion to the visit base: a lasting spread (`z`, already weighted) and a yearly growth. */
export function scaledPhysicians(type: FacilityType, baseV: number, z: number, growth: number, t: number): number {
  const ph = PHYSICIANS[type];
  return Math.round(clamp((baseV / ph.perVisits) * Math.exp(z) * (1 + growth * t), ph.min, ph.max));
}
