import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gtcm-funds-'));
let n = 0;
/** A CSV file of these rows (first row the header). */
const csv = (rows: (string | number)[][], encoding: 'utf8' | 'bom' = 'utf8') => {
  const path = join(dir, `f${n++}.csv`);
  const text = rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
  writeFileSync(path, encoding === 'bom' ? '\uFEFF' + text : text);
  return path;
};
const allocate = (...args: string[]) => runCli(null, ['funds', 'allocate', ...args]);
const lines = (stdout: string) => stdout.trim().split('\n');

describe('gtcm funds allocate', () => {
  it('prints area_code,share,amount in the order of the factor file', async () => {
    const factors = csv([['area_code', 'pop'], ['530103', 1], ['530102', 3]]);
    const r = await allocate('--total', '1000', '--factors', factors, '--weights', 'pop=1');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['area_code,share,amount', '530103,0.25,250.00', '530102,0.75,750.00']);
  });

  it('gives the fen left after flooring to the largest remainders, ties to the smaller area code', async () => {
    const factors = csv([['area_code', 'pop'], ['530103', 1], ['530102', 1], ['530124', 1]]);
    const r = await allocate('--total', '100', '--factors', factors, '--weights', 'pop=1');
    expect(r.code).toBe(0);
    // 10,000 fen ÷ 3 = 3,333⅓ each: one fen left, every remainder equal → 530102, the smallest code.
    expect(lines(r.stdout).slice(1)).toEqual(['530103,0.333333333333,33.33', '530102,0.333333333333,33.34', '530124,0.333333333333,33.33']);
  });

  it('weights the factors and adjusts by the last performance band (优 +10 %, 差 −20 %), renormalised, exact to the fen', async () => {
    const factors = csv([['area_code', 'pop', 'gap'], ['110101', 100, 0], ['110102', 300, 1]]);
    const bands = csv([['area_code', 'band'], ['110101', '优'], ['110102', 'POOR']]);
    const r = await allocate('--total', '1000000.00', '--factors', factors, '--weights', 'pop=0.6,gap=0.4', '--performance', bands);
    expect(r.code).toBe(0);
    // base 0.15 and 0.85 → 0.165 and 0.68 → ÷ 0.845: 195,266.272189… and 804,733.727810…; the one fen left goes to 110102.
    expect(lines(r.stdout).slice(1)).toEqual(['110101,0.195266272189,195266.27', '110102,0.804733727811,804733.73']);
  });

  it('gives an area without a band no adjustment, and reads 良/中 and English bands in any case', async () => {
    const factors = csv([['area_code', 'x'], ['110101', 1], ['110102', 1], ['110103', 1]]);
    const bands = csv([['area_code', 'band'], ['110101', 'fair'], ['110102', '良']]);
    const r = await allocate('--total', '2.70', '--factors', factors, '--weights', 'x=1', '--performance', bands, '--format', 'json');
    expect(r.code).toBe(0);
    // 0.9 : 1 : 1 of 270 fen → 83.79…, 93.10…, 93.10… → 83 + 93 + 93 = 269; the fen left goes to the largest remainder, 110101's .79.
    const out = JSON.parse(r.stdout) as { total: number; items: { area_code: string; share: number; amount: number }[] };
    expect(out.items.map((i) => [i.area_code, i.amount])).toEqual([['110101', 0.84], ['110102', 0.93], ['110103', 0.93]]);
    expect(out.items.reduce((s, i) => s + Math.round(i.amount * 100), 0)).toBe(270);
    expect(out.items[0]!.share).toBeCloseTo(0.9 / 2.9, 12);
  });

  it('sums exactly to the total for many areas with decimal factors', async () => {
    const rows: (string | number)[][] = [['area_code', 'population', 'gap']];
    for (let i = 0; i < 137; i++) rows.push([String(530000 + i * 7), ((i * 7919) % 1000) / 7 + 0.001, ((i * 104729) % 97) / 100]);
    const r = await allocate('--total', '12345678.91', '--factors', csv(rows), '--weights', 'population=0.35,gap=0.65');
    expect(r.code).toBe(0);
    const body = lines(r.stdout).slice(1).map((l) => l.split(','));
    expect(body).toHaveLength(137);
    expect(body.reduce((s, c) => s + BigInt(c[2]!.replace('.', '')), 0n)).toBe(1234567891n);
    for (const c of body) expect(c[2]).toMatch(/^\d+\.\d{2}$/);
  });

  it('reads a factor file saved by Excel with a BOM and a Chinese factor name', async () => {
    const factors = csv([['area_code', '服务人口'], ['530102', 2], ['530103', 2]], 'bom');
    const r = await allocate('--total', '10', '--factors', factors, '--weights', '服务人口=1');
    expect(r.code).toBe(0);
    expect(lines(r.stdout).slice(1)).toEqual(['530102,0.5,5.00', '530103,0.5,5.00']);
  });

  it('accepts weights adding up to 1 within 1e-9', async () => {
    const factors = csv([['area_code', 'a', 'b'], ['530102', 1, 2], ['530103', 3, 4]]);
    const r = await allocate('--total', '10', '--factors', factors, '--weights', 'a=0.3333333333,b=0.6666666668');
    expect(r.code).toBe(0);
  });
});

