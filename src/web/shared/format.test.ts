import { describe, expect, it } from 'vitest';
import { formatLarge } from './format.js';

describe('large counts as officials write them', () => {
  it('in 亿 and 万 in Chinese', () => {
    expect(formatLarge(115_755_669)).toBe('1.16亿');
    expect(formatLarge(362_412)).toBe('36.2万');
    expect(formatLarge(9_999)).toBe('9,999');
  });

  it('in billions, millions and thousands in English', () => {
    expect(formatLarge(2_570_000_000, 'en')).toBe('2.57 billion');
    expect(formatLarge(115_755_669, 'en')).toBe('115.8 million');
    expect(formatLarge(36_241, 'en')).toBe('36.2 thousand');
  });

  it('a missing count is a dash', () => {
    expect(formatLarge(null)).toBe('–');
  });
});
