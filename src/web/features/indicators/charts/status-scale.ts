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
