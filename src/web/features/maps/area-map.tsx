/**
 * Choropleth of child areas coloured by one indicator: status bands against the target (a
 * piecewise visualMap that is also the legend), or a blue scale for monitor-only indicators.
 * Features match rows by division code; clicking an area with a code calls onPick.
 */
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { EChart, type EChartsOption } from '../../shared/charts/echart.js';
import { useI18n } from '../../shared/i18n.js';
import type { IndicatorRow } from '../indicators/analytics-api.js';
import { chartPercent, firstTarget, nearMargin, NO_DATA, rowTooltip, statusPieces } from '../indicators/charts/status-scale.js';
import { formatPercent } from '../indicators/indicator-status.js';
import { MAP_KEY_PROPERTY, type LoadedMap } from './use-area-map.js';

export interface AreaMapProps {
  map: LoadedMap;
  rows: IndicatorRow[];
  indicator: Indicator;
  onPick?: (code: string) => void;
  height?: number;
}

export function AreaMap({ map, rows, indicator, onPick, height = 420 }: AreaMapProps) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const byCode = new Map(rows.map((r) => [r.areaCode, r]));
    const target = firstTarget(indicator);
    const cmp = target?.comparison === '<=' ? '≤' : '≥';
    const texts = { value: t('dash.value'), target: t('dash.targetValue'), reports: t('dash.reports') };
    const banded = target !== null && target.comparison === '>=';
    const data = rows
      .filter((r) => r.value !== null || banded)
      .map((r) => ({ name: r.areaCode, value: r.value === null ? NO_DATA : chartPercent(r.value) }));
    const values = rows.flatMap((r) => (r.value === null ? [] : [chartPercent(r.value)]));
    const visualMap = banded
      ? {
          type: 'piecewise',
          pieces: statusPieces(target.threshold, {
            met: `${t('dash.legend.met')} ${cmp} ${formatPercent(target.threshold, 0)}`,
            near: t('dash.legend.near', { margin: formatPercent(nearMargin(target.threshold), 0) }),
            far: t('dash.legend.far'),
            none: t('dash.legend.none'),
          }),
          left: 8,
          bottom: 8,
          itemWidth: 14,
          itemHeight: 10,
          textStyle: { fontSize: 12 },
        }
      : {
          type: 'continuous',
          min: values.length ? Math.min(...values) : 0,
          max: values.length ? Math.max(...values, Math.min(...values) + 1) : 100,
          inRange: { color: ['#e6f4ff', '#0958d9'] },
          text: [t('dash.legend.high'), t('dash.legend.low')],
          calculable: false,
          left: 8,
          bottom: 8,
          itemHeight: 100,
          formatter: (v: number) => `${v.toFixed(1)}%`,
        };
    const name = (key: string) => map.names.get(key) ?? byCode.get(key)?.areaName ?? key;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => rowTooltip(byCode.get(p.name)?.areaName ?? name(p.name), byCode.get(p.name), texts, cmp),
      },
      visualMap,
      series: [
        {
          type: 'map',
          map: map.key,
          nameProperty: MAP_KEY_PROPERTY,
          roam: false,
          selectedMode: false,
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          data,
          itemStyle: { areaColor: '#f0f0f0', borderColor: '#8c8c8c', borderWidth: 0.6 },
          label: { show: map.level > 1, fontSize: 10, color: '#262626', formatter: (p: { name: string }) => name(p.name) },
          emphasis: {
            itemStyle: { areaColor: '#ffe58f', borderColor: '#434343', borderWidth: 1 },
            label: { show: true, fontSize: 11, formatter: (p: { name: string }) => name(p.name) },
          },
        },
      ],
    };
  }, [map, rows, indicator, t]);

  return (
    <EChart
      data-testid="area-map"
      option={option}
      style={{ height }}
      onClick={(p) => {
        if (p.name && !p.name.startsWith('~')) onPick?.(p.name);
      }}
    />
  );
}
