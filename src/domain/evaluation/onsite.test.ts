import { describe, expect, it } from 'vitest';
import { drawSample, type SampleCandidate } from './onsite.js';

const cand = (code: string, over: Partial<SampleCandidate> = {}): SampleCandidate => ({ applicationId: Number(code.slice(-3)), subjectCode: code, selfTotal: 85, provinceTotal: 82, completeness: 1, ...over });
const rule = { random: 2, seed: 7, gapPoints: 10, completenessBelow: 0.98 };
const many = Array.from({ length: 20 }, (_, i) => cand(`530${String(100 + i)}`));

describe('the on-site sample', () => {
  it('takes every unit whose self total exceeds the province’s by the gap, saying by how much', () => {
    const picks = drawSample([cand('530101', { selfTotal: 90, provinceTotal: 78 }), cand('530102', { selfTotal: 90, provinceTotal: 81 })], { ...rule, random: 0 });
    expect(picks).toEqual([{ applicationId: 101, subjectCode: '530101', reasons: ['GAP'], detail: '自评 90 分，省评 78 分，差 12 分' }]);
  });

  it('takes every unit of low completeness', () => {
    const picks = drawSample([cand('530101', { completeness: 0.95 }), cand('530102')], { ...rule, random: 0 });
    expect(picks.map((p) => [p.subjectCode, p.reasons, p.detail])).toEqual([['530101', ['COMPLETENESS'], '上报率 95%']]);
  });

  it('draws the random ones from the rest, not among the risky', () => {
    const risky = cand('530999', { completeness: 0.5 });
    const picks = drawSample([risky, ...many], { ...rule, random: 3 });
    expect(picks.filter((p) => p.reasons[0] === 'RANDOM')).toHaveLength(3);
    expect(picks.filter((p) => p.subjectCode === '530999').map((p) => p.reasons)).toEqual([['COMPLETENESS']]);
  });

  it('the same seed draws the same units; another seed others', () => {
    const a = drawSample(many, rule).map((p) => p.subjectCode);
    expect(drawSample([...many].reverse(), rule).map((p) => p.subjectCode)).toEqual(a);
    expect(drawSample(many, { ...rule, seed: 8 }).map((p) => p.subjectCode)).not.toEqual(a);
  });

  it('draws no more than there are', () => {
    expect(drawSample(many.slice(0, 2), { ...rule, random: 5 })).toHaveLength(2);
  });
});
