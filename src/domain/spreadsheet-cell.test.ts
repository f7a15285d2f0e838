import { describe, expect, it } from 'vitest';
import { neutraliseCell, startsFormula } from './spreadsheet-cell.js';

describe('neutraliseCell', () => {
  it('quotes text that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '=HYPERLINK("http://x","y")', '+1', '-1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=', '-'])
      expect(neutraliseCell(s), JSON.stringify(s)).toBe(`'${s}`);
  });

  it('leaves other text alone, Chinese and numeric-looking text included', () => {
    for (const s of ['', '五华区卫生院', 'a=1', ' =1', '1-2', '2024', 'CHC-530102001', "'=already", '＝1+1', '0.5'])
      expect(neutraliseCell(s), JSON.stringify(s)).toBe(s);
  });

  it('numbers (negative ones too), booleans and empty cells stay what they are', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(-0.25)).toBe(-0.25);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(12)).toBe(12);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(false)).toBe(false);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(undefined)).toBeUndefined();
  });

  it('startsFormula says which text would be quoted', () => {
    expect(['=a', '+a', '-a', '@a', '\ta', '\ra'].every(startsFormula)).toBe(true);
    expect(['a', '', ' =a', '1'].some(startsFormula)).toBe(false);
  });
});
