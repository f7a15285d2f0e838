/**
 * The analysis as a pivot table: one row per area, one column per indicator × period, each cell
 * the percentage coloured by target status (met / near / far), sortable; a legend below.
 */
import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { areasOf } from './analysis-charts.js';
import type { AnalysisConfig } from './analysis-config.js';
import type { IndicatorRow } from './analytics-api.js';
import { formatPercent, STATUS_BG, STATUS_COLORS, statusBand, type StatusBand } from './indicator-status.js';

interface AreaLine {
  key: string;
  name: string;
  cells: Map<string, IndicatorRow>;
}

const cellKey = (ind: string, period: string) => `${ind}|${period}`;

export function AnalysisTable(props: { config: AnalysisConfig; rows: IndicatorRow[]; byCode: Map<string, Indicator>; compact?: boolean; loading?: boolean }) {
  const { config, rows, byCode, compact } = props;
  const { t, pick } = useI18n();

  const data = useMemo<AreaLine[]>(() => {
    const lines = new Map<string, AreaLine>(areasOf(rows).map((a) => [a.code, { key: a.code, name: a.name, cells: new Map() }]));
    for (const r of rows) lines.get(r.areaCode)?.cells.set(cellKey(r.indicator, r.period), r);
    return [...lines.values()];
  }, [rows]);

  const columns = useMemo<TableColumnsType<AreaLine>>(() => {
    const cell = (ind: string, period: string, title: React.ReactNode) => ({
      key: cellKey(ind, period),
      title,
      align: 'right' as const,
      width: compact ? 90 : 120,
      sorter: compact ? undefined : (a: AreaLine, b: AreaLine) => (a.cells.get(cellKey(ind, period))?.value ?? -1) - (b.cells.get(cellKey(ind, period))?.value ?? -1),
      onCell: (line: AreaLine) => {
        const r = line.cells.get(cellKey(ind, period));
        return { style: { background: STATUS_BG[statusBand(r?.value, r?.target, r?.met)] } };
      },
      render: (_: unknown, line: AreaLine) => {
        const r = line.cells.get(cellKey(ind, period));
        const band = statusBand(r?.value, r?.target, r?.met);
        const text = (
          <span data-cell={`${line.key}|${ind}|${period}`} style={{ color: band === 'none' ? undefined : STATUS_COLORS[band], fontWeight: 500 }}>
            {formatPercent(r?.value)}
          </span>
        );
        if (!r || compact) return text;
        return (
          <Tooltip
            title={t('an.cellTip', {
              num: formatNumber(r.numerator),
              den: formatNumber(r.denominator),
              reported: formatNumber(r.reportedReports),
              expected: formatNumber(r.expectedReports),
            })}
          >
            {text}
          </Tooltip>
        );
      },
    });
    const indTitle = (ind: string) => (
      <Typography.Text style={{ fontSize: compact ? 12 : 13 }} ellipsis={{ tooltip: pick(byCode.get(ind)?.name, ind) }}>
        {pick(byCode.get(ind)?.name, ind)}
      </Typography.Text>
    );
    const year = (p: string) => t('period.year', { year: p });
    const indicatorColumns = config.indicators.map((ind) =>
      config.periods.length === 1
        ? cell(ind, config.periods[0], indTitle(ind))
        : { key: ind, title: indTitle(ind), children: config.periods.map((p) => cell(ind, p, year(p))) },
    );
    return [
      {
        key: 'area',
        title: t('an.area'),
        dataIndex: 'name',
        fixed: 'left' as const,
        width: compact ? 110 : 150,
        sorter: compact ? undefined : (a: AreaLine, b: AreaLine) => a.key.localeCompare(b.key),
      },
      ...indicatorColumns,
    ];
  }, [config, byCode, compact, pick, t]);

  return (
    <div>
      <Table<AreaLine>
        data-testid="analysis-table"
        size="small"
        bordered
        loading={props.loading}
        columns={columns}
        dataSource={data}
        pagination={compact ? false : data.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content', y: compact ? 240 : undefined }}
        locale={{ emptyText: t('an.noRows') }}
      />
      {compact ? null : <StatusLegend />}
    </div>
  );
}

/** The colours of the cells and what they mean. */
export function StatusLegend() {
  const { t } = useI18n();
  const bands: StatusBand[] = ['met', 'near', 'far', 'none'];
  return (
    <div style={{ display: 'flex', gap: 16, marginTop: 8, flexWrap: 'wrap', fontSize: 12 }} data-testid="analysis-legend">
      {bands.map((b) => (
        <span key={b} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span style={{ width: 14, height: 14, background: STATUS_BG[b], border: `1px solid ${STATUS_COLORS[b]}`, borderRadius: 3 }} />
          {t(`an.band.${b}`)}
        </span>
      ))}
    </div>
  );
}
