/**
 * Section 3 of the annual report: for each key indicator, the child areas ranked as horizontal
 * bars coloured by target status with the target line; then the 2021–2024 trend of the key
 * indicators with the projection to 2025 (dashed). No animation: the page is made for printing.
 */
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { EChart, type EChartsOption } from '../../shared/charts/echart.js';
import { useI18n } from '../../shared/i18n.js';
import { axisFloor } from './analysis-charts.js';
import type { IndicatorRow, TrendSeries } from './analytics-api.js';
import { formatPercent, STATUS_COLORS, statusBand } from './indicator-status.js';

const pct = (v: number) => Math.round(v * 1e4) / 100;
const COLORS = ['#1f7a5a', '#1677ff', '#d48806', '#722ed1'];

export function ReportBar({ rows, indicator }: { rows: IndicatorRow[]; indicator: Indicator }) {
  const { t, pick } = useI18n();
  const shown = useMemo(
    () => rows.filter((r) => r.indicator === indicator.code && r.value !== null).sort((a, b) => b.value! - a.value! || a.areaCode.localeCompare(b.areaCode)),
    [rows, indicator],
  );
  const target = indicator.targets[0];
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      title: {
        text: pick(indicator.name),
        subtext: target ? `${t('rep.target')} ${target.comparison === '<=' ? '≤' : '≥'} ${formatPercent(target.threshold, 0)}` : '',
        left: 0,
        top: 0,
        itemGap: 4,
        textStyle: { fontSize: 12, fontWeight: 'bold' },
        subtextStyle: { fontSize: 10, color: '#cf1322' },
      },
      grid: { left: 4, right: 56, top: 40, bottom: 4, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: 10 }, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.areaName), axisTick: { show: false }, axisLabel: { fontSize: 11, width: 110, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          data: shown.map((r) => ({ value: pct(r.value!), itemStyle: { color: STATUS_COLORS[statusBand(r.value, r.target, r.met)] } })),
          label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => formatPercent(p.value / 100) },
          markLine: target
            ? {
                symbol: 'none',
                silent: true,
                animation: false,
                lineStyle: { color: '#cf1322', type: 'dashed' },
                label: { show: false },
                data: [{ xAxis: pct(target.threshold) }],
              }
            : undefined,
        },
      ],
    }),
    [shown, indicator, target, pick, t],
  );
  if (!shown.length) return <p className="ar-note">{t('rep.noChildData', { indicator: pick(indicator.name) })}</p>;
  return (
    <div className="ar-figure" data-testid={`report-bar-${indicator.code}`}>
      <EChart option={option} style={{ height: 60 + shown.length * 22 }} />
    </div>
  );
}

export function ReportTrend({ series, byCode }: { series: TrendSeries[]; byCode: Map<string, Indicator> }) {
  const { t, pick } = useI18n();
  const years = useMemo(
    () => [...new Set(series.flatMap((s) => [...s.points.map((p) => p.period), ...(s.projection ? [String(s.projection.year)] : [])]))].sort(),
    [series],
  );
  const option = useMemo<EChartsOption>(() => {
    const lines = series.flatMap((s, i) => {
      const color = COLORS[i % COLORS.length];
      const name = pick(byCode.get(s.indicator)?.name, s.indicator);
      const actual = years.map((y) => {
        const v = s.points.find((p) => p.period === y)?.value;
        return v === null || v === undefined ? null : pct(v);
      });
      const last = actual.reduce<number>((acc, v, k) => (v === null ? acc : k), -1);
      const out: Record<string, unknown>[] = [{ type: 'line', name, data: actual, symbolSize: 6, lineStyle: { color, width: 2.5 }, itemStyle: { color } }];
      if (s.projection && last >= 0) {
        const py = years.indexOf(String(s.projection.year));
        // Same name as the actual line: one legend entry for both.
        out.push({
          type: 'line',
          name,
          data: years.map((_, k) => (k === last ? actual[k] : k === py ? pct(s.projection!.value) : null)),
          connectNulls: true,
          symbol: 'emptyCircle',
          symbolSize: 6,
          lineStyle: { color, width: 1.5, type: 'dashed' },
          itemStyle: { color },
        });
      }
      return out;
    });
    return {
      animation: false,
      legend: { top: 0, textStyle: { fontSize: 10 }, itemWidth: 18, itemHeight: 8 },
      grid: { left: 4, right: 24, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: years.map((y) => t('period.year', { year: y })) },
      yAxis: { type: 'value', min: axisFloor(lines.flatMap((l) => l.data as (number | null)[])), max: 100, axisLabel: { formatter: '{value}%', fontSize: 10 }, splitLine: { lineStyle: { type: 'dashed' } } },
      series: lines,
    };
  }, [series, years, byCode, pick, t]);
  if (!series.length) return <p className="ar-note">{t('rep.noTrend')}</p>;
  return (
    <div className="ar-figure" data-testid="report-trend">
      <EChart option={option} style={{ height: 250 }} />
      <div className="ar-sub" style={{ margin: '1mm 0 2mm' }}>
        {t('rep.trendNote')}
      </div>
      <table className="ar-table">
        <thead>
          <tr>
            <th>{t('rep.col.indicator')}</th>
            {years.map((y) => (
              <th key={y} className="num">
                {series.some((s) => s.projection && String(s.projection.year) === y && !s.points.some((p) => p.period === y))
                  ? t('rep.projectedYear', { year: y })
                  : t('period.year', { year: y })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.indicator}>
              <td>{pick(byCode.get(s.indicator)?.name, s.indicator)}</td>
              {years.map((y) => {
                const p = s.points.find((x) => x.period === y);
                const proj = !p && s.projection && String(s.projection.year) === y ? s.projection : null;
                return (
                  <td key={y} className="num" style={proj ? { color: proj.willMiss ? STATUS_COLORS.far : STATUS_COLORS.met } : undefined}>
                    {p ? formatPercent(p.value) : proj ? formatPercent(proj.value) : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
