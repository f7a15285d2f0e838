/** The area's counts (应报/已报/已提交/已审核/按时/逾期), its rates as progress bars, and the deadline. */
import { CalendarOutlined } from '@ant-design/icons';
import { Card, Progress, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate, formatNumber } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import type { CompletenessRow } from './approval-api.js';

export function rate(n: number, d: number): number {
  return d > 0 ? Math.round((n / d) * 1000) / 10 : 0;
}

export const RATE_COLOR = (p: number) => (p >= 95 ? '#1f7a5a' : p >= 80 ? '#52a37f' : p >= 60 ? '#faad14' : '#cf1322');

export function CompletenessSummary({ row, deadline }: { row: CompletenessRow; deadline?: string | null }) {
  const { t } = useI18n();
  const counts: { key: keyof CompletenessRow; label: MessageKey; color?: string }[] = [
    { key: 'expected', label: 'compl.expected' },
    { key: 'received', label: 'compl.received' },
    { key: 'submitted', label: 'compl.submitted', color: '#1f7a5a' },
    { key: 'approved', label: 'compl.approved', color: '#1677ff' },
    { key: 'onTime', label: 'compl.onTime' },
    { key: 'late', label: 'compl.late', color: row.late ? '#d48806' : undefined },
  ];
  const rates: { key: string; label: MessageKey; hint: MessageKey; value: number }[] = [
    { key: 'received', label: 'compl.rateReceived', hint: 'compl.rateReceivedHint', value: rate(row.received, row.expected) },
    { key: 'submitted', label: 'compl.rateSubmitted', hint: 'compl.rateSubmittedHint', value: rate(row.submitted, row.expected) },
    { key: 'approved', label: 'compl.rateApproved', hint: 'compl.rateApprovedHint', value: rate(row.approved, row.expected) },
    { key: 'onTime', label: 'compl.rateOnTime', hint: 'compl.rateOnTimeHint', value: rate(row.onTime, row.expected) },
  ];
  const due = deadline ? dayjs(deadline) : null;
  const daysLeft = due?.isValid() ? due.endOf('day').diff(dayjs(), 'day') : null;

  return (
    <div data-testid="completeness-summary">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', gap: 10 }}>
        {counts.map((c) => (
          <Card key={c.key} size="small" data-stat={c.key} styles={{ body: { padding: '10px 12px' } }}>
            <Statistic
              title={t(c.label)}
              value={row[c.key] as number}
              formatter={(v) => formatNumber(Number(v))}
              styles={{ content: { fontSize: 22, fontWeight: 600, color: c.color } }}
            />
          </Card>
        ))}
      </div>
      <Card size="small" style={{ marginTop: 10 }} styles={{ body: { display: 'flex', gap: 24, alignItems: 'center', flexWrap: 'wrap' } }}>
        {rates.map((r) => (
          <Tooltip key={r.key} title={t(r.hint)}>
            <div style={{ flex: '1 1 180px', minWidth: 180 }} data-rate={r.key}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(r.label)}
              </Typography.Text>
              <Progress status="normal" percent={r.value} strokeColor={RATE_COLOR(r.value)} format={(p) => `${p}%`} />
            </div>
          </Tooltip>
        ))}
        <div style={{ flex: 'none' }} data-testid="completeness-deadline">
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            <CalendarOutlined /> {t('compl.deadline')}
          </Typography.Text>
          <Typography.Text strong>{formatDate(deadline)}</Typography.Text>{' '}
          {daysLeft === null ? null : daysLeft < 0 ? (
            <Tag color="red">{t('compl.deadlinePassed')}</Tag>
          ) : (
            <Tag color={daysLeft <= 14 ? 'orange' : 'green'}>{t('compl.daysLeft', { n: daysLeft })}</Tag>
          )}
        </div>
      </Card>
    </div>
  );
}
