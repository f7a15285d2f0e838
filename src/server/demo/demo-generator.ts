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
import { isOpenInYear, openFraction } from './demo-calendar.js';
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from './demo-options.js';
import { provinceProfile, type ProvinceProfile } from './demo-profiles.js';
import { Rng, clamp, logit, sigmoid } from './demo-random.js';

export { DEFAULT_DEMO_OPTIONS, DEMO_YEARS, type DemoOptions } from './demo-options.js';
export { FACILITY_CODE_PREFIX, facilitiesForDivision } from './demo-facilities.js';

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

/** The option codes of `TCM_TECHNIQUE_CATEGORY`, in option-set order. */
export const TECHNIQUE_CATEGORIES = [
  'ACUPUNCTURE',
  'MOXIBUSTION',
  'GUASHA',
  'CUPPING',
  'MINIMALLY_INVASIVE',
  'TUINA',
  'APPLICATION',
  'BONE_SETTING',
  'ANORECTAL',
  'OTHER',
] as const;

/** How readily a facility takes up each category (common ones first, 肛肠/微创 last). */
const TECHNIQUE_WEIGHTS = [10, 9, 8, 9, 2, 7, 7, 3, 1.5, 4];

/** Rates of deliberately implausible reports. */
export const DEMO_RULE_VIOLATION_RATE = 1 / 2000;
export const DEMO_OUTLIER_RATE = 1 / 5000;

// ---------------------------------------------------------------------------------------------
// Reports

type Pair = readonly [number, number];
type Indicator =
  | 'anyTcm'
  | 'hall'
  | 'six'
  | 'tcmPhys'
  | 'provides'
  | 'four'
  | 'pavilion'
  | 'education'
  | 'elderly'
  | 'children';

/**
 * National targets per indicator and facility type: the share (or rate) in 2021 and in 2024,
 * interpolated on the logit scale for the years between (and extrapolated, within limits).
 * Shares are of the facilities that reported.
 */
const TARGETS: Record<Indicator, Partial<Record<FacilityType, Pair>>> = {
  /** CHC/THC providing any TCM at all (any technique, TCM visit or hall): 2022 ≈ 99.5% / 99.4%. */
  anyTcm: { CHC: [0.993, 0.998], THC: [0.991, 0.997] },
  /** 中医馆: end-2020 ≈ 85% CHC / 80% THC, near 100% by 2024. */
  hall: { CHC: [0.88, 0.985], THC: [0.84, 0.975] },
  six: { CHC: [0.62, 0.86], THC: [0.6, 0.85] },
  tcmPhys: { CHC: [0.9, 0.975], THC: [0.87, 0.97] },
  /** CHSS/VC providing TCM: 2022 ≈ 93.4% / 81.2%. */
  provides: { CHSS: [0.905, 0.96], VC: [0.795, 0.85] },
  /** Of all CHSS/VC, not only those providing TCM (the base is conditioned on `provides`). */
  four: { CHSS: [0.47, 0.72], VC: [0.44, 0.69] },
  pavilion: { CHSS: [0.035, 0.13], VC: [0.03, 0.12] },
  education: { CHC: [0.9, 0.985], THC: [0.88, 0.98], CHSS: [0.82, 0.955], VC: [0.79, 0.945] },
  /** Σ managed / Σ residents. */
  elderly: { CHC: [0.6, 0.72], THC: [0.6, 0.72] },
  children: { CHC: [0.665, 0.79], THC: [0.665, 0.79] },
};
/** Targets defined over all facilities whose base applies only to those providing TCM. */
const CONDITIONED_ON: Partial<Record<Indicator, Indicator>> = { four: 'provides', pavilion: 'provides' };

/** Spread compensation: E[σ(b + X)] ≈ σ(b / √(1 + πσ²/8)) for the facility/county/province spread X. */
const SPREAD = 1.1;
/** National (facility-weighted) mean of the province offsets and paces, taken out so targets stay national. */
const OFFSET_CENTER = 0.12;
const PACE_CENTER = 0.08;

const Y0 = 2021;
const T_MIN = -8;
const T_MAX = 8;
const yearsSince = (year: number) => clamp(year - Y0, T_MIN, T_MAX);

/** The target share in year t (years since 2021). */
function trend(pair: Pair, t: number): number {
  const a = logit(pair[0]);
  const b = logit(pair[1]);
  return sigmoid(a + ((b - a) * t) / 3);
}

