/**
 * The demo over the whole nation (one pass, in demo-national.fixture.ts): determinism, the
 * facilities of every division, the reports and the national shares they add up to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FACILITY_DIVISION_LEVEL, FACILITY_TYPES, isOpenIn, type Facility, type FacilityType } from '../../domain/facility.js';
import { NON_DISTRICT_COUNTY_KINDS } from '../../domain/org-unit.js';
import { checkValue, type DataValues } from '../../domain/program.js';
import { DEMO_YEARS, FACILITY_CODE_PREFIX, facilitiesForDivision, reportFor } from './demo-generator.js';
import {
  CENTRES,
  GRASSROOTS,
  OPTS,
  SAMPLE_DIVISIONS,
  STATIONS,
  brokenRules,
  checkedSample,
  counties,
  counts,
  dataSet,
  divisionsByCode,
  elements,
  facilities,
  optionSets,
  placement,
  villageUnits,
  problems,
  runNationalPass,
  share,
  tallies,
  yearEnd,
  yearStart,
} from './demo-national.fixture.js';

beforeAll(runNationalPass, 120_000);

describe('determinism', { timeout: 30_000 }, () => {
  const sample = SAMPLE_DIVISIONS;
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
});

describe('facilities of the whole nation', { timeout: 30_000 }, () => {
  it('one grassroots facility per township unit and village committee, a station in about one residents\' committee in five', () => {
    expect(placement.slice(0, 5)).toEqual([]);
    const count = (t: FacilityType) => facilities.filter((f) => f.type === t).length;
    expect(count('CHC') + count('THC')).toBe(41_352);
    expect(villageUnits.residentsCommittees + villageUnits.villagersCommittees).toBe(620_573);
    expect(count('VC')).toBe(villageUnits.villagersCommittees);
    // About 26,000 社区卫生服务站 in 2023, not one in every one of the 126,714 residents' committees.
    expect(count('CHSS')).toBeGreaterThan(24_000);
    expect(count('CHSS')).toBeLessThan(28_000);
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
      TERTIARY_TCM_HOSPITAL: /医院$/,
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

  it('rule violations and ×20 counts.outliers are rare but present, one problem per report', () => {
    expect(counts.reportsSeen).toBeGreaterThan(1_000_000);
    const rate = counts.violating / counts.reportsSeen;
    expect(rate).toBeGreaterThan(1 / 3000);
    expect(rate).toBeLessThan(1 / 1400);
    expect(counts.multiViolating).toBe(0);
    const outlierRate = counts.outliers / counts.comparableYears;
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
    expect(counts.nonMonotone).toBe(0);
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
