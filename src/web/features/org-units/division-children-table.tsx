/** Children of a division with their open-facility counts per type; a name click selects the child. */
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FACILITY_TYPES, FACILITY_TYPE_NAMES } from '../../../domain/facility.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { SecondaryLine } from '../../shared/secondary-line.js';
import type { FacilityCounts } from './org-units-api.js';

type Row = FacilityCounts['children'][number];

export function DivisionChildrenTable(props: {
  rows: Row[];
  loading: boolean;
  onPick: (code: string) => void;
}) {
  const { t, pick } = useI18n();
  const num = (n: number | undefined) => formatNumber(n ?? 0);
  const columns: TableColumnsType<Row> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (_, r) => (
        <div style={{ lineHeight: 1.3, minWidth: 0 }}>
          <Typography.Link ellipsis onClick={() => props.onPick(r.code)} title={r.name} style={{ display: 'block', maxWidth: '100%' }}>
            {r.name}
          </Typography.Link>
          <SecondaryLine>{r.code}</SecondaryLine>
        </div>
      ),
    },
    ...FACILITY_TYPES.map((type) => ({
      title: pick(FACILITY_TYPE_NAMES[type]),
      key: type,
      width: 84,
      align: 'right' as const,
      render: (_: unknown, r: Row) => num(r.byType[type]),
    })),
    {
      title: t('common.total'),
      dataIndex: 'total',
      width: 96,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (v: number) => <strong>{num(v)}</strong>,
    },
  ];
  return (
    <Table<Row>
      data-testid="division-children-table"
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      tableLayout="fixed"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
