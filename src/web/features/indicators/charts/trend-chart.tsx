/**
 * An area's yearly values (solid) with the linear projection to the target's deadline year
 * (dashed, from the last year with a value) and the target as a horizontal line.
 */
import { useMemo } from 'react';
import type { Indicator } from '../../../../domain/indicator.js';
import { EChart, type EChartsOption } from '../../../shared/charts/echart.js';
import { useI18n } from '../../../shared/i18n.js';
import type { TrendSeries } from '../analytics-api.js';
import { formatPercent } from '../indicator-status.js';
import { chartPercent, firstTarget } from './status-scale.js';

export interface TrendChartProps {
  series: TrendSeries;
  indicator: Indicator;
  height?: number;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function TrendChart({ series, indicator, height = 300 }: TrendChartProps) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const target = firstTarget(indicator);
    const proj = series.projection;
    // The years reported, then up to the projection or the target's deadline (the x axis always reaches it).
    const last = Math.max(proj?.year ?? 0, target ? Number(target.deadline.slice(0, 4)) || 0 : 0);
    const years = series.points.map((p) => p.period);
    for (let y = Number(years[years.length - 1] ?? last) + 1; y <= last; y++) years.push(String(y));
    const actual = years.map((y) => {
      const p = series.points.find((x) => x.period === y);
      return p && p.value !== null ? chartPercent(p.value) : null;
    });
    const lastIdx = actual.reduce<number>((acc, v, i) => (v === null ? acc : i), -1);
    const projected = years.map((y, i) => {
      if (!proj) return null;
      if (i === lastIdx) return actual[i];
      return y === String(proj.year) ? chartPercent(clamp(proj.value)) : null;
    });
    const values = [...actual, ...projected].filter((v): v is number => v !== null);
    if (target) values.push(chartPercent(target.threshold));
    const low = values.length ? Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10) : 0;
    return {
      animationDuration: 400,
      grid: { left: 8, right: 64, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, data: [t('dash.areaSeries'), t('dash.projection')] },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100) : '–'),
      },
      xAxis: { type: 'category', data: years, boundaryGap: false },
      yAxis: { type: 'value', min: low, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          name: t('dash.areaSeries'),
          type: 'line',
          data: actual,
          symbolSize: 8,
          lineStyle: { width: 3, color: '#1f7a5a' },
          itemStyle: { color: '#1f7a5a' },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => formatPercent(p.value / 100) },
          markLine: target
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
                label: { formatter: `${t('dash.targetLine')} ${formatPercent(target.threshold, 0)}`, position: 'insideStartTop', color: '#cf1322' },
                data: [{ yAxis: chartPercent(target.threshold) }],
              }
            : undefined,
        },
        {
          name: t('dash.projection'),
          type: 'line',
          data: projected,
          connectNulls: false,
          symbol: 'emptyCircle',
          symbolSize: 8,
          lineStyle: { width: 2, type: 'dashed', color: proj?.willMiss ? '#d48806' : '#52a37f' },
          itemStyle: { color: proj?.willMiss ? '#d48806' : '#52a37f' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number; value: number }) => (p.dataIndex === lastIdx ? '' : formatPercent(p.value / 100)),
          },
        },
      ],
    };
  }, [series, indicator, t]);

  return <EChart data-testid="trend-chart" option={option} style={{ height }} />;
}
