/** Number and date formatting (Chinese government conventions: thousands separators, YYYY-MM-DD). */
import dayjs from 'dayjs';

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return n.toLocaleString('zh-CN');
}

/**
 * A large count as officials write it: 1.16亿, 36.2万 (in English 115.8 million, 362.4 thousand);
 * below ten thousand with separators.
 */
export function formatLarge(n: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const a = Math.abs(n);
  const trim = (x: number, d: number) => String(Number(x.toFixed(d)));
  if (lang === 'zh') {
    if (a >= 1e8) return `${trim(n / 1e8, 2)}亿`;
    if (a >= 1e4) return `${trim(n / 1e4, 1)}万`;
    return formatNumber(n);
  }
  if (a >= 1e9) return `${trim(n / 1e9, 2)} billion`;
  if (a >= 1e6) return `${trim(n / 1e6, 1)} million`;
  if (a >= 1e4) return `${trim(n / 1e3, 1)} thousand`;
  return formatNumber(n);
}

/** A fraction as a percentage with one decimal (`81.2%`); `–` for null. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

/** Compact display of any JSON value (for audit diffs and free attributes). */
export function compactJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