/** Base logits per indicator, type and year (index t − T_MIN), precomputed. */
const BASES = {} as Record<Indicator, Partial<Record<FacilityType, Float64Array>>>;
for (const ind of Object.keys(TARGETS) as Indicator[]) {
  BASES[ind] = {};
  for (const [type, pair] of Object.entries(TARGETS[ind]) as [FacilityType, Pair][]) {
    const arr = new Float64Array(T_MAX - T_MIN + 1);
    const cond = CONDITIONED_ON[ind];
    for (let t = T_MIN; t <= T_MAX; t++) {
      let share = trend(pair, t);
      if (cond) share = clamp(share / trend(TARGETS[cond][type]!, t), 0.001, 0.995);
      arr[t - T_MIN] = logit(share) * SPREAD;
    }
    BASES[ind][type] = arr;
  }
}
const base = (ind: Indicator, type: FacilityType, t: number) => BASES[ind][type]![t - T_MIN];

// Indicator slots of the per-province jitter (so provinces rank differently per indicator).
const JITTER_SLOT: Record<Indicator, number> = {
  anyTcm: 0,
  hall: 1,
  six: 2,
  tcmPhys: 3,
  provides: 4,
  four: 5,
  pavilion: 6,
  education: 7,
  elderly: 8,
  children: 9,
};
const N_SLOTS = 10;

interface Geo {
  prof: ProvinceProfile;
  /** Province + county offset (logit), centred nationally. */
  offset: number;
  /** Province + county extra improvement per year, centred nationally. */
  pace: number;
  /** Per-indicator province jitter. */
  jitter: Float64Array;
}

const geoCache = new Map<string, Geo>();
const jitterCache = new Map<string, Float64Array>();

function geoFor(seed: number, divisionCode: string): Geo {
  const county = divisionCode.slice(0, 6);
  const key = `${seed}:${county}`;
  let g = geoCache.get(key);
  if (g) return g;
  const prov = divisionCode.slice(0, 2);
  const pkey = `${seed}:${prov}`;
  let jitter = jitterCache.get(pkey);
  if (!jitter) {
    const pr = new Rng(`${seed}:p:${prov}`);
    jitter = new Float64Array(N_SLOTS);
    for (let i = 0; i < N_SLOTS; i++) jitter[i] = (pr.next() - 0.5) * 0.5;
    jitterCache.set(pkey, jitter);
  }
  const prof = provinceProfile(divisionCode);
  const cr = new Rng(`${seed}:c:${county}`);
  const offset = prof.offset - OFFSET_CENTER + (cr.next() - 0.5) * 0.8;
  const pace = prof.pace - PACE_CENTER + (cr.next() - 0.5) * 0.06;
  g = { prof, offset, pace, jitter };
  if (geoCache.size > 100_000) geoCache.clear();
  geoCache.set(key, g);
  return g;
}

/** The logit a facility must beat for an indicator in year t. */
function level(ind: Indicator, type: FacilityType, t: number, g: number, geo: Geo): number {
  return base(ind, type, t) + g + geo.jitter[JITTER_SLOT[ind]];
}

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
};
/** Visits per physician, and physician limits (VC: 1–3 village doctors, drawn directly). */
const PHYSICIANS: Record<FacilityType, { perVisits: number; min: number; max: number }> = {
  COUNTY_TCM_HOSPITAL: { perVisits: 1_100, min: 80, max: 500 },
  CHC: { perVisits: 2_300, min: 8, max: 60 },
  THC: { perVisits: 1_700, min: 5, max: 40 },
  CHSS: { perVisits: 2_200, min: 1, max: 6 },
  VC: { perVisits: 1, min: 1, max: 3 },
};
/** TCM share of visits (logit of the median facility) and its trend per year. */
const TCM_VISIT_SHARE: Record<FacilityType, number> = {
  COUNTY_TCM_HOSPITAL: logit(0.62),
  CHC: logit(0.215),
  THC: logit(0.205),
  CHSS: logit(0.22),
  VC: logit(0.285),
};
const TCM_VISIT_TREND = 0.02;
const NONDRUG_SHARE: Record<FacilityType, number> = {
  COUNTY_TCM_HOSPITAL: logit(0.22),
  CHC: logit(0.34),
  THC: logit(0.3),
  CHSS: logit(0.3),
  VC: logit(0.26),
};

