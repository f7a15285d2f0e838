/** Completeness of each child area; a click on a name drills down. */
import { Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { SecondaryLine } from '../../shared/secondary-line.js';
import type { CompletenessRow } from './approval-api.js';
import { RATE_COLOR, rate } from './completeness-summary.js';

/** `current`: the area shown — its own row (本级, the facilities attached to it) is text, not a link back to itself. */
export function CompletenessTable(props: { rows: CompletenessRow[]; loading: boolean; current?: string; onDrill: (row: CompletenessRow) => void }) {
  const { t } = useI18n();
  const num = (key: keyof CompletenessRow) => ({
    dataIndex: key,
    width: 88,
    align: 'right' as const,
    sorter: (a: CompletenessRow, b: CompletenessRow) => (a[key] as number) - (b[key] as number),
    render: (v: number) => formatNumber(v),
  });
  const bar = (n: (r: CompletenessRow) => number) => (_: unknown, r: CompletenessRow) => {
    const p = rate(n(r), r.expected);
    return <Progress size="small" status="normal" percent={p} strokeColor={RATE_COLOR(p)} format={(x) => `${x}%`} />;
  };
  const columns: TableColumnsType<CompletenessRow> = [
    {
      title: t('compl.area'),
      dataIndex: 'name',
      render: (_, r) => (
        <div style={{ lineHeight: 1.3 }}>
          {r.code === props.current ? (
            <Typography.Text data-testid="completeness-own">{r.name}</Typography.Text>
          ) : (
            <Typography.Link onClick={() => props.onDrill(r)} data-testid="completeness-drill">
              {r.name}
            </Typography.Link>
          )}
          <SecondaryLine>{r.code}</SecondaryLine>
        </div>
      ),
    },
    { title: t('compl.expected'), ...num('expected') },
    { title: t('compl.received'), ...num('received') },
    { title: t('compl.submitted'), ...num('submitted') },
    { title: t('compl.approved'), ...num('approved') },
    { title: t('compl.onTime'), ...num('onTime') },
    { title: t('compl.late'), ...num('late') },
    {
      title: t('compl.rateSubmitted'),
      key: 'rateSubmitted',
      width: 170,
      sorter: (a, b) => rate(a.submitted, a.expected) - rate(b.submitted, b.expected),
      render: bar((r) => r.submitted),
    },
    {
      title: t('compl.rateOnTime'),
      key: 'rateOnTime',
      width: 170,
      sorter: (a, b) => rate(a.onTime, a.expected) - rate(b.onTime, b.expected),
      render: bar((r) => r.onTime),
    },
  ];
  return (
    <Table<CompletenessRow>
      data-testid="completeness-table"
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={props.rows}
      loading={props.loading}
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
    />
  );
}
