/** Facilities (医疗卫生机构) and how they attach to divisions. Pure, no I/O. */
import type { DivisionKind, DivisionLevel } from './org-unit.js';

/**
 * The registry's facility types. TERTIARY_TCM_HOSPITAL (三级中医医院) is registered for 对口帮扶
 * (the assistance module) and reports nothing: GTCM_ANNUAL lists the types that report
 * (`DataSet.facilityTypes`), and completeness, import and indicators go by that list.
 */
export const FACILITY_TYPES = ['COUNTY_TCM_HOSPITAL', 'CHC', 'THC', 'CHSS', 'VC', 'TERTIARY_TCM_HOSPITAL'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const FACILITY_TYPE_NAMES: Record<FacilityType, { zh: string; en: string }> = {
  COUNTY_TCM_HOSPITAL: { zh: '县级中医医院', en: 'County TCM hospital' },
  CHC: { zh: '社区卫生服务中心', en: 'Community health centre' },
  THC: { zh: '乡镇卫生院', en: 'Township health centre' },
  CHSS: { zh: '社区卫生服务站', en: 'Community health station' },
  VC: { zh: '村卫生室', en: 'Village clinic' },
  TERTIARY_TCM_HOSPITAL: { zh: '三级中医医院', en: 'Tertiary TCM hospital' },
};

/** The division level each facility type attaches to. */
export const FACILITY_DIVISION_LEVEL: Record<FacilityType, DivisionLevel> = {
  COUNTY_TCM_HOSPITAL: 3,
  CHC: 4,
  THC: 4,
  CHSS: 5,
  VC: 5,
  /** Attached to the county-level district (区) where it stands. */
  TERTIARY_TCM_HOSPITAL: 3,
};

export const OWNERSHIPS = ['PUBLIC', 'PRIVATE'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_NAMES: Record<Ownership, { zh: string; en: string }> = {
  PUBLIC: { zh: '公立', en: 'Public' },
  PRIVATE: { zh: '非公立', en: 'Private' },
};

/** A registered facility. Dates are ISO `YYYY-MM-DD`. */
export interface Facility {
  code: string;
  name: string;
  type: FacilityType;
  divisionCode: string;
  ownership: Ownership;
  opened: string;
  closed: string | null;
  attributes: Record<string, unknown>;
}

/** What registering a facility takes (the API's and the web form's body). */
export type NewFacility = Omit<Facility, 'closed' | 'attributes'> & { attributes?: Record<string, unknown> };

/** What editing a facility may change. */
export type FacilityChanges = Partial<Pick<Facility, 'name' | 'ownership' | 'divisionCode' | 'opened' | 'attributes'>>;

/**
 * The grassroots facility the demo data set places in a township- or village-level unit
 * (PRODUCT.md): a CHC per 街道, a THC per 镇/乡, a CHSS per 居委会, a VC per 村委会.
 * Units of kind "other" get a CHC when the name reads urban (…地区, …办事处), else a THC;
 * at village level, a VC.
 */
export function grassrootsTypeFor(level: DivisionLevel, kind: DivisionKind, name: string): FacilityType | null {
  if (level === 4) {
    if (kind === 'SUBDISTRICT') return 'CHC';
    if (kind === 'TOWN' || kind === 'TOWNSHIP') return 'THC';
    return /(地区|办事处)$/.test(name) ? 'CHC' : 'THC';
  }
  if (level === 5) return kind === 'RESIDENTS_COMMITTEE' ? 'CHSS' : 'VC';
  return null;
}

/** A facility is open in a period when it opened on or before the period's last day and did not close before its first. */
export function isOpenIn(f: Pick<Facility, 'opened' | 'closed'>, periodStart: string, periodEnd: string): boolean {
  return f.opened <= periodEnd && (f.closed === null || f.closed >= periodStart);
}
