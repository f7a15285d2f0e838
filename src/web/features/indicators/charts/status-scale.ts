/**
 * What the indicator charts share: fractions as chart percentages, the status-band scale of a
 * target (the same bands as indicator-status.ts), and a tooltip block for one area's row.
 */
import type { Indicator } from '../../../../domain/indicator.js';
import { formatNumber } from '../../../shared/format.js';
import type { IndicatorRow } from '../analytics-api.js';
import { formatPercent, STATUS_COLORS, statusBand } from '../indicator-status.js';

/** A fraction (0–1) as a percentage for a chart axis, rounded so that band edges compare exactly. */
export function chartPercent(value: number): number {
  return Math.round(value * 1e6) / 1e4;
}

/** The first target of an indicator, or null for monitor-only indicators. */
export function firstTarget(ind: Indicator | undefined) {
  return ind?.targets[0] ?? null;
}

/** Width of the "near" band below a threshold (as in statusBand). */
export function nearMargin(threshold: number): number {
  return Math.min(0.1, threshold * 0.1);
}

/** Colour of a bar or area: its status band, or blue for a monitor-only indicator. */
export function rowColor(row: Pick<IndicatorRow, 'value' | 'target' | 'met'>): string {
  if (row.value !== null && row.target === null) return '#1677ff';
  return STATUS_COLORS[statusBand(row.value, row.target, row.met)];
}

export interface BandLabels {
  met: string;
  near: string;
  far: string;
  none: string;
}

/** visualMap pieces for a `>=` target (values in chart percent; no-data items carry -1). */
export function statusPieces(threshold: number, labels: BandLabels) {
  const t = chartPercent(threshold);
  const near = chartPercent(threshold - nearMargin(threshold));
  return [
    { gte: t, label: labels.met, color: STATUS_COLORS.met },
    { gte: near, lt: t, label: labels.near, color: STATUS_COLORS.near },
    { gte: 0, lt: near, label: labels.far, color: STATUS_COLORS.far },
    { value: -1, label: labels.none, color: STATUS_COLORS.none },
  ];
}

export const NO_DATA = -1;

/** `#rrggbb` mixed with white: share 1 is the colour itself, 0 white. */
export function tint(hex: string, share: number): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${c.map((v) => Math.round(255 - (255 - v) * share).toString(16).padStart(2, '0')).join('')}`;
}

/** How much of the band colour the palest and the darkest shade hold. */
const PALE = 0.5;

/**
 * The map colour of a value against a `>=` target: its status band, shaded within the band so
 * that 95% and 98% differ — darker the further below the target (near, far), or the further above
 * it (met). Null value: the no-data grey.
 */
export function bandShade(value: number | null, threshold: number): string {
  if (value === null) return STATUS_COLORS.none;
  const near = threshold - nearMargin(threshold);
  const clamp = (p: number) => Math.max(0, Math.min(1, p));
  const [band, depth] =
    value >= threshold
      ? (['met', threshold >= 1 ? 1 : (value - threshold) / (1 - threshold)] as const)
      : value >= near
        ? (['near', (threshold - value) / (threshold - near)] as const)
        : (['far', near > 0 ? (near - value) / near : 1] as const);
  return tint(STATUS_COLORS[band], PALE + (1 - PALE) * clamp(depth));
}

/** The map colour of a value on a plain scale from `min` (pale blue) to `max` (deep blue). */
export function scaleShade(value: number | null, min: number, max: number): string {
  if (value === null) return STATUS_COLORS.none;
  const p = max > min ? (value - min) / (max - min) : 1;
  return tint('#0958d9', 0.12 + 0.88 * Math.max(0, Math.min(1, p)));
}

export interface TooltipTexts {
  value: string;
  target: string;
  reports: string;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** HTML for a chart tooltip: the area, its value (coloured), the target and the completeness. */
export function rowTooltip(name: string, row: IndicatorRow | undefined, texts: TooltipTexts, cmp = '≥'): string {
  const lines = [`<strong>${esc(name)}</strong>`];
  if (!row) return lines.join('');
  const dot = `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;margin-right:6px;background:${rowColor(row)}"></span>`;
  lines.push(`${dot}${esc(texts.value)}：<b>${formatPercent(row.value)}</b>`);
  if (row.target !== null) lines.push(`${esc(texts.target)}：${cmp} ${formatPercent(row.target, 0)}`);
  const rate = row.expectedReports > 0 ? formatPercent(row.reportedReports / row.expectedReports) : '–';
  lines.push(`${esc(texts.reports)}：${formatNumber(row.reportedReports)} / ${formatNumber(row.expectedReports)}（${rate}）`);
  return lines.join('<br/>');
}
