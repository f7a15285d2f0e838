/**
 * One indicator on the dashboard: name, value, target and deadline, a met / not met tag in the
 * status-band colour, and reporting completeness. Focusable; click or Enter selects it.
 */
import { Card, Skeleton, Tag, Typography } from 'antd';
import type { Indicator } from '../../../domain/indicator.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import type { IndicatorRow } from './analytics-api.js';
import { deadlineText } from './dashboard-data.js';
import { formatPercent, notApplicable, STATUS_BG, STATUS_COLORS, statusBand } from './indicator-status.js';

export const CARD_HEIGHT = 158;

const TAG_KEYS: Record<string, MessageKey> = {
  met: 'dash.status.met',
  near: 'dash.status.near',
  far: 'dash.status.far',
  none: 'dash.status.none',
};

export interface DashboardCardProps {
  indicator: Indicator;
  row: IndicatorRow | undefined;
  selected: boolean;
  onSelect: (code: string) => void;
}

export function DashboardCard({ indicator, row, selected, onSelect }: DashboardCardProps) {
  const { t, pick } = useI18n();
  const target = indicator.targets[0];
  const band = statusBand(row?.value, row?.target, row?.met);
  const monitor = !target;
  const color = monitor ? '#1677ff' : STATUS_COLORS[band];
  const name = pick(indicator.name);
  const expected = row?.expectedReports ?? 0;
  const reported = row?.reportedReports ?? 0;
  const cmp = target?.comparison === '<=' ? '≤' : '≥';
  const na = notApplicable(row);

  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      data-testid="indicator-card"
      data-indicator={indicator.code}
      data-status={na ? 'na' : monitor ? 'monitor' : band}
      onClick={() => onSelect(indicator.code)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(indicator.code);
        }
      }}
      style={{
        height: CARD_HEIGHT,
        borderColor: selected ? '#1f7a5a' : undefined,
        boxShadow: selected ? '0 0 0 2px #1f7a5a inset' : undefined,
        borderTop: `4px solid ${color}`,
        background: selected ? STATUS_BG[monitor ? 'none' : band] : undefined,
        cursor: 'pointer',
      }}
      styles={{ body: { padding: '10px 12px', height: '100%', display: 'flex', flexDirection: 'column', gap: 4 } }}
    >
      <Typography.Text
        strong
        title={name}
        data-testid="indicator-card-title"
        style={{ fontSize: 13, lineHeight: '18px', height: 36, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}
      >
        {name}
      </Typography.Text>
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8 }}>
        <span data-testid="indicator-card-value" style={{ fontSize: 28, fontWeight: 600, color, lineHeight: '36px', fontVariantNumeric: 'tabular-nums' }}>
          {formatPercent(row?.value)}
        </span>
        {na ? (
          <Tag data-testid="indicator-card-na">{t('dash.status.na')}</Tag>
        ) : (
          <Tag color={monitor ? 'blue' : undefined} style={monitor ? undefined : { color: '#fff', background: STATUS_COLORS[band], borderColor: STATUS_COLORS[band] }}>
            {monitor ? t('dash.status.monitor') : t(TAG_KEYS[band])}
          </Tag>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
        {target
          ? `${t('dash.target', { cmp, value: formatPercent(target.threshold, 0) })} · ${deadlineText(target.deadline, t)}`
          : pick(indicator.monitor, t('dash.monitorOnly'))}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="indicator-card-completeness">
        {/* A county share counts county-level units, not reports: said so. */}
        {na
          ? t(indicator.kind === 'COUNTY_SHARE' ? 'dash.naCounties' : indicator.kind === 'FACT' ? 'dash.naFacts' : 'dash.naFacilities')
          : t(indicator.kind === 'COUNTY_SHARE' ? 'dash.counties' : indicator.kind === 'FACT' ? 'dash.facts' : 'dash.completeness', {
              reported: formatNumber(reported),
              expected: formatNumber(expected),
              rate: expected > 0 ? formatPercent(reported / expected) : '–',
            })}
      </Typography.Text>
    </Card>
  );
}

/** A placeholder of the same size while the values load. */
export function DashboardCardSkeleton() {
  return (
    <Card size="small" style={{ height: CARD_HEIGHT }} styles={{ body: { padding: '10px 12px' } }}>
      <Skeleton active title={{ width: '80%' }} paragraph={{ rows: 3, width: ['40%', '70%', '60%'] }} />
    </Card>
  );
}
