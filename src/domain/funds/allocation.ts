/**
 * 因素法 — allocation by factors tied to performance (../shared/docs/modules/projects-funds-assistance.md):
 * base share_i = Σ_k w_k · x_ik ÷ Σ_j x_jk; share_i × (1 + adj_i) by the area's last performance
 * band (优 +10 %, 良 0, 中 −10 %, 差 −20 %), renormalised to 1; amounts floored to the fen, the fen
 * left over one each to the largest remainders (ties: the smaller area code). Sums exactly.
 *
 * Every step is exact: factors, weights and the total are read as decimals into integers, so the
 * shares are fractions of big integers and no floating-point rounding can move a fen.
 */
import { AppError } from '../errors.js';

export type Band = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';
export const BANDS: readonly Band[] = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
export const BAND_ZH: Record<Band, string> = { EXCELLENT: '优', GOOD: '良', FAIR: '中', POOR: '差' };
/** The adjustment of a band, in tenths: 优 +10 %, 良 0, 中 −10 %, 差 −20 %. */
export const BAND_ADJUST_TENTHS: Record<Band, number> = { EXCELLENT: 1, GOOD: 0, FAIR: -1, POOR: -2 };

/** A band written as 优/良/中/差 or EXCELLENT/GOOD/FAIR/POOR (any case); null when it is neither. */
export function parseBand(s: string): Band | null {
  const t = s.trim();
  const zh = Object.entries(BAND_ZH).find(([, v]) => v === t);
  if (zh) return zh[0] as Band;
  const en = t.toUpperCase();
  return (BANDS as readonly string[]).includes(en) ? (en as Band) : null;
}

/** 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export function bandOfScore(score: number): Band {
  return score >= 90 ? 'EXCELLENT' : score >= 80 ? 'GOOD' : score >= 60 ? 'FAIR' : 'POOR';
}

export interface FactorArea {
  code: string;
  /** Factor values as written (decimal text), by column name. */
  factors: Record<string, string>;
  /** The row in the source file (for errors), 1 = the header. */
  row?: number;
}

export interface AllocationInput {
  /** Yuan, at most 2 decimals. */
  total: string;
  /** The factor columns in file order. */
  columns: string[];
  areas: FactorArea[];
  /** Weight by column name, decimal text. */
  weights: Record<string, string>;
  /** The last performance band by area code; an area without one gets no adjustment. */
  bands?: Record<string, Band | undefined>;
}

export interface AllocationRow {
  areaCode: string;
  /** Σ_k w_k · x_ik ÷ Σ_j x_jk, before the performance adjustment. */
  baseShare: number;
  band: Band | null;
  /** The final fraction after adjustment and renormalisation. */
  share: number;
  /** The final fraction as decimal text (12 places, trailing zeros dropped). */
  shareText: string;
  /** Fen. */
  amountFen: bigint;
  /** Yuan with 2 decimals. */
  amount: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal as an integer scaled by 10^scale (scale ≥ its decimals), or null when it is not one. */
function scaled(text: string, scale: number): bigint | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.');
  const digits = (int || '0') + frac.padEnd(scale, '0').slice(0, scale);
  const v = BigInt(digits);
  return neg ? -v : v;
}

function decimals(text: string): number {
  const i = text.trim().indexOf('.');
  return i < 0 ? 0 : text.trim().length - i - 1;
}

/** Yuan text → fen; throws E8501 unless a non-negative amount with at most 2 decimals. */
export function yuanToFen(text: string): bigint {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) throw new AppError('E8501', { field: 'total', value: text });
  return scaled(t, 2)!;
}

