/**
 * Child areas ranked by one indicator: horizontal bars coloured by status band with the target
 * as a dashed line. Long lists scroll inside a fixed-height box; above `collapseAbove` rows only
 * the top and bottom `edge` show until the user asks for all of them.
 */
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import type { Indicator } from '../../../../domain/indicator.js';
import { EChart, type EChartsOption } from '../../../shared/charts/echart.js';
import { useI18n } from '../../../shared/i18n.js';
import type { IndicatorRow } from '../analytics-api.js';
import { formatPercent } from '../indicator-status.js';
import { chartPercent, firstTarget, rowColor, rowTooltip } from './status-scale.js';
import { axisMin, rankRows } from './ranking.js';

export { rankRows };

export interface RankedBarProps {
  rows: IndicatorRow[];
  indicator: Indicator;
  onPick?: (code: string) => void;
  /** Height of the scrolling box. */
  boxHeight?: number;
  collapseAbove?: number;
  edge?: number;
}

const ROW = 24;
const PAD = 40;

export function RankedBar({ rows, indicator, onPick, boxHeight = 400, collapseAbove = 40, ...rest }: RankedBarProps) {
  // By default as many as fit the box without scrolling: top and bottom rows plus the gap row.
  const edge = rest.edge ?? Math.max(3, Math.floor(((boxHeight - PAD) / ROW - 1) / 2));
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const ranked = useMemo(() => rankRows(rows, firstTarget(indicator)?.comparison), [rows, indicator]);
  const collapsible = ranked.length > collapseAbove;
  const shown = useMemo(() => {
    if (!collapsible || all) return ranked;
    // The best and the worst with a value, a gap row between them; areas without a value only under "all".
    const valued = ranked.filter((r) => r.value !== null);
    if (valued.length <= 2 * edge) return valued;
    const gap: IndicatorRow = { ...valued[edge], areaCode: '', areaName: '⋯', value: null };
    return [...valued.slice(0, edge), gap, ...valued.slice(-edge)];
  }, [ranked, collapsible, all, edge]);

  const option = useMemo<EChartsOption>(() => {
    const target = firstTarget(indicator);
    const cmp = target?.comparison === '<=' ? '≤' : '≥';
    const texts = { value: t('dash.value'), target: t('dash.targetValue'), reports: t('dash.reports') };
    const names = new Map(shown.map((r) => [r.areaCode, r.areaName]));
    return {
      grid: { left: 8, right: 56, top: 22, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = shown[p.dataIndex];
          return r?.areaCode ? rowTooltip(r.areaName, r, texts, cmp) : '';
        },
      },
      xAxis: {
        type: 'value',
        min: axisMin(shown.filter((r) => r.value !== null && r.areaCode !== '').map((r) => r.value!), target?.threshold ?? null),
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        // Codes as categories (names may repeat); the labels show names and are clickable too.
        data: shown.map((r) => r.areaCode),
        triggerEvent: true,
        axisTick: { show: false },
        axisLabel: { width: 120, overflow: 'truncate', fontSize: 12, formatter: (code: string) => names.get(code) ?? '⋯' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: shown.map((r) => ({
            value: r.value === null ? 0 : chartPercent(r.value),
            code: r.areaCode,
            itemStyle: { color: rowColor(r) },
            label: { show: r.areaCode !== '', position: 'right', formatter: () => formatPercent(r.value), fontSize: 11 },
          })),
          markLine: target
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#cf1322', type: 'dashed', width: 1.5 },
                label: { formatter: `${t('dash.targetLine')} ${formatPercent(target.threshold, 0)}`, position: 'start', color: '#cf1322' },
                data: [{ xAxis: chartPercent(target.threshold) }],
              }
            : undefined,
        },
      ],
    };
  }, [shown, indicator, t]);

  const chartHeight = Math.max(160, shown.length * ROW + PAD);
  return (
    <div>
      <div style={{ height: boxHeight, overflowY: chartHeight > boxHeight ? 'auto' : 'hidden' }} data-testid="ranked-bar-box">
        <EChart
          data-testid="ranked-bar"
          option={option}
          style={{ height: chartHeight }}
          onClick={(p) => {
            const axis = p as { componentType?: string; value?: unknown };
            const code = axis.componentType === 'yAxis' ? String(axis.value) : (p.data as { code?: string } | undefined)?.code;
            if (code) onPick?.(code);
          }}
        />
      </div>
      {collapsible ? (
        <Button type="link" size="small" onClick={() => setAll((a) => !a)} data-testid="ranked-bar-toggle">
          {all ? t('dash.showTopBottom', { n: edge }) : t('dash.showAll', { n: ranked.length })}
        </Button>
      ) : null}
    </div>
  );
}
