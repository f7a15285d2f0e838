/**
 * The skeleton every demo report shares, drawn once here. Every type: whether the open
 * facility files that year (the year's first draw), the visit noise (its next four), the
 * facility's lasting stream, the TCM non-drug visits and, last, the rare implausible value.
 * The grassroots families — centres (CHC, THC) and stations (CHSS, VC) — share more: a
 * capacity that grows every year, TCM visits only where TCM is offered, health education and
 * the technique categories. `grassrootsReport` draws those in one fixed order; a family
 * (`GrassrootsFamily`) supplies only what differs.
 */
import type { Facility } from '../../domain/facility.js';
import type { DataValues } from '../../domain/program.js';
import { applyAnomaly } from './demo-anomaly.js';
import { isOpenInYear } from './demo-calendar.js';
import { pickCategories } from './demo-categories.js';
import { Rng, clamp, logit, sigmoid } from './demo-random.js';
import { geoFor, level, yearsSince, type Geo, type Indicator } from './demo-targets.js';
import { NONDRUG_SHARE, TCM_VISIT_SHARE, TCM_VISIT_TREND, baseVisits, visitsFor, yearRng } from './demo-volume.js';

/** One report being drawn. */
export interface ReportDraw {
  f: Facility;
  year: number;
  seed: number;
  geo: Geo;
  /** Years since 2021, clamped. */
  t: number;
  /** The facility's lasting stream: its traits in a fixed order, then its technique categories. */
  st: Rng;
  /** The year's stream: reporting, visit noise, then the year's noise in the order values are drawn. */
  yr: Rng;
  visitNoise: number;
}

/** The start of every report: null when the facility is not open that year or does not file. */
export function startReport(f: Facility, year: number, seed: number): ReportDraw | null {
  if (!isOpenInYear(f, year)) return null;
  const geo = geoFor(seed, f.divisionCode);
  const yr = yearRng(seed, f.code, year);
  if (yr.next() >= geo.prof.reporting) return null;
  const visitNoise = yr.normal();
  const st = new Rng(`${seed}:${f.code}`);
  return { f, year, seed, geo, t: yearsSince(year), st, yr, visitNoise };
}

/** The end of every report: the rare implausible value, then the values. */
export function finishReport<V extends DataValues>(d: ReportDraw, v: V, baseV: number): V {
  applyAnomaly(v, d, baseV);
  return v;
}

/** TCM visits without drugs: a facility trait (`z`, already weighted) and the year's noise (one draw). */
export function nondrugVisits(d: ReportDraw, tcmVisits: number, z: number, noise: number): number {
  return Math.round(tcmVisits * sigmoid(NONDRUG_SHARE[d.f.type] + z + noise * d.yr.normal()));
}

/** Whether a lasting uniform `u` beats the facility's level for an indicator. */
export function passes(d: ReportDraw, ind: Indicator, g: number, u: number): boolean {
  return u < sigmoid(level(ind, d.f.type, d.t, g, d.geo));
}

// ---------------------------------------------------------------------------------------------
// Grassroots families

/** The lasting traits a family draws of its own, at three places of the skeleton's order. */
export interface OwnTraits {
  /** After the capacity: the uniforms its capability is drawn against. */
  capability: object;
  /** After the visit base: what its staff is drawn from. */
  staff: object;
  /** After the visit shares: anything else (centres: their public-health cohorts). */
  more?: object;
}

/** The lasting traits of a grassroots facility, in draw order (the categories take the stream's last draws). */
export interface GrassrootsTraits<O extends OwnTraits> {
  /** Capacity (standard normal). */
  capZ: number;
  capability: O['capability'];
  /** Education uniform. */
  uEdu: number;
  /** Visit base. */
  baseV: number;
  staff: O['staff'];
  /** TCM share and non-drug share of visits (standard normals). */
  tcmZ: number;
  nondrugZ: number;
  more: O['more'];
  /** Mean health education sessions a year. */
  eduMean: number;
}

/** What a family offers in a year: TCM at all, how many technique categories, its leading flags. */
export interface Capability {
  serves: boolean;
  k: number;
  /** The values before `technique_categories` in form order. */
  flags: DataValues;
}

export interface Staff {
  physicians: number;
  tcm_physicians: number;
}

