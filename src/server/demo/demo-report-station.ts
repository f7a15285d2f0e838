/**
 * The GTCM_ANNUAL report of a station — a community health service station (CHSS) or a village
 * clinic (VC): whether it provides TCM at all, a TCM pavilion, technique categories (≥ 4 is the
 * target) and its TCM-capable doctors (能中会西).
 */
import type { DataValues } from '../../domain/program.js';
import { clamp, logit, sigmoid } from './demo-random.js';
import { categoryCount, grassrootsReport, passes } from './demo-report-skeleton.js';
import type { Capability, GrassrootsFamily, GrassrootsTraits, ReportDraw, Staff } from './demo-report-skeleton.js';
import { PHYSICIANS } from './demo-volume.js';

interface StationOwn {
  capability: { uProv: number; uFour: number; uPav: number };
  /** The physicians, and one uniform for each of the first three doctors. */
  staff: { physU: number; docU: [number, number, number] };
}
type StationTraits = GrassrootsTraits<StationOwn>;

/** Categories and pavilions only where TCM is provided (their bases are conditioned on it). */
function stationCapability(d: ReportDraw, g: number, tr: StationTraits): Capability {
  const provides_tcm = passes(d, 'provides', g, tr.capability.uProv);
  const k = provides_tcm ? categoryCount(d, 'four', g, tr.capability.uFour, 4, 0) : 0;
  const has_tcm_pavilion = provides_tcm && passes(d, 'pavilion', g, tr.capability.uPav);
  return { serves: provides_tcm, k, flags: { has_tcm_pavilion, provides_tcm } };
}

/** A VC has 1–3 village doctors; a CHSS physicians in proportion to its visit base. */
function stationPhysicians(d: ReportDraw, tr: StationTraits): number {
  if (d.f.type === 'VC') return tr.staff.physU < 0.55 ? 1 : tr.staff.physU < 0.88 ? 2 : 3;
  const ph = PHYSICIANS.CHSS;
  return Math.round(clamp((tr.baseV / ph.perVisits) * (0.7 + 0.6 * tr.staff.physU), ph.min, ph.max));
}

/** TCM-capable doctors (能中会西): the first three doctors each may be one, more so every year. */
function stationStaff(d: ReportDraw, g: number, tr: StationTraits, provides: boolean): Staff {
  const physicians = stationPhysicians(d, tr);
  if (!provides) return { physicians, tcm_physicians: 0 };
  const pDoc = sigmoid((d.f.type === 'VC' ? logit(0.45) : logit(0.35)) + 0.3 * g + 0.06 * d.t);
  const tcm_physicians = tr.staff.docU.filter((u, i) => i < physicians && u < pDoc).length;
  return { physicians, tcm_physicians };
}

const STATION: GrassrootsFamily<StationOwn> = {
  draw: {
    capability: (st) => ({ uProv: st.next(), uFour: st.next(), uPav: st.next() }),
    staff: (st) => ({ physU: st.next(), docU: [st.next(), st.next(), st.next()] }),
  },
  capability: stationCapability,
  staff: stationStaff,
  tcmShareWeight: 0.5,
  nondrugNeedsCategories: true,
  education: { floor: 1, scale: 2.5, max: 24 },
};

export const stationReport = (d: ReportDraw): DataValues => grassrootsReport(d, STATION);