export function fenToYuan(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** a/b as decimal text with `places` decimals (rounded half up), trailing zeros dropped. */
function fractionText(a: bigint, b: bigint, places = 12): string {
  const scale = 10n ** BigInt(places);
  const q = (a * scale * 2n + b) / (2n * b);
  const int = q / scale;
  const frac = String(q % scale).padStart(places, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : String(int);
}

function compareCodes(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Checks the weights against the columns: each names a column once, none negative, Σ = 1 (±1e-9). */
function readWeights(input: AllocationInput): { name: string; w: bigint }[] {
  const names = Object.keys(input.weights);
  if (names.length === 0) throw new AppError('E8502', { field: 'weights', value: '' });
  const scale = Math.max(0, ...names.map((n) => decimals(input.weights[n]!)));
  const out = names.map((name) => {
    if (!input.columns.includes(name)) throw new AppError('E8503', { field: 'weights', value: name, columns: input.columns.join(', ') });
    const w = scaled(input.weights[name]!, scale);
    if (w === null) throw new AppError('E8502', { field: 'weights', value: `${name}=${input.weights[name]}` });
    if (w < 0n) throw new AppError('E8511', { field: 'weights', value: `${name}=${input.weights[name]}` });
    return { name, w };
  });
  const one = 10n ** BigInt(scale);
  const sum = out.reduce((a, x) => a + x.w, 0n);
  const diff = sum > one ? sum - one : one - sum;
  // |Σw − 1| ≤ 1e-9, in integers: |sum − one| · 10^9 ≤ one.
  if (diff * 1_000_000_000n > one) throw new AppError('E8504', { field: 'weights', value: fractionText(sum, one) });
  return out.map((x) => ({ name: x.name, w: x.w }));
}

/** The allocation, one row per area in input order; throws a coded error on bad input. */
export function allocate(input: AllocationInput): AllocationRow[] {
  const totalFen = yuanToFen(input.total);
  if (input.areas.length === 0) throw new AppError('E8508', { reason: '没有任何区域 / no area rows' });
  const seen = new Set<string>();
  for (const a of input.areas) {
    if (!/^\d{2,12}$/.test(a.code) || seen.has(a.code)) throw new AppError('E8509', { row: a.row, field: 'area_code', value: a.code });
    seen.add(a.code);
  }
  // Every factor column must hold non-negative numbers and not be all zero.
  const cols = new Map<string, { values: bigint[]; sum: bigint }>();
  for (const c of input.columns) {
    const scale = Math.max(0, ...input.areas.map((a) => decimals(a.factors[c] ?? '')));
    const values = input.areas.map((a) => {
      const text = (a.factors[c] ?? '').trim();
      const v = scaled(text, scale);
      if (v === null) throw new AppError('E8507', { row: a.row, column: c, value: text });
      if (v < 0n) throw new AppError('E8505', { row: a.row, column: c, value: text });
      return v;
    });
    const sum = values.reduce((x, y) => x + y, 0n);
    if (sum === 0n) throw new AppError('E8506', { column: c });
    cols.set(c, { values, sum });
  }
  const weights = readWeights(input);
  // base_i · 10^dw · Π C_k = Σ_k W_k · X_ik · (Π C / C_k): integers over one common denominator.
  const used = weights.map((w) => ({ ...w, col: cols.get(w.name)! }));
  const product = used.reduce((p, u) => p * u.col.sum, 1n);
  const base = input.areas.map((_, i) => used.reduce((acc, u) => acc + u.w * u.col.values[i]! * (product / u.col.sum), 0n));
  const baseTotal = base.reduce((a, b) => a + b, 0n);
  const bands = input.areas.map((a) => input.bands?.[a.code] ?? null);
  const adjusted = base.map((b, i) => b * BigInt(10 + (bands[i] ? BAND_ADJUST_TENTHS[bands[i]!] : 0)));
  const sum = adjusted.reduce((a, b) => a + b, 0n);
  // exact fen_i = T · A_i ÷ ΣA: floor, then the leftover fen to the largest remainders.
  const floors = adjusted.map((a) => (totalFen * a) / sum);
  const rems = adjusted.map((a) => (totalFen * a) % sum);
  let left = totalFen - floors.reduce((a, b) => a + b, 0n);
  const order = input.areas.map((_, i) => i).sort((i, j) => (rems[j]! > rems[i]! ? 1 : rems[j]! < rems[i]! ? -1 : compareCodes(input.areas[i]!.code, input.areas[j]!.code)));
  const amounts = [...floors];
  for (const i of order) {
    if (left === 0n) break;
    amounts[i]! += 1n;
    left -= 1n;
  }
  const denomBase = baseTotal === 0n ? 1n : baseTotal;
  return input.areas.map((a, i) => ({
    areaCode: a.code,
    baseShare: Number(fractionText(base[i]!, denomBase)),
    band: bands[i],
    share: Number(fractionText(adjusted[i]!, sum)),
    shareText: fractionText(adjusted[i]!, sum),
    amountFen: amounts[i]!,
    amount: fenToYuan(amounts[i]!),
  }));
}
