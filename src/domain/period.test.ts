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
