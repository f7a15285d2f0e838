/** 报表历史: the facility's GTCM_ANNUAL report of each year with its status, approval and a link to data entry. */
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import type { ReportDto } from '../data-entry/report-api.js';
import { ReportStatusTag } from '../data-entry/report-status-tag.js';

export type HistoryReport = ReportDto & { approvedAt?: string | null; approvedBy?: string | null };

export interface HistoryRow {
  year: string;
  report: HistoryReport | null;
  /** The report could not be read (e.g. the facility did not exist yet). */
  failed?: boolean;
}

export function FacilityViewHistory(props: { code: string; rows: HistoryRow[]; loading: boolean }) {
  const { t } = useI18n();
  const columns: TableColumnsType<HistoryRow> = [
    { title: t('fv.year'), dataIndex: 'year', width: 80 },
    {
      title: t('fv.status'),
      key: 'status',
      width: 150,
      render: (_, r) =>
        r.failed ? (
          <Typography.Text type="secondary">–</Typography.Text>
        ) : (
          <ReportStatusTag status={r.report?.status} approvalLevel={r.report?.approvalLevel} data-testid="fv-status" />
        ),
    },
    { title: t('fv.submittedAt'), key: 'submitted', width: 170, render: (_, r) => formatDateTime(r.report?.submittedAt) },
    {
      title: t('fv.updatedAt'),
      key: 'updated',
      width: 220,
      render: (_, r) =>
        r.report ? (
          <span>
            {formatDateTime(r.report.updatedAt)}
            {r.report.updatedBy ? <Typography.Text type="secondary"> · {r.report.updatedBy}</Typography.Text> : null}
          </span>
        ) : (
          '–'
        ),
    },
    {
      title: t('fv.returnReason'),
      key: 'reason',
      render: (_, r) => (r.report?.status === 'RETURNED' ? <Typography.Text type="danger">{r.report.returnReason ?? '–'}</Typography.Text> : '–'),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 110,
      render: (_, r) => (
        <Link to={`/entry?facility=${encodeURIComponent(props.code)}&period=${r.year}`} data-testid="fv-open-entry">
          {t('fv.open')}
        </Link>
      ),
    },
  ];
  return (
    <Table<HistoryRow>
      data-testid="fv-history"
      size="small"
      rowKey="year"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      pagination={false}
      scroll={{ x: 860 }}
    />
  );
}