describe('gtcm funds allocate refuses bad input with a coded error and exit 1, printing no allocation', () => {
  const factors = () => csv([['area_code', 'pop', 'gap'], ['530102', 10, 1], ['530103', 20, 0]]);
  const refused = async (code: string, ...args: string[]) => {
    const r = await allocate(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stdout).toBe('');
    return r;
  };

  it('a weight naming no column', async () => {
    const r = await refused('E8503', '--total', '100', '--factors', factors(), '--weights', 'pop=0.5,beds=0.5');
    expect(r.stderr).toContain('beds');
  });

  it('weights not adding up to 1', async () => {
    const r = await refused('E8504', '--total', '100', '--factors', factors(), '--weights', 'pop=0.5,gap=0.4');
    expect(r.stderr).toContain('0.9');
  });

  it('weights off 1 by more than 1e-9', () => refused('E8504', '--total', '100', '--factors', factors(), '--weights', 'pop=0.5,gap=0.500000002'));

  it('a negative factor, naming its row and column', async () => {
    const r = await refused('E8505', '--total', '100', '--factors', csv([['area_code', 'pop'], ['530102', 10], ['530103', -1]]), '--weights', 'pop=1');
    expect(r.stderr).toContain('row=3');
    expect(r.stderr).toContain('column=pop');
  });

  it('an all-zero factor column', () => refused('E8506', '--total', '100', '--factors', csv([['area_code', 'pop', 'gap'], ['530102', 1, 0], ['530103', 2, 0]]), '--weights', 'pop=0.5,gap=0.5'));

  it('a factor that is not a number', () => refused('E8507', '--total', '100', '--factors', csv([['area_code', 'pop'], ['530102', 'n/a']]), '--weights', 'pop=1'));

  it('a total with more than two decimals, or negative', async () => {
    await refused('E8501', '--total', '100.005', '--factors', factors(), '--weights', 'pop=0.5,gap=0.5');
    await refused('E8501', '--total', '-5', '--factors', factors(), '--weights', 'pop=0.5,gap=0.5');
  });

  it('a repeated area code', () => refused('E8509', '--total', '1', '--factors', csv([['area_code', 'pop'], ['530102', 1], ['530102', 2]]), '--weights', 'pop=1'));

  it('a band that is not 优/良/中/差', () => refused('E8510', '--total', '1', '--factors', factors(), '--weights', 'pop=1', '--performance', csv([['area_code', 'band'], ['530102', 'A+']])));

  it('a file without an area_code column', () => refused('E8508', '--total', '1', '--factors', csv([['code', 'pop'], ['530102', 1]]), '--weights', 'pop=1'));

  it('a negative weight', () => refused('E8511', '--total', '1', '--factors', factors(), '--weights', 'pop=1.5,gap=-0.5'));
});
