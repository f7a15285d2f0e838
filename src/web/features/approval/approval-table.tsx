/** The reports waiting for (or past) approval, with row selection and per-row actions. */
import { CheckOutlined, EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { FACILITY_TYPE_NAMES } from '../../../domain/facility.js';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { PagedTable, type Paging } from '../../shared/paged-table.js';
import { SecondaryLine } from '../../shared/secondary-line.js';
import { ReportStatusTag } from '../data-entry/report-status-tag.js';
import type { ApprovalRow } from './approval-api.js';

export function ApprovalTable(props: {
  data: { items: ApprovalRow[]; total: number } | null;
  loading: boolean;
  error: unknown;
  paging: Paging;
  period: string;
  selected: string[];
  busy: boolean;
  onSelect: (codes: string[]) => void;
  onApprove: (rows: ApprovalRow[]) => void;
  onReturn: (rows: ApprovalRow[]) => void;
}) {
  const { t, pick } = useI18n();
  const columns: TableColumnsType<ApprovalRow> = [
    {
      title: t('fac.name'),
      dataIndex: 'facilityName',
      render: (_, r) => (
        <div style={{ lineHeight: 1.3 }}>
          <div>{r.facilityName}</div>
          <SecondaryLine>{r.facilityCode}</SecondaryLine>
        </div>
      ),
    },
    { title: t('fac.type'), dataIndex: 'facilityType', width: 140, render: (v: ApprovalRow['facilityType']) => pick(FACILITY_TYPE_NAMES[v], v) },
    { title: t('fac.division'), dataIndex: 'divisionName', width: 150, ellipsis: true, render: (v?: string) => v ?? '–' },
    {
      title: t('entry.status'),
      dataIndex: 'status',
      width: 160,
      render: (_, r) => <ReportStatusTag status={r.status} approvalLevel={r.approvalLevel} data-testid="approval-status" />,
    },
    { title: t('entry.submittedAt'), dataIndex: 'submittedAt', width: 170, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) => (
        <Space size={2}>
          <Tooltip title={t('appr.approve')}>
            <Button type="text" size="small" icon={<CheckOutlined />} disabled={!r.canApprove || props.busy} onClick={() => props.onApprove([r])} aria-label={t('appr.approve')} data-testid="approval-row-approve" />
          </Tooltip>
          <Tooltip title={t('appr.return')}>
            <Button type="text" size="small" danger icon={<RollbackOutlined />} disabled={!r.canReturn || props.busy} onClick={() => props.onReturn([r])} aria-label={t('appr.return')} data-testid="approval-row-return" />
          </Tooltip>
          <Tooltip title={t('appr.view')}>
            <Link to={`/entry?facility=${encodeURIComponent(r.facilityCode)}&period=${encodeURIComponent(props.period)}`} aria-label={t('appr.view')}>
              <Button type="text" size="small" icon={<EyeOutlined />} />
            </Link>
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <PagedTable<ApprovalRow>
      data-testid="approval-table"
      rowKey="facilityCode"
      size="middle"
      columns={columns}
      data={props.data}
      loading={props.loading}
      error={props.error}
      paging={props.paging}
      pageSizeOptions={[20, 50, 100, 200]}
      scroll={{ x: 900 }}
      rowSelection={{
        selectedRowKeys: props.selected,
        onChange: (keys) => props.onSelect(keys.map(String)),
        getCheckboxProps: (r) => ({ disabled: !r.canApprove && !r.canReturn }),
      }}
    />
  );
}
