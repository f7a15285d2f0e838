/**
 * Indicator values against a small fixture computed by hand: a store with the hierarchy of
 * 530124 富民县 (县) and 530102 五华区 (市辖区) only, a handful of facilities (one opened after the
 * period, one closed before it, one closed on its first day, public and private county TCM
 * hospitals) and reports written through the repository — numerator, denominator, value and
 * reporting completeness at county, township and city level, and the CLI export of the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilityType, Ownership } from '../../../src/domain/facility.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import type { IndicatorRow, LevelName } from '../../../src/server/modules/indicators/analytics.service.js';
import { createTestFacility } from '../../support/builders/index.js';
import { parseCsv, runCli } from '../../support/cli.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
const T1 = '530124103'; // 罗免镇
const T2 = '530124104'; // 赤鹫镇
const T3 = '530124001'; // 永定街道
const W1 = '530102001'; // 五华区 first 街道
const CATS = ['ACUPUNCTURE', 'MOXIBUSTION', 'GUASHA', 'CUPPING', 'MINIMALLY_INVASIVE', 'TUINA', 'APPLICATION', 'BONE_SETTING', 'OTHER'];

async function report(facilityCode: string, values: Record<string, unknown>, period = '2024') {
  const at = `${Number(period) + 1}-02-01T00:00:00.000Z`;
  await ctx.store.repos.reports.upsert({
    dataSet: 'GTCM_ANNUAL', period, facilityCode, values: values as never, status: 'SUBMITTED', approvalLevel: null, submittedAt: at,
    comment: null, returnReason: null, approvedAt: null, approvedBy: null, createdAt: at, updatedAt: at, updatedBy: 'test',
  });
}

const fac = (code: string, type: FacilityType, divisionCode: string, opened = '2000-01-01', closed: string | null = null, ownership: Ownership = 'PUBLIC') =>
  createTestFacility(ctx, { code, type, divisionCode, opened, closed, ownership, name: `手算${code}` });

beforeAll(async () => {
  ctx = await createTestContext({ areas: ['530124', '530102'], demo: false });
  const v1 = (await ctx.store.repos.divisions.children(T1)).map((d) => d.code);
  const w1 = (await ctx.store.repos.divisions.children(W1)).map((d) => d.code);
  // 罗免镇: THC A and six VCs.
  await fac('HA', 'THC', T1);
  await report('HA', { has_tcm_hall: true, technique_categories: CATS.slice(0, 6), elderly_residents: 100, elderly_tcm_managed: 60, visits: 1000, tcm_visits: 300 });
  await fac('VA1', 'VC', v1[0]);
  await report('VA1', { provides_tcm: true, visits: 200, tcm_visits: 50 });
  await fac('VA2', 'VC', v1[1]);
  await report('VA2', { provides_tcm: false, visits: 100, tcm_visits: 10 });
  await fac('VA3', 'VC', v1[2]); // open, never reports: in every denominator, never in a numerator
  await fac('VA4', 'VC', v1[3], '2025-01-01'); // opened after 2024: out, report or not
  await report('VA4', { provides_tcm: true, visits: 100, tcm_visits: 100 });
  await fac('VA5', 'VC', v1[4], '2000-01-01', '2023-12-31'); // closed before 2024: out
  await report('VA5', { provides_tcm: true, visits: 100, tcm_visits: 100 });
  await fac('VA6', 'VC', v1[5], '2000-01-01', '2024-01-01'); // closed on 2024's first day: still open in 2024
  await report('VA6', { provides_tcm: true, visits: 100, tcm_visits: 20 });
  // 赤鹫镇: THC B, 5 technique categories only.
  await fac('HB', 'THC', T2);
  await report('HB', { has_tcm_hall: false, technique_categories: CATS.slice(0, 5), elderly_residents: 200, elderly_tcm_managed: 150, visits: 2000, tcm_visits: 500 });
  // 永定街道: CHC C without a report.
  await fac('HC', 'CHC', T3);
  // County TCM hospitals of 富民县: the public one closed mid-2022, the private one open; their visits never count.
  await fac('CTH-PUB', 'COUNTY_TCM_HOSPITAL', '530124', '2000-01-01', '2022-06-30');
  await fac('CTH-PRI', 'COUNTY_TCM_HOSPITAL', '530124', '2000-01-01', null, 'PRIVATE');
  await report('CTH-PRI', { visits: 5000, tcm_visits: 4000 });
  // 五华区 (a district): CHC D and CHSS d1; its public county TCM hospital does not count.
  await fac('HD', 'CHC', W1);
  await report('HD', { has_tcm_hall: true, technique_categories: CATS.slice(0, 7), elderly_residents: 50, elderly_tcm_managed: 50, visits: 500, tcm_visits: 100 });
  await fac('SD1', 'CHSS', w1[0]);
  await report('SD1', { provides_tcm: true, visits: 300, tcm_visits: 30 });
  await fac('CTH-WH', 'COUNTY_TCM_HOSPITAL', '530102');
  // Demonstration counties: 富民县 named 2016 and withdrawn 2023; 五华区 (a district counts here) named 2022.
  await ctx.store.repos.titles.upsertMany([
    { divisionCode: '530124', title: 'DEMO_COUNTY', granted: 2016, withdrawn: 2023, source: 'test' },
    { divisionCode: '530102', title: 'DEMO_COUNTY', granted: 2022, withdrawn: null, source: 'test' },
  ]);
}, 120_000);
afterAll(async () => ctx?.dispose());

async function rows(level: LevelName, period = '2024', area?: string): Promise<IndicatorRow[]> {
  return ctx.services.analytics.values(SYSTEM_ACTOR, { periods: [period], level, area });
}
function pick(rs: IndicatorRow[], area: string, indicator: string) {
  const r = rs.find((x) => x.areaCode === area && x.indicator === indicator);
  return r && { numerator: r.numerator, denominator: r.denominator, value: r.value, expected: r.expectedReports, reported: r.reportedReports };
}
const v = (numerator: number, denominator: number, expected: number, reported: number) => ({
  numerator, denominator, value: denominator === 0 ? null : expect.closeTo(numerator / denominator, 12), expected, reported,
});

describe('county level, 2024', () => {
  it('富民县: facility shares count every open CHC/THC or VC, reported or not', async () => {
    const rs = await rows('county');
    expect(pick(rs, '530124', 'tcm_hall_coverage')).toEqual(v(1, 3, 3, 2));
    expect(pick(rs, '530124', 'chc_thc_six_techniques')).toEqual(v(1, 3, 3, 2));
    expect(pick(rs, '530124', 'vc_tcm_service')).toEqual(v(2, 4, 4, 3));
  });

  it('富民县: ratios sum the reported values of open facilities of the named types only', async () => {
    const rs = await rows('county');
    expect(pick(rs, '530124', 'elderly_tcm_management_rate')).toEqual(v(210, 300, 3, 2));
    expect(pick(rs, '530124', 'tcm_visit_share')).toEqual(v(880, 3400, 7, 5));
  });

  it('五华区: its own facilities only', async () => {
    const rs = await rows('county');
    expect(pick(rs, '530102', 'tcm_hall_coverage')).toEqual(v(1, 1, 1, 1));
    expect(pick(rs, '530102', 'elderly_tcm_management_rate')).toEqual(v(50, 50, 1, 1));
    expect(pick(rs, '530102', 'tcm_visit_share')).toEqual(v(130, 800, 2, 2));
  });

  it('county TCM hospital coverage: only a public hospital open in the period covers a non-district county', async () => {
    expect(pick(await rows('county'), '530124', 'county_tcm_hospital_coverage')).toEqual(v(0, 1, 1, 1));
    expect(pick(await rows('county', '2022'), '530124', 'county_tcm_hospital_coverage')).toEqual(v(1, 1, 1, 1));
  });

  it('county TCM hospital coverage: a district is not a unit of the indicator (昆明市 counts 富民县 only)', async () => {
    expect(pick(await rows('city'), '5301', 'county_tcm_hospital_coverage')).toEqual(v(0, 1, 1, 1));
    expect(pick(await rows('city', '2022'), '5301', 'county_tcm_hospital_coverage')).toEqual(v(1, 1, 1, 1));
    const wh = pick(await rows('county'), '530102', 'county_tcm_hospital_coverage');
    if (wh) expect(wh).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});

describe('demonstration counties (titles)', () => {
  it('a title counts from the year granted until the year withdrawn; every county-level unit is in the denominator', async () => {
    // 昆明市 in the fixture: 五华区 and 富民县.
    expect(pick(await rows('city', '2021'), '5301', 'demonstration_county_share')).toEqual(v(1, 2, 2, 2));
    expect(pick(await rows('city', '2022'), '5301', 'demonstration_county_share')).toEqual(v(2, 2, 2, 2));
    expect(pick(await rows('city', '2023'), '5301', 'demonstration_county_share')).toEqual(v(1, 2, 2, 2));
    expect(pick(await rows('county', '2024'), '530124', 'demonstration_county_share')).toEqual(v(0, 1, 1, 1));
    expect(pick(await rows('county', '2021'), '530102', 'demonstration_county_share')).toEqual(v(0, 1, 1, 1));
  });

  it('the gap list names the counties without the title that year', async () => {
    const gaps = async (period: string) => (await ctx.services.analytics.gaps(SYSTEM_ACTOR, 'demonstration_county_share', period, '5301', 1, 20)).items.map((i) => i.code);
    expect(await gaps('2021')).toEqual(['530102']);
    expect(await gaps('2022')).toEqual([]);
    expect(await gaps('2024')).toEqual(['530124']);
  });
});

describe('township level, 2024', () => {
  it('罗免镇: THC A and its open VCs', async () => {
    const rs = await rows('township', '2024', '530124');
    expect(pick(rs, T1, 'tcm_hall_coverage')).toEqual(v(1, 1, 1, 1));
    expect(pick(rs, T1, 'chc_thc_six_techniques')).toEqual(v(1, 1, 1, 1));
    expect(pick(rs, T1, 'vc_tcm_service')).toEqual(v(2, 4, 4, 3));
    expect(pick(rs, T1, 'elderly_tcm_management_rate')).toEqual(v(60, 100, 1, 1));
    expect(pick(rs, T1, 'tcm_visit_share')).toEqual(v(380, 1400, 5, 4));
  });

  it('赤鹫镇 and 永定街道: a centre short of the condition, and one without a report (denominator 0 → value null)', async () => {
    const rs = await rows('township', '2024', '530124');
    expect(pick(rs, T2, 'tcm_hall_coverage')).toEqual(v(0, 1, 1, 1));
    expect(pick(rs, T2, 'chc_thc_six_techniques')).toEqual(v(0, 1, 1, 1));
    expect(pick(rs, T2, 'elderly_tcm_management_rate')).toEqual(v(150, 200, 1, 1));
    expect(pick(rs, T3, 'tcm_hall_coverage')).toEqual(v(0, 1, 1, 0));
    expect(pick(rs, T3, 'elderly_tcm_management_rate')).toEqual(v(0, 0, 1, 0));
  });

  it('the township totals add up to the county totals', async () => {
    const county = await rows('county', '2024', '530124');
    const town = await rows('township', '2024', '530124');
    for (const ind of ['tcm_hall_coverage', 'vc_tcm_service', 'tcm_visit_share', 'elderly_tcm_management_rate']) {
      const sum = (f: 'numerator' | 'denominator' | 'expectedReports') => town.filter((r) => r.indicator === ind).reduce((a, r) => a + r[f], 0);
      const c = county.find((r) => r.indicator === ind)!;
      expect([sum('numerator'), sum('denominator'), sum('expectedReports')], ind).toEqual([c.numerator, c.denominator, c.expectedReports]);
    }
  });

  it('every township row names a real township (no row for facilities attached above the township)', async () => {
    const rs = await rows('township');
    const codes = [...new Set(rs.map((r) => r.areaCode))].sort();
    expect(codes).toEqual([T3, T1, T2, W1].sort());
    expect(rs.filter((r) => r.indicator === 'county_tcm_hospital_coverage')).toEqual([]);
  });
});

describe('gtcm export indicators', () => {
  it('writes the service values with the documented header, and an empty value when the denominator is 0', async () => {
    const inds = ['elderly_tcm_management_rate', 'tcm_hall_coverage', 'vc_tcm_service'];
    const r = await runCli(ctx.config, ['export', 'indicators', '--period', '2024', '--level', 'township', '--area', '530124', '--indicators', inds.join(',')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/^\uFEFF/, '').split('\n')[0].trim()).toBe('area_code,area_name,indicator,numerator,denominator,value,target,met,expected_reports,reported_reports');
    const csv = parseCsv(r.stdout.replace(/^\uFEFF/, ''));
    const svc = (await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'township', area: '530124', indicators: inds }));
    expect(csv.map((c) => `${c.area_code}|${c.indicator}`)).toEqual(svc.map((s) => `${s.areaCode}|${s.indicator}`));
    for (const [i, s] of svc.entries()) {
      const c = csv[i];
      expect([c.area_name, Number(c.numerator), Number(c.denominator), Number(c.expected_reports), Number(c.reported_reports)]).toEqual([s.areaName, s.numerator, s.denominator, s.expectedReports, s.reportedReports]);
      if (s.value === null) expect(c.value).toBe('');
      else expect(Number(c.value)).toBeCloseTo(s.value, 9);
    }
    const empty = csv.find((c) => c.area_code === T3 && c.indicator === 'elderly_tcm_management_rate')!;
    expect(empty).toMatchObject({ denominator: '0', value: '', met: '' });
    expect(csv.find((c) => c.area_code === T1 && c.indicator === 'vc_tcm_service')).toMatchObject({ numerator: '2', denominator: '4', value: '0.5', target: '0.8', met: 'false' });
  });
});
