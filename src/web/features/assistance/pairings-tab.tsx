/** 对口帮扶 tab: the pairings inside the user's scope, paged; create, edit, the year's figures and assessment. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, List, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PAIRING_STATUS_NAMES, PAIRING_STATUSES, type PairingStatus } from '../../../domain/assistance/assistance.js';
import { isAdmin, useUser } from '../../app/auth.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { assistanceApi, type PairingDto } from './assistance-api.js';
import { BandTag, nf, PairingStatusTag, span, usePhone } from './labels.js';
import { PairingModal, YearModal } from './pairing-modals.js';
import { useL } from './use-l.js';

/** The pairings of a list (also the county page's), as a table or, on phones, a list. */
export function PairingList({ items, onEdit, onYear, pagination }: { items: PairingDto[]; onEdit?: (p: PairingDto) => void; onYear?: (p: PairingDto) => void; pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number, s: number) => void } }) {
  const L = useL();
  const phone = usePhone();
  const now = L('至今', 'now');
  const actions = (p: PairingDto) =>
    p.writable && (onEdit || onYear) ? (
      <Space size={4} wrap>
        {onYear ? <Button size="small" onClick={() => onYear(p)} data-testid="pairing-year">{L('年度情况/考核', 'Year / assess')}</Button> : null}
        {onEdit ? <Button size="small" type="link" onClick={() => onEdit(p)}>{L('编辑', 'Edit')}</Button> : null}
      </Space>
    ) : null;
  if (phone)
    return (
      <List
        data-testid="pairing-list"
        dataSource={items}
        pagination={pagination ? { ...pagination, size: 'small', simple: true } : false}
        renderItem={(p) => (
          <List.Item extra={actions(p)}>
            <List.Item.Meta
              title={<Space wrap size={4}><span>{p.recipientName}</span><PairingStatusTag status={p.status} /></Space>}
              description={
                <>
                  <div>{L('帮扶', 'By')}：{p.helperName}</div>
                  <div>{span(p.startYear, p.endYear, now)} · {L('派驻', 'Staff')} {nf(p.staffSentTotal)} {L('人次', '')} · {L('考核', 'Assessed')} <BandTag band={p.lastAssessment?.band ?? null} score={p.lastAssessment?.score} /></div>
                </>
              }
            />
          </List.Item>
        )}
      />
    );
  return (
    <Table<PairingDto>
      size="small"
      rowKey="id"
      data-testid="pairing-list"
      dataSource={items}
      pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
      scroll={{ x: 960 }}
      columns={[
        { title: L('受援县级中医医院', 'County hospital'), render: (_, p) => <><div>{p.recipientName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.areaName}</Typography.Text></> },
        { title: L('帮扶三级医院', 'Tertiary hospital'), render: (_, p) => <><div>{p.helperName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.helperAreaName}</Typography.Text></> },
        { title: L('帮扶期', 'Years'), width: 100, render: (_, p) => span(p.startYear, p.endYear, now) },
        { title: L('派驻人次', 'Staff sent'), width: 90, align: 'right', render: (_, p) => nf(p.staffSentTotal) },
        { title: L('专科/诊室', 'Specialties / clinics'), width: 100, align: 'right', render: (_, p) => `${p.specialtiesBuilt} / ${p.clinicsBuilt}` },
        { title: L('最近考核', 'Last assessment'), width: 120, render: (_, p) => (p.lastAssessment ? <>{p.lastAssessment.year} <BandTag band={p.lastAssessment.band} score={p.lastAssessment.score} /></> : '—') },
        { title: L('状态', 'Status'), width: 80, render: (_, p) => <PairingStatusTag status={p.status} /> },
        { title: L('帮扶内容', 'Content'), ellipsis: true, dataIndex: 'content' },
        ...(onEdit || onYear ? [{ title: L('操作', 'Actions'), width: 170, render: (_: unknown, p: PairingDto) => actions(p) }] : []),
      ]}
    />
  );
}

export function PairingsTab() {
  const L = useL();
  const { pick } = useI18n();
  const user = useUser();
  const [status, setStatus] = useState<PairingStatus | ''>('');
  const [text, setText] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<PairingDto | null | 'new'>(null);
  const [yearOf, setYearOf] = useState<PairingDto | null>(null);
  const list = useAsync(`pairings-${status}-${text}-${page.current}-${page.pageSize}`, () => assistanceApi.pairings({ status: status || undefined, text: text || undefined, page: page.current, pageSize: page.pageSize }));
  const saved = () => {
    setEditing(null);
    setYearOf(null);
    list.reload();
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={L('医院名称或编码', 'Hospital name or code')} onSearch={(v) => { setText(v.trim()); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 220 }} data-testid="pairing-search" />
        <Select value={status} onChange={(v) => { setStatus(v); setPage((p) => ({ ...p, current: 1 })); }} style={{ width: 120 }} options={[{ value: '', label: L('全部状态', 'All') }, ...PAIRING_STATUSES.map((s) => ({ value: s, label: pick(PAIRING_STATUS_NAMES[s]) }))]} />
        {isAdmin(user) ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-pairing">{L('新建帮扶关系', 'New pairing')}</Button> : null}
        {list.data ? <Typography.Text type="secondary">{L(`共 ${list.data.total} 对`, `${list.data.total} pairings`)}</Typography.Text> : null}
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <PairingList
        items={list.data?.items ?? []}
        onEdit={(p) => setEditing(p)}
        onYear={(p) => setYearOf(p)}
        pagination={{ current: page.current, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (current, pageSize) => setPage({ current, pageSize }) }}
      />
      <PairingModal open={editing !== null} pairing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={saved} />
      {yearOf ? <YearModal open pairing={yearOf} onClose={() => setYearOf(null)} onSaved={saved} /> : null}
    </>
  );
}
