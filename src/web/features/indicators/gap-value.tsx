/** The value of one gap-list row: a percentage (ratios), 是/否 or a count (facility conditions), or 未报告. */
import { Space, Tag, Typography } from 'antd';
import type { Condition, Indicator } from '../../../domain/indicator.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import type { GapItem } from './analytics-api.js';
import { formatPercent } from './indicator-status.js';

const OPS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** `≥ 6` for a numeric condition, null for a yes/no one. */
export function conditionText(c: Condition): string | null {
  if ('element' in c && typeof c.value === 'boolean') return null;
  return `${OPS[c.op] ?? c.op} ${String(c.value)}`;
}

export function GapValue({ item, indicator }: { item: GapItem; indicator: Indicator }) {
  const { t } = useI18n();
  if (!item.reported && indicator.kind !== 'COUNTY_SHARE') {
    return (
      <Tag color="default" data-testid="gap-value" data-value="">
        {t('gap.notReported')}
      </Tag>
    );
  }
  const attr = { 'data-testid': 'gap-value', 'data-value': item.value === null ? '' : String(item.value) };
  if (indicator.kind === 'RATIO' || indicator.kind === 'FACT') {
    return (
      <span {...attr}>
        <Typography.Text type="danger">{formatPercent(item.value)}</Typography.Text>
      </span>
    );
  }
  if (indicator.kind === 'COUNTY_SHARE') {
    return (
      <span {...attr}>
        <Typography.Text type="danger">{t('gap.no')}</Typography.Text>
      </span>
    );
  }
  const c = indicator.numerator as Condition;
  const cond = conditionText(c);
  // The engine counts a blank option list as none chosen.
  const value = item.value === null && 'optionCount' in c ? 0 : item.value;
  const shown = value === null ? t('gap.blank') : cond === null ? (value ? t('gap.yes') : t('gap.no')) : formatNumber(value);
  return (
    <span {...attr}>
      <Space size={6}>
        <Typography.Text type="danger">{shown}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {cond ? t('gap.require', { cond }) : t('gap.notMet')}
        </Typography.Text>
      </Space>
    </span>
  );
}

/** A sortable number for a gap row: unreported first, then by value. */
export function gapSortValue(item: GapItem): number {
  if (!item.reported) return -2;
  return item.value === null ? -1 : item.value;
}