/** What a grassroots family supplies to the skeleton. */
export interface GrassrootsFamily<O extends OwnTraits> {
  /** Draws its own lasting traits from the facility's stream. */
  draw: { capability(st: Rng): O['capability']; staff(st: Rng): O['staff']; more?(st: Rng): O['more'] };
  /** Health education: a lasting mean of sessions a year, `floor` plus an exponential of mean `scale`; at most `max`. */
  education: { floor: number; scale: number; max: number };
  capability(d: ReportDraw, g: number, tr: GrassrootsTraits<O>): Capability;
  /** Physicians (no draws from the year's stream). */
  staff(d: ReportDraw, g: number, tr: GrassrootsTraits<O>, serves: boolean): Staff;
  /** Weight of the TCM-share trait. */
  tcmShareWeight: number;
  /** Whether TCM non-drug visits need a technique category (otherwise drawn every year). */
  nondrugNeedsCategories: boolean;
  /** The values after the visits, before education in form order, drawn from the year's stream there. */
  publicHealth?(d: ReportDraw, g: number, tr: GrassrootsTraits<O>, serves: boolean): DataValues;
}

/** The lasting traits, in one fixed order: the shared ones here, the family's own between them. */
function drawTraits<O extends OwnTraits>({ f, geo, st }: ReportDraw, fam: GrassrootsFamily<O>): GrassrootsTraits<O> {
  return {
    capZ: st.normal(),
    capability: fam.draw.capability(st),
    uEdu: st.next(),
    baseV: baseVisits(f.type, st, geo.prof),
    staff: fam.draw.staff(st),
    tcmZ: st.normal(),
    nondrugZ: st.normal(),
    more: fam.draw.more?.(st),
    eduMean: fam.education.floor + -Math.log(1 - st.next()) * fam.education.scale,
  };
}

/** The logit offset of the facility in year t: province and county level and pace, and its own capacity. */
const capacity = (d: ReportDraw, capZ: number) => d.geo.offset + d.geo.pace * d.t + 0.5 * capZ;

/** TCM visits, at least one where TCM is offered; the year's noise is drawn either way. */
function tcmVisits(d: ReportDraw, g: number, z: number, visits: number, serves: boolean): number {
  const share = sigmoid(
    TCM_VISIT_SHARE[d.f.type] + TCM_VISIT_TREND * d.t + 0.4 * d.geo.prof.tcmVisits + 0.15 * g + z + 0.08 * d.yr.normal(),
  );
  return serves ? clamp(Math.round(visits * share), 1, visits) : 0;
}

function educationSessions(d: ReportDraw, g: number, tr: GrassrootsTraits<OwnTraits>, max: number): number {
  if (!passes(d, 'education', g, tr.uEdu)) return 0;
  return Math.min(max, Math.max(1, Math.round(tr.eduMean * (0.6 + 0.8 * d.yr.next()))));
}

/**
 * The number of technique categories: `at` exactly when the score (the level less the logit of
 * the facility's uniform) is ≥ 0; each 0.77 logit step is one category more or less.
 */
export function categoryCount(d: ReportDraw, ind: Indicator, g: number, u: number, at: number, min: number): number {
  return clamp(at + Math.floor((level(ind, d.f.type, d.t, g, d.geo) - logit(u)) * 1.3), min, 10);
}

/** A grassroots report, in form order; the year's stream is drawn in the order of the values. */
export function grassrootsReport<O extends OwnTraits>(d: ReportDraw, fam: GrassrootsFamily<O>): DataValues {
  const tr = drawTraits(d, fam);
  const g = capacity(d, tr.capZ);
  const { serves, k, flags } = fam.capability(d, g, tr);
  const visits = visitsFor(d.f, tr.baseV, d.year, d.visitNoise);
  const staff = fam.staff(d, g, tr, serves);
  const tcm_visits = tcmVisits(d, g, fam.tcmShareWeight * tr.tcmZ, visits, serves);
  const drawsNondrug = !fam.nondrugNeedsCategories || k > 0;
  const tcm_nondrug_visits = drawsNondrug ? nondrugVisits(d, tcm_visits, 0.4 * tr.nondrugZ, 0.1) : 0;
  const publicHealth = fam.publicHealth?.(d, g, tr, serves);
  const tcm_education_sessions = educationSessions(d, g, tr, fam.education.max);
  // Built key by key on an empty object, in form order: spreading the parts, or adding keys to a
  // spread's copy, makes the whole demo several times slower.
  const v: DataValues = {};
  Object.assign(v, flags);
  v.technique_categories = pickCategories(d.st, k);
  v.physicians = staff.physicians;
  v.tcm_physicians = staff.tcm_physicians;
  v.visits = visits;
  v.tcm_visits = tcm_visits;
  v.tcm_nondrug_visits = tcm_nondrug_visits;
  if (publicHealth) Object.assign(v, publicHealth);
  v.tcm_education_sessions = tcm_education_sessions;
  return finishReport(d, v, tr.baseV);
}
