/** 本机构指标: the indicators that apply to the facility's type, one row each, a column per year. */
import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import type { Indicator } from '../../../domain/indicator.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { periodCodes, reportingPeriods } from '../../shared/periods.js';
import { facilityResult } from './facility-view-eval.js';
import { targetText } from './indicator-meta.js';
import { formatPercent, STATUS_COLORS, statusBand } from './indicator-status.js';

function ResultCell({ ind, fact, year }: { ind: Indicator; fact: Record<string, unknown> | undefined; year: string }) {
  const { t } = useI18n();
  const r = facilityResult(ind, fact);
  const attrs = { 'data-testid': 'fv-value', 'data-indicator': ind.code, 'data-year': year };
  if (r.kind === 'none') {
    return (
      <span {...attrs} data-result="none" style={{ color: '#8c8c8c', fontSize: 12 }}>
        {t('gap.notReported')}
      </span>
    );
  }
  if (r.kind === 'flag') {
    return (
      <Tooltip title={`${t(r.met ? 'fv.met' : 'fv.notMet')}（${r.raw === null ? t('gap.blank') : typeof r.raw === 'boolean' ? t(r.raw ? 'gap.yes' : 'gap.no') : formatNumber(Number(r.raw))}）`}>
        <span {...attrs} data-result={r.met ? 'met' : 'not-met'} style={{ color: STATUS_COLORS[r.met ? 'met' : 'far'], fontWeight: 600 }}>
          {r.met ? '✓' : '✗'}
        </span>
      </Tooltip>
    );
  }
  const band = statusBand(r.value, ind.targets[0]?.threshold, r.met);
  return (
    <Tooltip title={`${formatNumber(r.numerator)} / ${formatNumber(r.denominator)}`}>
      <span {...attrs} data-result={r.value === null ? 'none' : String(r.value)} style={{ color: band === 'none' ? undefined : STATUS_COLORS[band] }}>
        {formatPercent(r.value)}
      </span>
    </Tooltip>
  );
}

export function FacilityViewValues(props: { indicators: Indicator[]; type: FacilityType; facts: Record<string, unknown>[]; loading: boolean }) {
  const { t, pick } = useI18n();
  const applicable = props.indicators.filter((i) => i.types?.includes(props.type));
  const byYear = new Map(props.facts.filter((f) => f.data_set === undefined || f.data_set === reportingPeriods().dataSet).map((f) => [String(f.period), f]));
  const columns: TableColumnsType<Indicator> = [
    {
      title: t('gap.indicator'),
      key: 'name',
      render: (_, ind) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{pick(ind.name)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {targetText(ind) ? `${t('ind.target')} ${targetText(ind)}` : t('ind.noTarget')}
          </Typography.Text>
        </div>
      ),
    },
    ...periodCodes().map((year) => ({
      title: year,
      key: year,
      width: 96,
      align: 'center' as const,
      render: (_: unknown, ind: Indicator) => <ResultCell ind={ind} fact={byYear.get(year)} year={year} />,
    })),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('fv.valuesHint', { type: pick(FACILITY_TYPE_NAMES[props.type], props.type) })}
      </Typography.Paragraph>
      <Table<Indicator>
        data-testid="fv-values"
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={applicable}
        loading={props.loading}
        pagination={false}
        locale={{ emptyText: t('fv.notApplicable') }}
        scroll={{ x: 720 }}
      />
    </>
  );
}
