import { describe, expect, it } from 'vitest';
import { sizedChunks } from './bulk-sql.js';

const sizes = (n: number, size: number) => [...sizedChunks(Array.from({ length: n }, (_, i) => i), size)].map((c) => c.length);

describe('bulk statement chunks (few sizes, so few compiled statements)', () => {
  it('full chunks first, then the rest in powers of two', () => {
    expect(sizes(2_234, 1000)).toEqual([1000, 1000, 128, 64, 32, 8, 2]);
  });

  it('every row once, in order', () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => i);
    expect([...sizedChunks(rows, 2000)].flat()).toEqual(rows);
  });

  it('any number of rows (here 1 to 4,000) uses only the sizes 2,000 and the powers of two below it', () => {
    const seen = new Set<number>();
    for (let n = 1; n <= 4_000; n++) for (const s of sizes(n, 2000)) seen.add(s);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2000]);
  });

  it('no rows, no chunk', () => {
    expect(sizes(0, 2000)).toEqual([]);
  });
});
