import { describe, expect, it } from 'vitest';
import { activeYears, assessmentBand, assistanceFacts, type FactBase, type FactPairing } from './assistance.js';

const pairing = (over: Partial<FactPairing> = {}): FactPairing => ({ recipientCode: 'CTH-1', recipientName: '某县中医医院', areaCode: '140928', startYear: 2022, endYear: 2023, ...over });
const base = (over: Partial<FactBase> = {}): FactBase => ({ id: 7, name: '某基地', areaCode: '35', startYear: 2023, endYear: null, status: 'OPERATING', trainingYears: [], ...over });

describe('assessmentBand', () => {
  it('bands 90 as 优, 89.5 as 良, 80 as 良, 79 as 中, 60 as 中, 59.9 as 差', () => {
    expect([90, 89.5, 80, 79, 60, 59.9].map(assessmentBand)).toEqual(['EXCELLENT', 'GOOD', 'GOOD', 'FAIR', 'FAIR', 'POOR']);
  });
  it('refuses a score below 0 or above 100', () => {
    expect(assessmentBand(-1)).toBeNull();
    expect(assessmentBand(100.5)).toBeNull();
    expect(assessmentBand(Number.NaN)).toBeNull();
  });
});

describe('activeYears', () => {
  it('runs an open span to this year', () => {
    expect(activeYears(2022, null, 2024)).toEqual([2022, 2023, 2024]);
  });
  it('stops a span ending after this year at this year', () => {
    expect(activeYears(2023, 2026, 2024)).toEqual([2023, 2024]);
  });
  it('gives no year for a span starting next year', () => {
    expect(activeYears(2025, null, 2024)).toEqual([]);
  });
});

describe('assistanceFacts', () => {
  it('counts a county hospital once per year in which it is paired', () => {
    const facts = assistanceFacts([pairing(), pairing({ startYear: 2023, endYear: 2024 })], [], 2024);
    expect(facts.map((f) => [f.kind, f.year, f.subject, f.areaCode, f.value])).toEqual([
      ['paired_hospital', 2022, 'CTH-1', '140928', 1],
      ['paired_hospital', 2023, 'CTH-1', '140928', 1],
      ['paired_hospital', 2024, 'CTH-1', '140928', 1],
    ]);
  });
  it('counts a base per year it operates, and as trained in a year with a training', () => {
    const facts = assistanceFacts([], [base({ trainingYears: [2024] })], 2024);
    expect(facts.map((f) => `${f.kind}:${f.year}:${f.subject}`)).toEqual(['tech_base:2023:base:7', 'tech_base:2024:base:7', 'tech_base_trained:2024:base:7']);
  });
  it('leaves out a base still being built', () => {
    expect(assistanceFacts([], [base({ status: 'BUILDING', trainingYears: [2024] })], 2024)).toEqual([]);
  });
});
