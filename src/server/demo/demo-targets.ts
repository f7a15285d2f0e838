/**
 * Where the demo's shares come from: the national targets per indicator and facility type
 * (calibrated to the published figures in PRODUCT.md), the province and county effects around
 * them, and the logit a facility must beat for an indicator in a year.
 */
import type { FacilityType } from '../../domain/facility.js';
import { provinceProfile, type ProvinceProfile } from './demo-profiles.js';
import { Rng, clamp, logit, sigmoid } from './demo-random.js';

type Pair = readonly [number, number];
export type Indicator =
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
export const yearsSince = (year: number) => clamp(year - Y0, T_MIN, T_MAX);

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

export interface Geo {
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

export function geoFor(seed: number, divisionCode: string): Geo {
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
export function level(ind: Indicator, type: FacilityType, t: number, g: number, geo: Geo): number {
  return base(ind, type, t) + g + geo.jitter[JITTER_SLOT[ind]];
}
