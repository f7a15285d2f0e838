/**
 * The GTCM_ANNUAL report of a centre — a community health service centre (CHC) or a township
 * health centre (THC): a TCM hall, technique categories (≥ 6 is the target), TCM physicians,
 * and the TCM health management of the elderly and of children.
 */
import type { DataValues } from '../../domain/program.js';
import { clamp, logit, sigmoid } from './demo-random.js';
import { categoryCount, grassrootsReport, passes } from './demo-report-skeleton.js';
import type { Capability, GrassrootsFamily, GrassrootsTraits, ReportDraw, Staff } from './demo-report-skeleton.js';
import { level } from './demo-targets.js';
import { scaledPhysicians } from './demo-volume.js';

interface CentreOwn {
  capability: { uAny: number; uHall: number; uSix: number; uPhys: number };
  staff: { physZ: number; tcmPhysZ: number };
  /** Sizes of the elderly and children cohorts, and the rates the centre manages them at. */
  more: { eldZ: number; chZ: number; eldRateZ: number; chRateZ: number };
}
type CentreTraits = GrassrootsTraits<CentreOwn>;

function centreCapability(d: ReportDraw, g: number, tr: CentreTraits): Capability {
  const anyTcm = passes(d, 'anyTcm', g, tr.capability.uAny);
  const has_tcm_hall = anyTcm && passes(d, 'hall', g, tr.capability.uHall);
  const k = anyTcm ? categoryCount(d, 'six', g, tr.capability.uSix, 6, 1) : 0;
  return { serves: anyTcm, k, flags: { has_tcm_hall } };
}

function centreStaff(d: ReportDraw, g: number, tr: CentreTraits, anyTcm: boolean): Staff {
  const physicians = scaledPhysicians(d.f.type, tr.baseV, 0.2 * tr.staff.physZ, 0.02, d.t);
  const hasTcmPhys = anyTcm && passes(d, 'tcmPhys', g, tr.capability.uPhys);
  const tcm_physicians = hasTcmPhys
    ? clamp(Math.round(physicians * sigmoid(logit(0.2) + 0.35 * tr.staff.tcmPhysZ + 0.2 * g + 0.05 * d.t)), 1, physicians)
    : 0;
  return { physicians, tcm_physicians };
}

/** A public-health cohort: its size by type, lasting spread, limits, yearly change and noise. */
interface Cohort {
  ind: 'elderly' | 'children';
  size: { CHC: number; THC: number };
  spread: number;
  min: number;
  max: number;
  yearly: number;
  noise: number;
}
const ELDERLY: Cohort = { ind: 'elderly', size: { CHC: 4_500, THC: 3_000 }, spread: 0.45, min: 800, max: 12_000, yearly: 1.03, noise: 0.01 };
const CHILDREN: Cohort = { ind: 'children', size: { CHC: 520, THC: 450 }, spread: 0.5, min: 120, max: 1_600, yearly: 0.95, noise: 0.02 };

/** A cohort's size this year and how many of it the centre manages with TCM (two draws from the year's stream). */
function cohort(d: ReportDraw, g: number, c: Cohort, z: number, rateZ: number, anyTcm: boolean): [number, number] {
  const { t, yr } = d;
  const size = c.size[d.f.type as 'CHC' | 'THC'];
  const n = Math.round(clamp(size * Math.exp(c.spread * z), c.min, c.max) * Math.pow(c.yearly, t) * (1 + c.noise * yr.normal()));
  const rate = sigmoid(level(c.ind, d.f.type, t, 0.6 * g, d.geo) + 0.6 * rateZ + 0.15 * yr.normal());
  return [n, anyTcm ? Math.round(n * rate) : 0];
}

function centrePublicHealth(d: ReportDraw, g: number, tr: CentreTraits, anyTcm: boolean): DataValues {
  const [elderly_residents, elderly_tcm_managed] = cohort(d, g, ELDERLY, tr.more.eldZ, tr.more.eldRateZ, anyTcm);
  const [children_due, children_tcm_managed] = cohort(d, g, CHILDREN, tr.more.chZ, tr.more.chRateZ, anyTcm);
  return { elderly_residents, elderly_tcm_managed, children_due, children_tcm_managed };
}

const CENTRE: GrassrootsFamily<CentreOwn> = {
  draw: {
    capability: (st) => ({ uAny: st.next(), uHall: st.next(), uSix: st.next(), uPhys: st.next() }),
    staff: (st) => ({ physZ: st.normal(), tcmPhysZ: st.normal() }),
    more: (st) => ({ eldZ: st.normal(), chZ: st.normal(), eldRateZ: st.normal(), chRateZ: st.normal() }),
  },
  capability: centreCapability,
  staff: centreStaff,
  tcmShareWeight: 0.45,
  nondrugNeedsCategories: false,
  publicHealth: centrePublicHealth,
  education: { floor: 2, scale: 6, max: 60 },
};

export const centreReport = (d: ReportDraw): DataValues => grassrootsReport(d, CENTRE);
