/** The demo's cycle in progress: the demo users' counties first, a spread of stages over provinces, and only units the standard passes in publicity or named. */
import { describe, expect, it } from 'vitest';
import type { Division } from '../../domain/org-unit.js';
import { demoApplications, DEMO_FIXED_SUBJECTS, type Potential } from './demo-evaluation.js';
import { demoTitles } from './demo-titles.js';

const county = (code: string, name = `县${code}`): Division => ({ code, name, level: 3, parentCode: code.slice(0, 4), kind: 'COUNTY' });
const divisions = [county('530102', '五华区'), county('530124', '富民县'), ...Array.from({ length: 40 }, (_, i) => county(`44${String(1000 + i)}`)), ...Array.from({ length: 40 }, (_, i) => county(`32${String(2000 + i)}`))];
/** Every tenth county would pass with full manual marks; the rest fall short by degrees. */
const potential = new Map<string, Potential>(divisions.map((d, i) => [d.code, i % 10 === 0 ? { total: 90, passed: true } : { total: 50 + i / 4, passed: false }]));

describe('the demo cycle', () => {
  it('gives wuhua its self-assessment and yunnan a county to review', () => {
    const apps = new Map(demoApplications(divisions, 1, potential).map((a) => [a.subjectCode, a]));
    expect(apps.get('530102')).toMatchObject({ subjectName: '五华区', stage: 'SELF' });
    expect(apps.get('530124')).toMatchObject({ subjectName: '富民县', stage: 'PROVINCE' });
    // Self-assessed in full before it reached the province.
    expect(apps.get('530124')!.scores.filter((s) => s.stage === 'SELF').map((s) => s.item)).toEqual(['A1', 'A2', 'A3', 'F1', 'V2']);
  });

  it('spreads every stage over the provinces, the same for the same seed', () => {
    const apps = demoApplications(divisions, 1, potential);
    expect(new Set(apps.map((a) => a.stage))).toEqual(new Set(['SELF', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED']));
    expect(apps.filter((a) => a.stage === 'PUBLICITY').every((a) => a.objection)).toBe(true);
    expect(JSON.stringify(demoApplications(divisions, 1, potential))).toBe(JSON.stringify(apps));
  });

  it('puts in publicity and names only units the standard passes, with full national manual marks', () => {
    const passed = demoApplications(divisions, 1, potential).filter((a) => a.stage === 'PUBLICITY' || a.stage === 'NAMED');
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.every((a) => potential.get(a.subjectCode)!.passed)).toBe(true);
    expect(passed.flatMap((a) => a.scores.filter((s) => s.stage === 'NATIONAL' && s.item === 'F1').map((s) => s.points))).toEqual(passed.map(() => 10));
  });

  it('names nobody in a province where no unit could pass', () => {
    const none = new Map([...potential].map(([c]) => [c, { total: 60, passed: false }]));
    expect(demoApplications(divisions, 1, none).filter((a) => a.stage === 'PUBLICITY' || a.stage === 'NAMED')).toEqual([]);
  });

  it('the demo users’ counties hold no title from before', () => {
    expect(demoTitles(divisions, 1, new Set(DEMO_FIXED_SUBJECTS)).filter((t) => DEMO_FIXED_SUBJECTS.includes(t.divisionCode))).toEqual([]);
  });
});
