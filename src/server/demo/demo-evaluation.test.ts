/** The demo's cycle in progress: the demo users' counties first, a spread of stages over provinces, and none of them named before. */
import { describe, expect, it } from 'vitest';
import type { Division } from '../../domain/org-unit.js';
import { demoApplications } from './demo-evaluation.js';
import { demoTitles } from './demo-titles.js';

const county = (code: string, name = `县${code}`): Division => ({ code, name, level: 3, parentCode: code.slice(0, 4), kind: 'COUNTY' });
const divisions = [county('530102', '五华区'), county('530124', '富民县'), ...Array.from({ length: 40 }, (_, i) => county(`44${String(1000 + i).slice(0, 4)}`)), ...Array.from({ length: 40 }, (_, i) => county(`32${String(2000 + i)}`))];

describe('the demo cycle', () => {
  it('gives wuhua its self-assessment and yunnan a county to review', () => {
    const apps = new Map(demoApplications(divisions, 1).map((a) => [a.subjectCode, a]));
    expect(apps.get('530102')).toMatchObject({ subjectName: '五华区', stage: 'SELF' });
    expect(apps.get('530124')).toMatchObject({ subjectName: '富民县', stage: 'PROVINCE' });
    // Self-assessed in full before it reached the province.
    expect(apps.get('530124')!.scores.filter((s) => s.stage === 'SELF').map((s) => s.item)).toEqual(['A1', 'A2', 'A3', 'F1', 'V2']);
  });

  it('spreads every stage over the provinces, the same for the same seed', () => {
    const apps = demoApplications(divisions, 1);
    expect(new Set(apps.map((a) => a.stage))).toEqual(new Set(['SELF', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED']));
    expect(apps.filter((a) => a.stage === 'PUBLICITY').every((a) => a.objection)).toBe(true);
    expect(JSON.stringify(demoApplications(divisions, 1))).toBe(JSON.stringify(apps));
  });

  it('no county creating in the cycle holds the title from before', () => {
    const applying = new Set(demoApplications(divisions, 1).map((a) => a.subjectCode));
    expect(demoTitles(divisions, 1, applying).filter((t) => applying.has(t.divisionCode))).toEqual([]);
  });
});
