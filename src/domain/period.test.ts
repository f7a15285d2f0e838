import { describe, expect, it } from 'vitest';
import { collectingPeriod, isIsoDate, isOpenForReporting, nextPeriod, parsePeriod, selectablePeriods } from './period.js';

describe('periods', () => {
  it('parses years, quarters and months', () => {
    expect(parsePeriod('2024')).toEqual({ id: '2024', type: 'YEARLY', start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriod('2024Q1')).toMatchObject({ type: 'QUARTERLY', start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024Q4')).toMatchObject({ start: '2024-10-01', end: '2024-12-31' });
    expect(parsePeriod('202402')).toMatchObject({ type: 'MONTHLY', start: '2024-02-01', end: '2024-02-29' });
  });

  it('rejects malformed periods and the wrong period type', () => {
    for (const bad of ['24', '2024-01', '2024Q5', '202413', 'abcd', '0999', '']) expect(parsePeriod(bad)).toBeNull();
    expect(parsePeriod('2024Q1', 'YEARLY')).toBeNull();
    expect(parsePeriod('2024', 'YEARLY')).not.toBeNull();
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024/01/01')).toBe(false);
  });
});

describe('deadlines and previous periods', () => {
  it('puts the deadline at the end of the month N months after the period', async () => {
    const { deadlineAfter } = await import('./period.js');
    expect(deadlineAfter(parsePeriod('2024')!, 3)).toBe('2025-03-31');
    expect(deadlineAfter(parsePeriod('2024Q1')!, 1)).toBe('2024-04-30');
    expect(deadlineAfter(parsePeriod('202401')!, 1)).toBe('2024-02-29');
    expect(deadlineAfter(parsePeriod('2024Q4')!, 2)).toBe('2025-02-28');
  });

  it('finds the previous period of each type', async () => {
    const { previousPeriod } = await import('./period.js');
    expect(previousPeriod(parsePeriod('2024')!)).toBe('2023');
    expect(previousPeriod(parsePeriod('2024Q1')!)).toBe('2023Q4');
    expect(previousPeriod(parsePeriod('2024Q3')!)).toBe('2024Q2');
    expect(previousPeriod(parsePeriod('202401')!)).toBe('202312');
    expect(previousPeriod(parsePeriod('202410')!)).toBe('202409');
  });

  it('steps to the next period across a year end', () => {
    expect(nextPeriod(parsePeriod('2024')!)).toBe('2025');
    expect(nextPeriod(parsePeriod('2024Q4')!)).toBe('2025Q1');
    expect(nextPeriod(parsePeriod('202412')!)).toBe('202501');
    expect(nextPeriod(parsePeriod('202409')!)).toBe('202410');
  });
});

describe('the reporting period rule', () => {
  const annual = { periodType: 'YEARLY' as const, firstPeriod: '2021' };

  it('collects the last ended year of an annual data set', () => {
    expect(collectingPeriod(annual, '2026-12-01')).toBe('2025');
    expect(collectingPeriod(annual, '2026-01-01')).toBe('2025');
  });

  it('collects the running period when the data set allows early reporting', () => {
    expect(collectingPeriod({ ...annual, earlyReporting: true }, '2026-12-01')).toBe('2026');
    expect(collectingPeriod({ periodType: 'QUARTERLY' }, '2026-05-10')).toBe('2026Q1');
    expect(collectingPeriod({ periodType: 'MONTHLY' }, '2026-01-10')).toBe('202512');
  });

  it('refuses a year that has not ended, a future year and another period type', () => {
    expect(isOpenForReporting('2025', annual, '2026-03-01')).toBe(true);
    expect(isOpenForReporting('2026', annual, '2026-03-01')).toBe(false);
    expect(isOpenForReporting('2030', annual, '2026-03-01')).toBe(false);
    expect(isOpenForReporting('2025Q1', annual, '2026-03-01')).toBe(false);
  });

  it('lists the years from the first to the collecting one, oldest first', () => {
    expect(selectablePeriods(annual, '2026-12-01', [])).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('lists years that hold data outside the range, and starts at the oldest of them', () => {
    expect(selectablePeriods(annual, '2023-06-01', ['2019', '2024', 'abc'])).toEqual(['2019', '2020', '2021', '2022', '2024']);
  });

  it('lists only the collecting period of a data set without a first period and without data', () => {
    expect(selectablePeriods({ periodType: 'QUARTERLY' }, '2026-05-10', [])).toEqual(['2026Q1']);
  });
});
