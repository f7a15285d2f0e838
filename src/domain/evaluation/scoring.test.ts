import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandPoints, linearPoints, manualProblem, roundHalfUp, scoreAutomatic, scoreManual, totalScore, type ItemScore } from './scoring.js';
import { allItems, standard, type Standard } from './standard.js';

const load = (code: string): Standard => standard.parse(JSON.parse(readFileSync(new URL(`../../../programs/grassroots-tcm/standards/${code}.json`, import.meta.url), 'utf8')));
const demo = load('DEMO_COUNTY');
const item = (code: string) => allItems(demo).find((i) => i.code === code)!;

describe('rounding and modes', () => {
  it('rounds half up to 0.1 without binary noise', () => {
    expect(roundHalfUp(2.45)).toBe(2.5);
    expect(roundHalfUp(3.815)).toBe(3.8);
    expect(roundHalfUp(0.05)).toBe(0.1);
    expect(roundHalfUp(92.94999)).toBe(92.9);
  });

  it('the first band reached wins, on the unrounded value', () => {
    const bands = item('B2').mode.type === 'INDICATOR_BANDS' ? (item('B2').mode as { bands: { min: number; points: number }[] }).bands : [];
    expect(bandPoints(1, bands)).toEqual({ points: 8, band: 0 });
    expect(bandPoints(0.9999, bands)).toEqual({ points: 5, band: 1 });
    expect(bandPoints(0.8999, bands)).toEqual({ points: 0, band: null });
  });

  it('linear: 0 at from, the maximum at to, clipped', () => {
    expect(linearPoints(0.2, 0.15, 0.25, 7)).toBe(3.5);
    expect(linearPoints(0.1, 0.15, 0.25, 7)).toBe(0);
    expect(linearPoints(0.4, 0.15, 0.25, 7)).toBe(7);
    expect(linearPoints(0.2045, 0.15, 0.25, 7)).toBe(3.8);
  });

  it('an automatic item with denominator 0 is not applicable', () => {
    expect(scoreAutomatic(item('B1'), { numerator: 0, denominator: 0 })).toMatchObject({ applicable: false, points: null, value: null });
    expect(scoreAutomatic(item('B1'), { numerator: 1, denominator: 1 })).toMatchObject({ applicable: true, points: 8, value: 1, band: 0 });
  });

  it('the completeness veto fires below 95%', () => {
    expect(scoreAutomatic(item('V1'), { numerator: 94, denominator: 100 })).toMatchObject({ applicable: true, veto: true });
    expect(scoreAutomatic(item('V1'), { numerator: 95, denominator: 100 })).toMatchObject({ veto: false });
  });

  it('manual scores are checked against their mode', () => {
    expect(manualProblem(item('A1'), { points: 5 })).toBeNull();
    expect(manualProblem(item('A1'), { points: 3 })).toBe('0 or 5');
    expect(manualProblem(item('A3'), { points: 2.5 })).toBeNull();
    expect(manualProblem(item('A3'), { points: 2.3 })).not.toBeNull();
    expect(manualProblem(item('A3'), { points: 6 })).not.toBeNull();
    expect(manualProblem(item('V2'), { veto: false })).toBeNull();
  });
});

describe('the total', () => {
  /** Full points everywhere, B1 as given. */
  function full(b1: ItemScore): Map<string, ItemScore> {
    const scores = new Map<string, ItemScore>();
    for (const it of allItems(demo)) {
      if (it.code === 'B1') scores.set('B1', b1);
      else if (it.kind === 'VETO') scores.set(it.code, scoreManual(it, { veto: false }));
      else scores.set(it.code, scoreManual(it, { points: it.max! }));
    }
    return scores;
  }

  it('the example standard’s maxima sum to 100', () => {
    expect(allItems(demo).reduce((n, i) => n + (i.max ?? 0), 0)).toBe(100);
  });

  it('a 市辖区 without B1 is scored over 92 points, scaled to 100', () => {
    const scores = full(scoreAutomatic(item('B1'), { numerator: 0, denominator: 0 }));
    scores.set('F1', scoreManual(item('F1'), { points: 0 }));
    const t = totalScore(demo, scores);
    expect(t.maxPoints).toBe(92);
    expect(t.total).toBe(roundHalfUp((82 / 92) * 100));
    expect(t.passed).toBe(true);
  });

  it('a veto fails whatever the total', () => {
    const scores = full(scoreAutomatic(item('B1'), { numerator: 1, denominator: 1 }));
    expect(totalScore(demo, scores)).toMatchObject({ total: 100, passed: true });
    scores.set('V2', scoreManual(item('V2'), { veto: true }));
    expect(totalScore(demo, scores)).toMatchObject({ total: 100, vetoes: ['V2'], passed: false });
  });

  it('an item not yet scored is missing, and the unit has not passed', () => {
    const scores = full(scoreAutomatic(item('B1'), { numerator: 1, denominator: 1 }));
    scores.delete('A3');
    expect(totalScore(demo, scores)).toMatchObject({ missing: ['A3'], passed: false });
  });

  it('a bonus is added and the total capped at the scale; a section below its minimum fails', () => {
    const two = load('COUNTY_HOSPITAL_TWO_ONE');
    const scores = new Map<string, ItemScore>();
    for (const it of allItems(two)) scores.set(it.code, it.kind === 'VETO' ? scoreManual(it, { veto: false }) : scoreManual(it, { points: it.max! }));
    expect(totalScore(two, scores)).toMatchObject({ total: 100, bonus: 5, passed: true });
    scores.set('S1', scoreManual(allItems(two).find((i) => i.code === 'S1')!, { points: 5 }));
    // S: 5 + 10 = 15 < 20.
    expect(totalScore(two, scores)).toMatchObject({ sectionsBelow: ['S'], passed: false });
  });
});

describe('standards as data', () => {
  it('both bundled standards load; a veto with points or an automatic BASIC veto is refused', () => {
    expect(load('COUNTY_HOSPITAL_TWO_ONE').subject).toEqual({ kind: 'FACILITY', types: ['COUNTY_TCM_HOSPITAL'] });
    const bad = structuredClone(JSON.parse(JSON.stringify(demo)));
    bad.sections[6].items[0].max = 5;
    expect(standard.safeParse(bad).success).toBe(false);
  });
});
