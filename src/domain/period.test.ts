import { describe, expect, it } from 'vitest';
import { isIsoDate, parsePeriod } from './period.js';

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
});
