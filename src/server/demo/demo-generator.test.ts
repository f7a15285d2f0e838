import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITY_DIVISION_LEVEL, FACILITY_TYPES, isOpenIn, type Facility, type FacilityType } from '../../domain/facility.js';
import { NON_DISTRICT_COUNTY_KINDS, type Division } from '../../domain/org-unit.js';
import { checkValue, elementsFor, type DataValues, type ProgramMetadata } from '../../domain/program.js';
import { readAllDivisions } from '../modules/org-units/china-division.source.js';
import {
  DEMO_ELEMENTS,
  DEMO_YEARS,
  FACILITY_CODE_PREFIX,
  TECHNIQUE_CATEGORIES,
  facilitiesForDivision,
  reportFor,
} from './demo-generator.js';

const metadata = JSON.parse(
  readFileSync(new URL('../../../programs/grassroots-tcm/metadata.json', import.meta.url), 'utf8'),
) as ProgramMetadata;
const dataSet = metadata.dataSets.find((d) => d.code === 'GTCM_ANNUAL')!;
const elements = new Map(metadata.dataElements.map((e) => [e.code, e]));
const optionSets = new Map(metadata.optionSets.map((o) => [o.code, o]));

const OPTS = { seed: 1 };
const CENTRES: FacilityType[] = ['CHC', 'THC'];
const STATIONS: FacilityType[] = ['CHSS', 'VC'];
const GRASSROOTS: FacilityType[] = [...CENTRES, ...STATIONS];

/** Which validation rules a report breaks (the five of GTCM_ANNUAL). */
function brokenRules(v: DataValues): string[] {
  const n = (k: string) => v[k] as number;
  const out: string[] = [];
  for (const r of dataSet.validationRules ?? []) {
    if (v[r.left] === undefined || v[r.right] === undefined) continue;
    if (!(n(r.left) <= n(r.right))) out.push(r.code);
  }
  return out;
}

const yearStart = (y: number) => `${y}-01-01`;
const yearEnd = (y: number) => `${y}-12-31`;

// ---------------------------------------------------------------------------------------------
// One pass over the whole nation: every facility, and the four years of reports of every
// second facility (≈ 1.3 million reports), accumulated into counters the tests then check.

interface Tally {
  open: number;
  reported: number;
  [k: string]: number;
}
const facilities: Facility[] = [];
const counties = { nonDistrict: 0, nonDistrictWithHospital: 0, district: 0, districtWithHospital: 0 };
const placement: string[] = []; // problems found while placing facilities on divisions
const divisionsByCode = new Map<string, Division>(); // only levels 1–3 (small)
const tallies = new Map<string, Tally>(); // `${year}:${type}` and `${year}:${type}:${province}`
const problems: string[] = [];
let reportsSeen = 0;
let violating = 0;
let multiViolating = 0;
let outliers = 0;
let comparableYears = 0;
let nonMonotone = 0;
const checkedSample: { f: Facility; year: number; v: DataValues }[] = [];

function tally(key: string): Tally {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { open: 0, reported: 0 }));
  return t;
}
const bump = (t: Tally, k: string, n = 1) => (t[k] = (t[k] ?? 0) + n);