/** The lasting trait that drives a facility's visit volume. */
function baseVisits(type: FacilityType, st: Rng, prof: ProvinceProfile): number {
  const v = VISITS[type];
  return clamp(v.median * Math.exp(v.sigma * st.normal()) * prof.volume, v.min, v.max);
}

/** The per-year PRNG: draw 1 decides reporting, draws 2–5 (a normal) the visit noise. */
function yearRng(seed: number, code: string, year: number): Rng {
  return new Rng(`${seed}:${code}:${year}`);
}

function visitsFor(f: Facility, baseV: number, year: number, noise: number): number {
  return Math.max(0, Math.round(baseV * growthOf(year) * Math.exp(0.05 * noise) * openFraction(f, year)));
}

/** The visits a facility would report in a year without anomalies (the base of the ×20 outlier). */
function normalVisits(f: Facility, baseV: number, year: number, seed: number): number {
  const yr = yearRng(seed, f.code, year);
  yr.next();
  return visitsFor(f, baseV, year, yr.normal());
}

const TOTAL_WEIGHT = TECHNIQUE_WEIGHTS.reduce((a, b) => a + b, 0);

/**
 * k categories drawn by weight without replacement from the facility's lasting stream (its last
 * draws), so the first k of one year are among the first k' ≥ k of a later year; returned in
 * option-set order.
 */
function pickCategories(st: Rng, k: number): string[] {
  if (k <= 0) return [];
  if (k >= 10) return TECHNIQUE_CATEGORIES.slice();
  let mask = 0;
  let remaining = TOTAL_WEIGHT;
  for (let s = 0; s < k; s++) {
    let r = st.next() * remaining;
    let chosen = -1;
    for (let i = 0; i < 10; i++) {
      if (mask & (1 << i)) continue;
      chosen = i;
      r -= TECHNIQUE_WEIGHTS[i];
      if (r < 0) break;
    }
    mask |= 1 << chosen;
    remaining -= TECHNIQUE_WEIGHTS[chosen];
  }
  const out: string[] = [];
  for (let i = 0; i < 10; i++) if (mask & (1 << i)) out.push(TECHNIQUE_CATEGORIES[i]);
  return out;
}

type Rule = 'tcm_physicians' | 'tcm_visits' | 'tcm_nondrug_visits' | 'elderly' | 'children';
const BASIC_RULES: readonly Rule[] = ['tcm_physicians', 'tcm_visits', 'tcm_nondrug_visits'];
const CENTRE_RULES: readonly Rule[] = ['tcm_physicians', 'tcm_visits', 'tcm_nondrug_visits', 'elderly', 'children'];

/** Makes about 1 report in 2,000 break one rule, and about 1 in 5,000 report visits 20× last year's. */
function applyAnomaly(
  v: Record<string, number | boolean | string[]>,
  rules: readonly Rule[],
  yr: Rng,
  f: Facility,
  baseV: number,
  year: number,
  seed: number,
): void {
  const u = yr.next();
  if (u >= DEMO_RULE_VIOLATION_RATE + DEMO_OUTLIER_RATE) return;
  if (u >= DEMO_RULE_VIOLATION_RATE) {
    v.visits = 20 * normalVisits(f, baseV, year - 1, seed);
    return;
  }
  const rule = rules[Math.floor(yr.next() * rules.length)];
  const mag = yr.next();
  const n = (k: string) => v[k] as number;
  switch (rule) {
    case 'tcm_physicians':
      v.tcm_physicians = n('physicians') + 1 + Math.floor(mag * 3);
      break;
    case 'tcm_visits':
      v.tcm_visits = n('visits') + 1 + Math.floor(n('visits') * (0.05 + mag * 0.5));
      break;
    case 'tcm_nondrug_visits':
      v.tcm_nondrug_visits = n('tcm_visits') + 1 + Math.floor(n('tcm_visits') * mag * 0.4);
      break;
    case 'elderly':
      v.elderly_tcm_managed = n('elderly_residents') + 1 + Math.floor(n('elderly_residents') * mag * 0.2);
      break;
    case 'children':
      v.children_tcm_managed = n('children_due') + 1 + Math.floor(n('children_due') * mag * 0.3);
      break;
  }
}

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
