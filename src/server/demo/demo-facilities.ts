/**
 * Which facilities each division gets: a county TCM hospital in most non-district county-level
 * units (and about one district in ten), one grassroots facility per township-level division and
 * per village committee, a 社区卫生服务站 in about one residents' committee in five (its type from
 * `grassrootsTypeFor`). Every facility draws its ownership, dates, name
 * and attributes from its own stream, seeded from `${seed}:f:${code}`.
 */
import type { Division } from '../../domain/org-unit.js';
import { NON_DISTRICT_COUNTY_KINDS } from '../../domain/org-unit.js';
import { grassrootsTypeFor, type Facility, type FacilityType, type Ownership } from '../../domain/facility.js';
import { dayOf, isoOfDay } from './demo-calendar.js';
import { grassrootsName, hospitalName } from './demo-names.js';
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from './demo-options.js';
import { Rng } from './demo-random.js';

/** Facility code prefix per type: `${prefix}-${divisionCode}`. */
export const FACILITY_CODE_PREFIX: Readonly<Record<FacilityType, string>> = {
  COUNTY_TCM_HOSPITAL: 'CTH',
  CHC: 'CHC',
  THC: 'THC',
  CHSS: 'CHSS',
  VC: 'VC',
  TERTIARY_TCM_HOSPITAL: 'TTH',
};

const NEW_FROM = dayOf(2021, 1, 1);
const NEW_TO = dayOf(2024, 12, 31);

/** Earliest plausible opening day per type (CHC/CHSS only exist since the late 1990s). */
const OPENED_FROM: Record<FacilityType, number> = {
  COUNTY_TCM_HOSPITAL: dayOf(1956, 1, 1),
  CHC: dayOf(1998, 1, 1),
  THC: dayOf(1958, 1, 1),
  CHSS: dayOf(2000, 1, 1),
  VC: dayOf(1980, 1, 1),
  TERTIARY_TCM_HOSPITAL: dayOf(1950, 1, 1),
};
const OPENED_TO = dayOf(2019, 12, 31);

/** Share of facilities opened during 2021–2024, and closed during 2021–2024. */
const NEW_SHARE: Record<FacilityType, number> = { COUNTY_TCM_HOSPITAL: 0.04, CHC: 0.01, THC: 0.01, CHSS: 0.01, VC: 0.01, TERTIARY_TCM_HOSPITAL: 0 };
const CLOSED_SHARE = 0.003;
const PUBLIC_SHARE: Record<FacilityType, number> = {
  COUNTY_TCM_HOSPITAL: 0.93, // overall; see HOSPITAL_PUBLIC_* below for how it is drawn
  CHC: 0.98,
  THC: 0.98,
  CHSS: 0.7,
  VC: 0.55,
  TERTIARY_TCM_HOSPITAL: 1,
};
/** Share of county-level units with a county TCM hospital: non-district units, districts. */
const HOSPITAL_SHARE_NON_DISTRICT = 0.985;
const HOSPITAL_SHARE_DISTRICT = 0.1;
/**
 * Public share of county TCM hospitals opened before 2021, in non-district units and in districts
 * (≈ 93% overall); those opened 2021–2024 under the 县办中医医疗机构全覆盖 policy are all public.
 */
const HOSPITAL_PUBLIC_NON_DISTRICT = 0.95;
const HOSPITAL_PUBLIC_DISTRICT = 0.75;

function datesFor(type: FacilityType, r: Rng): { opened: string; closed: string | null } {
  if (r.next() < NEW_SHARE[type]) return { opened: isoOfDay(r.int(NEW_FROM, NEW_TO)), closed: null };
  const opened = isoOfDay(r.int(OPENED_FROM[type], OPENED_TO));
  const closed = r.next() < CLOSED_SHARE ? isoOfDay(r.int(NEW_FROM, NEW_TO)) : null;
  return { opened, closed };
}

/** The county TCM hospital of a county-level unit, if it has one. */
function hospitalFor(d: Division, seed: number): Facility[] {
  const nonDistrict = NON_DISTRICT_COUNTY_KINDS.includes(d.kind);
  const share = nonDistrict ? HOSPITAL_SHARE_NON_DISTRICT : d.kind === 'DISTRICT' ? HOSPITAL_SHARE_DISTRICT : 0;
  const code = `${FACILITY_CODE_PREFIX.COUNTY_TCM_HOSPITAL}-${d.code}`;
  const r = new Rng(`${seed}:f:${code}`);
  if (r.next() >= share) return [];
  const { opened, closed } = datesFor('COUNTY_TCM_HOSPITAL', r);
  const publicOwned = opened >= '2021-01-01' || r.next() < (nonDistrict ? HOSPITAL_PUBLIC_NON_DISTRICT : HOSPITAL_PUBLIC_DISTRICT);
  const ownership: Ownership = publicOwned ? 'PUBLIC' : 'PRIVATE';
  const name = hospitalName(d, publicOwned, r);
  const beds = publicOwned ? r.int(120, 800) : r.int(30, 200);
  const grade = publicOwned ? (r.next() < 0.22 ? '三级' : r.next() < 0.85 ? '二级甲等' : '二级乙等') : '二级';
  return [{ code, name, type: 'COUNTY_TCM_HOSPITAL', divisionCode: d.code, ownership, opened, closed, attributes: { beds, grade } }];
}

/** Beds of a THC (more in a 中心卫生院) or CHC (many have none); other types have no attributes. */
function grassrootsAttributes(type: FacilityType, name: string, r: Rng): Record<string, unknown> {
  if (type === 'THC') return { beds: name.endsWith('中心卫生院') ? r.int(40, 160) : r.int(8, 80) };
  if (type === 'CHC') return { beds: r.next() < 0.4 ? 0 : r.int(5, 60) };
  return {};
}

/**
 * Share of residents' committees (126,714) with a 社区卫生服务站 of their own: about 26,000
 * stations in 2023 (卫生健康统计年鉴), each serving a few communities beside the centre of its
 * 街道. Drawn from a stream of its own, so the stations that exist are the same as before.
 */
const CHSS_SHARE = 0.205;

/** The grassroots facility of a township- or village-level division, if its kind has one. */
function grassrootsFor(d: Division, seed: number): Facility[] {
  const type = grassrootsTypeFor(d.level, d.kind, d.name);
  if (!type) return [];
  const code = `${FACILITY_CODE_PREFIX[type]}-${d.code}`;
  if (type === 'CHSS' && new Rng(`${seed}:has:${code}`).next() >= CHSS_SHARE) return [];
  const r = new Rng(`${seed}:f:${code}`);
  const ownership: Ownership = r.next() < PUBLIC_SHARE[type] ? 'PUBLIC' : 'PRIVATE';
  const { opened, closed } = datesFor(type, r);
  const name = grassrootsName(type, d, r);
  const attributes = grassrootsAttributes(type, name, r);
  return [{ code, name, type, divisionCode: d.code, ownership, opened, closed, attributes }];
}

/** Facilities for one division (called for every division, parents before children, in file order). */
export function facilitiesForDivision(d: Division, opts: DemoOptions = DEFAULT_DEMO_OPTIONS): Facility[] {
  if (d.level === 3) return hospitalFor(d, opts.seed);
  if (d.level !== 4 && d.level !== 5) return [];
  return grassrootsFor(d, opts.seed);
}