beforeAll(async () => {
  for await (const d of readAllDivisions()) {
    if (d.level <= 3) divisionsByCode.set(d.code, d);
    const fs = facilitiesForDivision(d, OPTS);
    if (d.level === 3) {
      const nonDistrict = NON_DISTRICT_COUNTY_KINDS.includes(d.kind);
      if (nonDistrict) counties.nonDistrict++;
      if (d.kind === 'DISTRICT') counties.district++;
      if (fs.length > 0 && nonDistrict) counties.nonDistrictWithHospital++;
      if (fs.length > 0 && d.kind === 'DISTRICT') counties.districtWithHospital++;
    }
    if ((d.level === 4 || d.level === 5) && fs.length !== 1) placement.push(`${d.code}: ${fs.length} facilities`);
    for (const f of fs) {
      if (f.divisionCode !== d.code) placement.push(`${f.code}: division ${f.divisionCode} ≠ ${d.code}`);
      if (FACILITY_DIVISION_LEVEL[f.type] !== d.level) placement.push(`${f.code}: ${f.type} on level ${d.level}`);
      facilities.push(f);
    }
  }

  for (let i = 0; i < facilities.length; i += 2) {
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
      const tt = tally(`${year}:${f.type}`);
      const tp = tally(`${year}:${f.type}:${prov}`);
      bump(tt, 'open');
      bump(tp, 'open');
      if (!v) {
        prev = null;
        continue;
      }
      reportsSeen++;
      bump(tt, 'reported');
      bump(tp, 'reported');
      if (checkedSample.length < 30_000 && i % 40 === 0) checkedSample.push({ f, year, v });

      // Shape: exactly the applicable elements.
      const keys = Object.keys(v);
      if (keys.join() !== DEMO_ELEMENTS[f.type].join()) problems.push(`${f.code} ${year}: elements ${keys.join()}`);

      // Implausible reports: rule violations and ×20 outliers.
      const broken = brokenRules(v);
      if (broken.length > 0) violating++;
      if (broken.length > 1) multiViolating++;
      const n = (k: string) => v[k] as number;
      if (prev && f.opened < yearStart(year - 1) && (f.closed === null || f.closed > yearEnd(year))) {
        comparableYears++;
        if (n('visits') >= 15 * (prev.visits as number)) outliers++;
      }

      for (const t of [tt, tp]) {
        bump(t, 'visits', n('visits'));
        bump(t, 'tcm_visits', n('tcm_visits'));
        bump(t, 'physicians', n('physicians'));
        bump(t, 'tcm_physicians', n('tcm_physicians'));
      }
      if (f.type === 'COUNTY_TCM_HOSPITAL') {
        prev = v;
        continue;
      }
      const cats = v.technique_categories as string[];
      const plausible = broken.length === 0;
      for (const t of [tt, tp]) {
        if (n('tcm_education_sessions') >= 1) bump(t, 'education');
        if (cats.length >= 6) bump(t, 'six');
        if (cats.length >= 4) bump(t, 'four');
      }
      if (CENTRES.includes(f.type)) {
        const provides = cats.length > 0 || n('tcm_visits') > 0 || v.has_tcm_hall === true;
        for (const t of [tt, tp]) {
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
        for (const t of [tt, tp]) {
          if (v.provides_tcm) bump(t, 'provides');
          if (v.has_tcm_pavilion) bump(t, 'pavilion');
        }
        if (plausible && !v.provides_tcm && (v.has_tcm_pavilion || cats.length > 0 || n('tcm_visits') > 0))
          problems.push(`${f.code} ${year}: does not provide TCM but reports TCM activity`);
      }
      // Capacity only grows: categories accumulate; a hall (or TCM provision) once there stays.
      const flag = (CENTRES.includes(f.type) ? v.has_tcm_hall : v.provides_tcm) as boolean;
      if (prevCats && (prevCats.some((c) => !cats.includes(c)) || (prevFlag && !flag))) nonMonotone++;
      prevCats = cats;
      prevFlag = flag;
      prev = v;
    }
  }
}, 120_000);

