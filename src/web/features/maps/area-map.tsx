/**
 * Choropleth of child areas coloured by one indicator: status bands against the target, each
 * area shaded within its band (the piecewise visualMap is the legend), or a blue scale for
 * monitor-only indicators. Features match rows by the code of the area that colours them (a
 * 省直辖县 by its 省直辖县级行政区划); 台湾省, 香港 and 澳门 are drawn as land without data
 * expected, the 南海诸岛 inset as lines; clicking an area calls onPick with that code.
 */
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { EChart, type EChartsOption } from '../../shared/charts/echart.js';
import { useI18n } from '../../shared/i18n.js';
import type { IndicatorRow } from '../indicators/analytics-api.js';
import { bandShade, chartPercent, firstTarget, nearMargin, NO_DATA, rowTooltip, scaleShade, statusPieces } from '../indicators/charts/status-scale.js';
import { formatPercent } from '../indicators/indicator-status.js';
import { MAP_KEY_PROPERTY, type LoadedMap } from './use-area-map.js';

export interface AreaMapProps {
  map: LoadedMap;
  rows: IndicatorRow[];
  indicator: Indicator;
  onPick?: (code: string) => void;
  height?: number;
}

/** 台湾省, 香港, 澳门: drawn as China, in the land colour, not the no-data grey. */
const OUTSIDE_FILL = '#f5f5f5';
/** The 南海诸岛 inset's frame and 九段线: drawn like the borders. */
const INSET_FILL = '#8c8c8c';

export function AreaMap({ map, rows, indicator, onPick, height = 420 }: AreaMapProps) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(() => {
    const byCode = new Map(rows.map((r) => [r.areaCode, r]));
    const target = firstTarget(indicator);
    const cmp = target?.comparison === '<=' ? '≤' : '≥';
    const texts = { value: t('dash.value'), target: t('dash.targetValue'), reports: t('dash.reports') };
    const banded = target !== null && target.comparison === '>=';
    const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
    const [min, max] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
    const shade = (v: number | null) => (banded ? bandShade(v, target.threshold) : scaleShade(v, min, max));
    // The legend only: each area carries its own colour (shaded within its band), so the
    // visualMap is tied to no series.
    const visualMap = banded
      ? {
          type: 'piecewise',
          seriesIndex: [],
          selectedMode: false,
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
          seriesIndex: [],
          min: chartPercent(min),
          max: Math.max(chartPercent(max), chartPercent(min) + 1),
          inRange: { color: [scaleShade(0, 0, 1), scaleShade(1, 0, 1)] },
          text: [t('dash.legend.high'), t('dash.legend.low')],
          calculable: false,
          left: 8,
          bottom: 8,
          itemHeight: 100,
          formatter: (v: number) => `${v.toFixed(1)}%`,
        };
    const feature = new Map(map.features.map((f) => [f.key, f]));
    const rowOf = (key: string) => {
      const code = feature.get(key)?.dataCode;
      return code ? byCode.get(code) : undefined;
    };
    const name = (key: string) => map.names.get(key) ?? byCode.get(key)?.areaName ?? key;
    const fixed = { emphasis: { disabled: true }, label: { show: false } };
    const data = map.features.map((f) => {
      if (f.role === 'inset') return { name: f.key, itemStyle: { areaColor: INSET_FILL, borderColor: INSET_FILL, borderWidth: 0.3 }, ...fixed };
      if (f.role === 'outside') return { name: f.key, itemStyle: { areaColor: OUTSIDE_FILL }, ...fixed };
      const row = rowOf(f.key);
      if (!row && !banded) return { name: f.key };
      const value = row?.value ?? null;
      return { name: f.key, value: value === null ? NO_DATA : chartPercent(value), itemStyle: { areaColor: shade(value) } };
    });
    const tooltip = (key: string) => {
      const f = feature.get(key);
      if (f?.role === 'inset') return `<strong>${name(key)}</strong>`;
      if (f?.role === 'outside') return `<strong>${name(key)}</strong><br/>${t('dash.mapOutside')}`;
      const row = rowOf(key);
      // A county drawn among cities (a 省直辖县) shows the figure of the unit it is counted in.
      const label = row && row.areaCode !== f?.key ? `${name(key)} · ${row.areaName}` : (row?.areaName ?? name(key));
      return rowTooltip(label, row, texts, cmp);
    };
    const outside = map.features.filter((f) => f.role === 'outside').map((f) => f.name);
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => tooltip(p.name) },
      visualMap,
      ...(outside.length
        ? { title: { text: t('dash.mapOutsideNote', { names: outside.join('、') }), right: 8, bottom: 4, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#8c8c8c' } } }
        : {}),
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
        const f = map.features.find((x) => x.key === p.name);
        if (f?.role === 'area' && f.dataCode) onPick?.(f.dataCode);
      }}
    />
  );
}
