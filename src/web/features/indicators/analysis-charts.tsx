/**
 * The analysis as charts: grouped bars (one group per area, one bar per indicator × period) and
 * lines over the periods — one line per area when one indicator is chosen (or several indicators
 * and several areas: then the first indicator), one line per indicator when there is one area.
 */
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { EChart, type EChartsOption } from '../../shared/charts/echart.js';
import { useI18n } from '../../shared/i18n.js';
import type { AnalysisConfig } from './analysis-config.js';
import type { IndicatorRow } from './analytics-api.js';
import { formatPercent } from './indicator-status.js';

const PALETTE = ['#1f7a5a', '#1677ff', '#d48806', '#722ed1', '#13a8a8', '#eb2f96', '#7cb305', '#fa541c', '#2f54eb', '#8c8c8c'];
const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1e4) / 100);

export interface ChartProps {
  config: AnalysisConfig;
  rows: IndicatorRow[];
  byCode: Map<string, Indicator>;
  height?: number;
  /** Compact (dashboard card): smaller fonts, no axis titles. */
  compact?: boolean;
  /** Printing: no animation. */
  still?: boolean;
}

/** The areas of the rows in their order, with names. */
export function areasOf(rows: IndicatorRow[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.areaCode)) seen.set(r.areaCode, r.areaName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** Which lines the line chart draws for a configuration and its rows. */
export function lineMode(config: AnalysisConfig, rows: IndicatorRow[]): 'byArea' | 'byIndicator' | 'byAreaFirst' {
  if (config.indicators.length === 1) return 'byArea';
  if (areasOf(rows).length <= 1) return 'byIndicator';
  return 'byAreaFirst';
}

/** A lower bound for a percentage axis a little below the smallest value (0 for bars). */
export function axisFloor(values: (number | null)[]): number {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? Math.max(0, Math.floor((Math.min(...v) - 5) / 10) * 10) : 0;
}

const valueAxis = (compact?: boolean, min = 0) => ({
  type: 'value',
  min,
  max: 100,
  axisLabel: { formatter: '{value}%', fontSize: compact ? 10 : 12 },
  splitLine: { lineStyle: { type: 'dashed' } },
});

const tooltip = {
  trigger: 'axis',
  confine: true,
  valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100) : '–'),
};

export function AnalysisBar({ config, rows, byCode, height = 420, compact, still }: ChartProps) {
  const { pick, t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const areas = areasOf(rows);
    const find = new Map(rows.map((r) => [`${r.areaCode}|${r.indicator}|${r.period}`, r]));
    const many = config.periods.length > 1;
    const series = config.indicators.flatMap((ind, i) =>
      config.periods.map((p, j) => ({
        type: 'bar',
        name: many ? `${pick(byCode.get(ind)?.name, ind)} ${t('period.year', { year: p })}` : pick(byCode.get(ind)?.name, ind),
        barMaxWidth: 22,
        itemStyle: { color: PALETTE[i % PALETTE.length], opacity: many ? 0.55 + (0.45 * (j + 1)) / config.periods.length : 1 },
        data: areas.map((a) => pct(find.get(`${a.code}|${ind}|${p}`)?.value)),
      })),
    );
    const rotate = areas.length > 8 ? 35 : 0;
    return {
      animation: !still,
      color: PALETTE,
      legend: { type: 'scroll', top: 0, textStyle: { fontSize: compact ? 10 : 12 } },
      grid: { left: 8, right: 16, top: compact ? 28 : 40, bottom: 8, containLabel: true },
      tooltip,
      xAxis: { type: 'category', data: areas.map((a) => a.name), axisLabel: { interval: 0, rotate, fontSize: compact ? 10 : 12, width: 90, overflow: 'truncate' } },
      yAxis: valueAxis(compact),
      series,
    };
  }, [config, rows, byCode, pick, t, compact, still]);
  return <EChart data-testid="analysis-bar" option={option} style={{ height }} />;
}

export function AnalysisLine({ config, rows, byCode, height = 420, compact, still }: ChartProps) {
  const { pick, t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const mode = lineMode(config, rows);
    const find = new Map(rows.map((r) => [`${r.areaCode}|${r.indicator}|${r.period}`, r]));
    const line = (name: string, area: string, ind: string) => ({
      type: 'line',
      name,
      symbolSize: 7,
      connectNulls: true,
      data: config.periods.map((p) => pct(find.get(`${area}|${ind}|${p}`)?.value)),
    });
    const series =
      mode === 'byIndicator'
        ? config.indicators.map((ind) => line(pick(byCode.get(ind)?.name, ind), areasOf(rows)[0]?.code ?? '', ind))
        : areasOf(rows).map((a) => line(a.name, a.code, config.indicators[0]));
    return {
      animation: !still,
      color: PALETTE,
      legend: { type: 'scroll', top: 0, textStyle: { fontSize: compact ? 10 : 12 } },
      grid: { left: 8, right: 24, top: compact ? 28 : 40, bottom: 8, containLabel: true },
      tooltip,
      xAxis: { type: 'category', boundaryGap: false, data: config.periods.map((p) => t('period.year', { year: p })) },
      yAxis: valueAxis(compact, axisFloor(series.flatMap((x) => x.data))),
      series,
    };
  }, [config, rows, byCode, pick, t, compact, still]);
  return <EChart data-testid="analysis-line" option={option} style={{ height }} />;
}