function share(year: number, types: FacilityType[], num: string, den = 'reported', prov?: string): number {
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

// ---------------------------------------------------------------------------------------------

describe('metadata agreement', () => {
  it('hard-coded element lists equal elementsFor(GTCM_ANNUAL, type) for every type', () => {
    for (const type of FACILITY_TYPES) expect(DEMO_ELEMENTS[type]).toEqual(elementsFor(dataSet, type));
  });
  it('technique categories are the option set, in its order', () => {
    const set = optionSets.get(elements.get('technique_categories')!.optionSet!)!;
    expect([...TECHNIQUE_CATEGORIES]).toEqual(set.options.map((o) => o.code));
  });
});

describe('determinism', { timeout: 30_000 }, () => {
  const sample: Division[] = [
    { code: '530124', name: '富民县', level: 3, parentCode: '5301', kind: 'COUNTY' },
    { code: '530124100', name: '永定街道', level: 4, parentCode: '530124', kind: 'SUBDISTRICT' },
    { code: '530124101', name: '罗免镇', level: 4, parentCode: '530124', kind: 'TOWN' },
    { code: '530124101201', name: '罗免村委会', level: 5, parentCode: '530124101', kind: 'VILLAGERS_COMMITTEE' },
    { code: '530124100001', name: '永定社区居委会', level: 5, parentCode: '530124100', kind: 'RESIDENTS_COMMITTEE' },
  ];
  const all = () => {
    const fs = facilities.slice(0, 3000).concat(facilities.slice(-3000));
    return fs.map((f) => DEMO_YEARS.map((y) => reportFor(f, y, OPTS)));
  };

  it('same seed → identical facilities and reports, whatever the call order', () => {
    const once = sample.map((d) => facilitiesForDivision(d, { seed: 1 }));
    expect(sample.map((d) => facilitiesForDivision(d, { seed: 1 }))).toEqual(once);
    const forward = all();
    // Reverse order, and interleaved with another seed (the module caches per county and seed).
    const fs = facilities.slice(0, 3000).concat(facilities.slice(-3000));
    const backward: (DataValues | null)[][] = [];
    for (let i = fs.length - 1; i >= 0; i--) {
      reportFor(fs[i], 2022, { seed: 99 });
      backward[i] = [...DEMO_YEARS].reverse().map((y) => reportFor(fs[i], y, OPTS)).reverse();
    }
    expect(backward).toEqual(forward);
  });

  it('another seed → different data', () => {
    const some = facilities.slice(0, 2000);
    const differ = some.filter((f) => JSON.stringify(reportFor(f, 2023, { seed: 2 })) !== JSON.stringify(reportFor(f, 2023, OPTS)));
    expect(differ.length).toBeGreaterThan(1900);
    const other = sample.map((d) => facilitiesForDivision(d, { seed: 2 }));
    const same = sample.map((d) => facilitiesForDivision(d, { seed: 1 }));
    expect(JSON.stringify(other)).not.toEqual(JSON.stringify(same));
  });

  it('gives sensible names, codes and dates for a known county', () => {
    const [chc] = facilitiesForDivision(sample[1], OPTS);
    expect(chc).toMatchObject({ code: 'CHC-530124100', name: '永定社区卫生服务中心', type: 'CHC', divisionCode: '530124100' });
    const [thc] = facilitiesForDivision(sample[2], OPTS);
    expect(thc.code).toBe('THC-530124101');
    expect(thc.name).toMatch(/^罗免镇(中心)?卫生院$/);
    const [vc] = facilitiesForDivision(sample[3], OPTS);
    expect(vc).toMatchObject({ code: 'VC-530124101201', name: '罗免村卫生室', type: 'VC' });
    const [chss] = facilitiesForDivision(sample[4], OPTS);
    expect(chss).toMatchObject({ code: 'CHSS-530124100001', name: '永定社区卫生服务站', type: 'CHSS' });
    const vcs = ['东李村村委会', '京野村委会', '李悦庄村民委员会', '宝拉格嘎查委员会'].map(
      (name, i) =>
        facilitiesForDivision({ code: `53012410120${i}`, name, level: 5, parentCode: '530124101', kind: 'VILLAGERS_COMMITTEE' }, OPTS)[0]
          .name,
    );
    expect(vcs).toEqual(['东李村卫生室', '京野村卫生室', '李悦庄村卫生室', '宝拉格嘎查卫生室']);
    expect(facilitiesForDivision({ code: '53', name: '云南省', level: 1, parentCode: null, kind: 'PROVINCE' }, OPTS)).toEqual([]);
    expect(facilitiesForDivision({ code: '5301', name: '昆明市', level: 2, parentCode: '53', kind: 'PREFECTURE' }, OPTS)).toEqual([]);
  });
});

describe('facilities of the whole nation', { timeout: 30_000 }, () => {
  it('one grassroots facility per township/village unit, each on a division of its level', () => {
    expect(placement.slice(0, 5)).toEqual([]);
    const count = (t: FacilityType) => facilities.filter((f) => f.type === t).length;
    expect(count('CHC') + count('THC')).toBe(41_352);
    expect(count('CHSS') + count('VC')).toBe(620_573);
    expect(count('THC')).toBeGreaterThan(30_000);
    expect(count('CHC')).toBeGreaterThan(8_000);
  });

  it('codes are unique and well formed', () => {
    const codes = new Set(facilities.map((f) => f.code));
    expect(codes.size).toBe(facilities.length);
    const bad = facilities.filter(
      (f) => f.code !== `${FACILITY_CODE_PREFIX[f.type]}-${f.divisionCode}` || !/^(CTH|CHC|THC|CHSS|VC)-\d{6}(\d{3}(\d{3})?)?$/.test(f.code),
    );
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('county TCM hospitals: in most non-district counties, ~10% of districts, mostly public', () => {
    expect(counties.nonDistrictWithHospital / counties.nonDistrict).toBeGreaterThan(0.93);
    expect(counties.nonDistrictWithHospital / counties.nonDistrict).toBeLessThan(0.995);
    expect(counties.districtWithHospital / counties.district).toBeGreaterThan(0.06);
    expect(counties.districtWithHospital / counties.district).toBeLessThan(0.14);
    const hospitals = facilities.filter((f) => f.type === 'COUNTY_TCM_HOSPITAL');
    const pub = hospitals.filter((f) => f.ownership === 'PUBLIC').length / hospitals.length;
    expect(pub).toBeGreaterThan(0.89);
    expect(pub).toBeLessThan(0.97);
    for (const h of hospitals) {
      const county = divisionsByCode.get(h.divisionCode)!;
      expect(h.name.startsWith(county.name)).toBe(true);
      expect(h.name).toMatch(/医院$/);
      expect(h.attributes.beds).toBeGreaterThan(0);
    }
  });

  it('county TCM hospital coverage improves every year', () => {
    const cover = (y: number) => {
      const covered = new Set(
        facilities
          .filter((f) => f.type === 'COUNTY_TCM_HOSPITAL' && f.ownership === 'PUBLIC' && isOpenIn(f, yearStart(y), yearEnd(y)))
          .map((f) => f.divisionCode),
      );
      return [...covered].filter((c) => NON_DISTRICT_COUNTY_KINDS.includes(divisionsByCode.get(c)!.kind)).length / counties.nonDistrict;
    };
    const c = DEMO_YEARS.map(cover);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThan(c[i - 1]);
    expect(c[0]).toBeGreaterThan(0.8);
    expect(c[c.length - 1]).toBeLessThan(1);
  });

  it('ownership, names, dates and attributes are plausible', () => {
    const by = (t: FacilityType) => facilities.filter((f) => f.type === t);
    const pub = (t: FacilityType) => by(t).filter((f) => f.ownership === 'PUBLIC').length / by(t).length;
    expect(pub('THC')).toBeGreaterThan(0.96);
    expect(pub('CHC')).toBeGreaterThan(0.96);
    expect(pub('CHSS')).toBeCloseTo(0.7, 1);
    expect(pub('VC')).toBeCloseTo(0.55, 1);
    const suffix: Record<FacilityType, RegExp> = {
      COUNTY_TCM_HOSPITAL: /医院$/,
      CHC: /社区卫生服务中心$/,
      THC: /卫生院$/,
      CHSS: /社区卫生服务站$/,
      VC: /卫生室$/,
    };
    let opened2021on = 0;
    let closed = 0;
    const bad: string[] = [];
    let committeeNames = 0;
    const validDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
    for (const f of facilities) {
      // Village-level names lose their committee suffix (township-level "other" units keep odd real names).
      if (!suffix[f.type].test(f.name.replace(/（\d+）$/, ''))) bad.push(`${f.code} ${f.name}`);
      // Village-level names lose their committee suffix (a few odd real names keep one inside).
      if (FACILITY_DIVISION_LEVEL[f.type] === 5 && /(委员?会|村委|居委)/.test(f.name)) committeeNames++;
      if (!validDate(f.opened) || f.opened > '2024-12-31') bad.push(`${f.code} opened ${f.opened}`);
      if (f.opened >= '2021-01-01') opened2021on++;
      if (f.closed !== null) {
        closed++;
        if (!validDate(f.closed) || f.closed <= f.opened || f.closed < '2021-01-01' || f.closed > '2024-12-31')
          bad.push(`${f.code} closed ${f.closed}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(committeeNames).toBeLessThan(150);
    expect(opened2021on / facilities.length).toBeGreaterThan(0.007);
    expect(opened2021on / facilities.length).toBeLessThan(0.014);
    expect(closed / facilities.length).toBeGreaterThan(0.002);
    expect(closed / facilities.length).toBeLessThan(0.004);
  });
});

describe('reports', { timeout: 30_000 }, () => {
  it('only open facilities report; about 97% of them do', () => {
    expect(problems.slice(0, 5)).toEqual([]);
    const f: Facility = {
      code: 'THC-530124101',
      name: '罗免镇卫生院',
      type: 'THC',
      divisionCode: '530124101',
      ownership: 'PUBLIC',
      opened: '2023-06-01',
      closed: null,
      attributes: {},
    };
    expect(reportFor(f, 2021, OPTS)).toBeNull();
    expect(reportFor(f, 2022, OPTS)).toBeNull();
    expect(reportFor({ ...f, opened: '2000-01-01', closed: '2022-03-01' }, 2023, OPTS)).toBeNull();
    for (const year of DEMO_YEARS) {
      const r = share(year, [...FACILITY_TYPES], 'reported', 'open');
      expect(r).toBeGreaterThan(0.96);
      expect(r).toBeLessThan(0.98);
    }
  });

  it('values have the element types of the metadata', () => {
    expect(checkedSample.length).toBeGreaterThan(10_000);
    const bad: string[] = [];
    for (const { f, year, v } of checkedSample) {
      for (const [code, value] of Object.entries(v)) {
        const el = elements.get(code)!;
        const checked = checkValue(el, value, optionSets);
        const where = `${f.code} ${year} ${code}=${JSON.stringify(value)}`;
        if (!checked.ok) bad.push(`${where}: ${checked.problem}`);
        // Already normalised: option-set order, no duplicates.
        else if (JSON.stringify(checked.value) !== JSON.stringify(value)) bad.push(`${where}: not normalised`);
        if (el.valueType === 'INTEGER' && !(Number.isInteger(value) && (value as number) >= 0)) bad.push(`${where}: not a count`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('rule violations and ×20 outliers are rare but present, one problem per report', () => {
    expect(reportsSeen).toBeGreaterThan(1_000_000);
    const rate = violating / reportsSeen;
    expect(rate).toBeGreaterThan(1 / 3000);
    expect(rate).toBeLessThan(1 / 1400);
    expect(multiViolating).toBe(0);
    const outlierRate = outliers / comparableYears;
    expect(outlierRate).toBeGreaterThan(1 / 9000);
    expect(outlierRate).toBeLessThan(1 / 3000);
  });

  it('every rule is broken somewhere', () => {
    const seen = new Set<string>();
    for (let i = 1; i < facilities.length && seen.size < 5; i += 2)
      for (const y of DEMO_YEARS) {
        const v = reportFor(facilities[i], y, OPTS);
        if (v) for (const r of brokenRules(v)) seen.add(r);
      }
    expect([...seen].sort()).toEqual((dataSet.validationRules ?? []).map((r) => r.code).sort());
  });

  it('capacity only accumulates from year to year (categories, halls, TCM provision)', () => {
    expect(nonMonotone).toBe(0);
  });

  it('magnitudes are plausible', () => {
    const mean = (y: number, t: FacilityType, k: string) => tallies.get(`${y}:${t}`)![k] / tallies.get(`${y}:${t}`)!.reported;
    const within = (x: number, lo: number, hi: number) => expect(x >= lo && x <= hi, `${x} in [${lo}, ${hi}]`).toBe(true);
    within(mean(2022, 'THC', 'visits'), 10_000, 80_000);
    within(mean(2022, 'CHC', 'visits'), 20_000, 150_000);
    within(mean(2022, 'CHSS', 'visits'), 2_000, 15_000);
    within(mean(2022, 'VC', 'visits'), 500, 6_000);
    within(mean(2022, 'COUNTY_TCM_HOSPITAL', 'visits'), 100_000, 600_000);
    within(mean(2022, 'THC', 'physicians'), 5, 40);
    within(mean(2022, 'CHC', 'physicians'), 8, 60);
    within(mean(2022, 'CHSS', 'physicians'), 1, 6);
    within(mean(2022, 'VC', 'physicians'), 1, 3);
    within(mean(2022, 'COUNTY_TCM_HOSPITAL', 'physicians'), 80, 500);
    within(mean(2022, 'THC', 'elderly'), 1_000, 8_000);
    within(mean(2022, 'CHC', 'children'), 150, 1_500);
  });
});

describe('national shares (reported facilities) match the published figures', () => {
  const near = (x: number, target: number, tol: number) =>
    expect(Math.abs(x - target) <= tol, `${(x * 100).toFixed(2)}% vs ${(target * 100).toFixed(1)}% ± ${tol * 100}`).toBe(true);

  it('TCM service provision, 2022', () => {
    near(share(2022, ['CHC'], 'provides'), 0.995, 0.004);
    near(share(2022, ['THC'], 'provides'), 0.994, 0.004);
    near(share(2022, ['CHSS'], 'provides'), 0.934, 0.02);
    near(share(2022, ['VC'], 'provides'), 0.812, 0.02);
  });

  it('TCM visit share of grassroots visits: ≈ 22.7% in 2021, rising slightly', () => {
    const s = DEMO_YEARS.map((y) => share(y, GRASSROOTS, 'tcm_visits', 'visits'));
    near(s[0], 0.227, 0.015);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(s[3] - s[0]).toBeLessThan(0.04);
  });

  it('TCM halls: most CHC/THC in 2021, near all by 2024', () => {
    near(share(2021, ['CHC'], 'hall'), 0.88, 0.03);
    near(share(2021, ['THC'], 'hall'), 0.83, 0.03);
    expect(share(2024, CENTRES, 'hall')).toBeGreaterThan(0.96);
  });

  it('facility-share indicators rise from their 2021 to their 2024 levels', () => {
    const cases: [string, FacilityType[], string, string, number, number][] = [
      ['≥ 6 categories', CENTRES, 'six', 'reported', 0.6, 0.85],
      ['≥ 4 categories', STATIONS, 'four', 'reported', 0.45, 0.7],
      ['TCM pavilion', STATIONS, 'pavilion', 'reported', 0.03, 0.12],
      ['≥ 1 TCM physician', CENTRES, 'tcmPhysician', 'reported', 0.88, 0.97],
      ['TCM education', GRASSROOTS, 'education', 'reported', 0.8, 0.95],
      ['elderly management rate', CENTRES, 'elderlyManaged', 'elderly', 0.6, 0.72],
      ['children management rate', CENTRES, 'childrenManaged', 'children', 0.65, 0.78],
    ];
    for (const [label, types, num, den, from, to] of cases) {
      const s = DEMO_YEARS.map((y) => share(y, types, num, den));
      for (let i = 1; i < s.length; i++) expect(s[i], label).toBeGreaterThan(s[i - 1]);
      near(s[0], from, 0.035);
      near(s[3], to, 0.035);
    }
  });

  it('provinces differ, and each improves every year', () => {
    const provinces = [...new Set(facilities.map((f) => f.divisionCode.slice(0, 2)))];
    expect(provinces.length).toBe(31);
    const vc = (y: number, p?: string) => share(y, ['VC'], 'provides', 'reported', p);
    const hall = (y: number, p?: string) => share(y, CENTRES, 'hall', 'reported', p);
    // A composite of the facility-share indicators (small provinces near saturation can dip on one).
    const composite = (y: number, p: string) =>
      hall(y, p) +
      vc(y, p) +
      share(y, CENTRES, 'six', 'reported', p) +
      share(y, CENTRES, 'tcmPhysician', 'reported', p) +
      share(y, STATIONS, 'four', 'reported', p) +
      share(y, GRASSROOTS, 'education', 'reported', p) +
      share(y, STATIONS, 'pavilion', 'reported', p);
    for (const p of provinces) {
      for (let i = 1; i < DEMO_YEARS.length; i++)
        expect(composite(DEMO_YEARS[i], p), `province ${p} ${DEMO_YEARS[i]}`).toBeGreaterThan(composite(DEMO_YEARS[i - 1], p));
      expect(hall(2024, p)).toBeGreaterThan(hall(2021, p));
      expect(vc(2024, p)).toBeGreaterThan(vc(2021, p));
    }
    for (const p of ['54', '63', '65']) expect(vc(2022, p)).toBeLessThan(vc(2022) - 0.08);
    for (const p of ['33', '32', '11']) expect(vc(2022, p)).toBeGreaterThan(vc(2022));
    // Provinces rank differently on different indicators.
    const rank = (f: (p: string) => number) => [...provinces].sort((a, b) => f(b) - f(a)).join();
    expect(rank((p) => hall(2022, p))).not.toEqual(rank((p) => vc(2022, p)));
  });
});
