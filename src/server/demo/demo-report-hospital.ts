/** The GTCM_ANNUAL report of a county TCM hospital: staff and visits only. */
import type { DataValues } from '../../domain/program.js';
import { logit, sigmoid } from './demo-random.js';
import { finishReport, nondrugVisits, type ReportDraw } from './demo-report-skeleton.js';
import { TCM_VISIT_SHARE, baseVisits, scaledPhysicians, visitsFor } from './demo-volume.js';

export function hospitalReport(d: ReportDraw): DataValues {
  const { f, year, geo, st, yr, t } = d;
  const baseV = baseVisits(f.type, st, geo.prof);
  const physZ = st.normal();
  const tcmPhysZ = st.normal();
  const tcmZ = st.normal();
  const nondrugZ = st.normal();

  const physicians = scaledPhysicians(f.type, baseV, 0.15 * physZ, 0.025, t);
  const tcm_physicians = Math.round(physicians * sigmoid(logit(0.55) + 0.3 * tcmPhysZ + 0.02 * t));
  const visits = visitsFor(f, baseV, year, d.visitNoise);
  const tcmShare = sigmoid(
    TCM_VISIT_SHARE.COUNTY_TCM_HOSPITAL + 0.3 * tcmZ + 0.3 * geo.prof.tcmVisits + 0.03 * t + 0.05 * yr.normal(),
  );
  const tcm_visits = Math.round(visits * tcmShare);
  const tcm_nondrug_visits = nondrugVisits(d, tcm_visits, 0.3 * nondrugZ, 0.05);
  return finishReport(d, { physicians, tcm_physicians, visits, tcm_visits, tcm_nondrug_visits }, baseV);
}
