import { describe, expect, it } from 'vitest';
import type { FacilityType } from '../facility.js';
import type { ValidationRule } from '../program.js';
import { findJumps, findOutliers, findRuleBreaks, modifiedZ, reviewQuality, type QualityReport } from './quality.js';

const names = new Map([
  ['visits', { zh: '总诊疗人次', en: 'Visits' }],
  ['tcm_visits', { zh: '中医诊疗人次', en: 'TCM visits' }],
]);

/** Reports of one type in one county, one per value (`F1`, `F2`, …). */
function group(values: number[], opts: { group?: string; type?: FacilityType; element?: string } = {}): QualityReport[] {
  return values.map((v, i) => ({
    facilityCode: `${opts.group ?? 'A'}-F${i + 1}`,
    type: opts.type ?? 'VC',
    group: opts.group ?? 'A',
    values: { [opts.element ?? 'visits']: v },
    previous: null,
  }));
}

describe('modified z-scores', () => {
  it('by the median absolute deviation: [1, 2, 3, 4, 100] puts 100 at 0.6745 × 97', () => {
    const z = modifiedZ([1, 2, 3, 4, 100])!;
    expect(z[4]).toBeCloseTo(0.6745 * 97, 6);
    expect(z[0]).toBeCloseTo(-0.6745 * 2, 6);
  });

  it('by the mean absolute deviation when most values are equal (MAD 0); none when all are', () => {
    const z = modifiedZ([10, 10, 10, 10, 10, 10, 50])!;
    expect(z[6]).toBeCloseTo(40 / (1.253314 * (40 / 7)), 6);
    expect(modifiedZ([7, 7, 7, 7, 7])).toBeNull();
  });
});

describe('outliers across a county’s facilities of a type', () => {
  it('flags the value far from the others, with the median as reference', () => {
    const found = findOutliers(group([100, 110, 95, 105, 98, 5000]), ['visits'], names);
    expect(found.map((f) => [f.facilityCode, f.value, f.reference])).toEqual([['A-F6', 5000, 102.5]]);
    expect(found[0].message).toContain('远高于');
  });

  it('compares within a county only, and not in groups under five', () => {
    // 5000 is ordinary among county B's facilities; county C has four facilities only.
    const reports = [...group([100, 110, 95, 105, 98], { group: 'A' }), ...group([5000, 5200, 4900, 5100, 5050], { group: 'B' }), ...group([1, 2, 3, 9000], { group: 'C' })];
    expect(findOutliers(reports, ['visits'], names)).toEqual([]);
  });
});

describe('year-on-year jumps', () => {
  const withPrevious = (now: number, before: number | undefined): QualityReport => ({
    facilityCode: `F-${now}-${before}`,
    type: 'VC',
    group: 'A',
    values: { visits: now },
    previous: before === undefined ? null : { visits: before },
  });

  it('more than 3× or under ⅓ of the previous period, by at least 10', () => {
    const found = findJumps([withPrevious(400, 100), withPrevious(20, 100), withPrevious(250, 100), withPrevious(7, 2), withPrevious(50, 0), withPrevious(500, undefined)], ['visits'], names);
    expect(found.map((f) => [f.value, f.reference, f.score])).toEqual([
      [400, 100, 4],
      [20, 100, 0.2],
    ]);
  });
});

describe('rules broken by stored values', () => {
  const rules: ValidationRule[] = [
    { code: 'R_TCM_VISITS', left: 'tcm_visits', operator: '<=', right: 'visits', severity: 'ERROR', message: { zh: '中医诊疗人次不能大于总诊疗人次', en: 'TCM visits cannot exceed total visits' } },
  ];

  it('today’s rules and required elements, each a finding with both sides', () => {
    const reports: QualityReport[] = [
      { facilityCode: 'F1', type: 'VC', group: 'A', values: { visits: 10, tcm_visits: 30 }, previous: null },
      { facilityCode: 'F2', type: 'VC', group: 'A', values: { tcm_visits: 3 }, previous: null },
      { facilityCode: 'F3', type: 'VC', group: 'A', values: { visits: 10, tcm_visits: 3 }, previous: null },
    ];
    const found = findRuleBreaks(reports, rules, () => ['visits'], names);
    expect(found.map((f) => [f.facilityCode, f.rule, f.value, f.reference])).toEqual([
      ['F1', 'R_TCM_VISITS', 30, 10],
      ['F2', 'REQUIRED', null, null],
    ]);
  });
});

describe('the review', () => {
  it('lists rule breaks first, then outliers, then jumps, the most extreme first', () => {
    const reports = group([100, 110, 95, 105, 98, 5000, 900]);
    reports[0].previous = { visits: 10 }; // ×10
    reports[1].previous = { visits: 30 }; // ×3.67
    reports[2].values.tcm_visits = 500; // breaks the rule
    const rules: ValidationRule[] = [{ code: 'R', left: 'tcm_visits', operator: '<=', right: 'visits', severity: 'ERROR', message: { zh: 'x', en: 'x' } }];
    const found = reviewQuality(reports, { numeric: () => ['visits'], rules, required: () => [], names });
    expect(found.map((f) => `${f.kind}:${f.facilityCode}`)).toEqual(['rule:A-F3', 'outlier:A-F6', 'outlier:A-F7', 'jump:A-F1', 'jump:A-F2']);
  });
});
