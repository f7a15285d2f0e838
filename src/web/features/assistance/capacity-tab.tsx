/** 能力建设 tab: the units of one kind (technique bases, epidemic bases, rescue teams, rehabilitation centres), their form, and a drawer with their trainings and drills. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ACTIVITY_KIND_NAMES, DRILL_KINDS, UNIT_ACTIVITIES, UNIT_KIND_NAMES, UNIT_KINDS, UNIT_STATUS_NAMES, UNIT_STATUSES, type ActivityKind, type UnitKind } from '../../../domain/assistance/assistance.js';
import { isAdmin, useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { FacilitySelect } from '../../shared/facility-select.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import { assistanceApi, type UnitDto } from './assistance-api.js';
import { nf, UnitStatusTag, usePhone } from './labels.js';
import { useL } from './use-l.js';

export function UnitList({ items, onOpen, showKind = false }: { items: UnitDto[]; onOpen: (u: UnitDto) => void; showKind?: boolean }) {
  const L = useL();
  const { pick } = useI18n();
  const phone = usePhone();
  if (phone)
    return (
      <List
        data-testid="unit-list"
        dataSource={items}
        renderItem={(u) => (
          <List.Item onClick={() => onOpen(u)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={<Space wrap size={4}><span>{u.name}</span><UnitStatusTag status={u.status} /></Space>}
              description={`${showKind ? `${pick(UNIT_KIND_NAMES[u.kind])} · ` : ''}${u.areaName} · ${L('培训', 'Trainings')} ${u.trainings}${u.drills ? ` · ${L('演练', 'Drills')} ${u.drills}` : ''} · ${nf(u.people)} ${L('人次', 'people')}`}
            />
          </List.Item>
        )}
      />
    );
  return (
    <Table<UnitDto>
      size="small"
      rowKey="id"
      data-testid="unit-list"
      dataSource={items}
      pagination={false}
      scroll={{ x: 1200 }}
      columns={[
        { title: L('名称', 'Name'), width: 260, render: (_, u) => <a onClick={() => onOpen(u)}>{u.name}</a> },
        ...(showKind ? [{ title: L('类别', 'Kind'), width: 140, render: (_: unknown, u: UnitDto) => pick(UNIT_KIND_NAMES[u.kind]) }] : []),
        { title: L('所在地区', 'Area'), width: 160, dataIndex: 'areaName' },
        { title: L('依托机构', 'Host'), width: 200, render: (_, u) => u.facilityName ?? '—' },
        { title: L('推广技术', 'Techniques'), width: 180, render: (_, u) => (u.techniques.length ? u.techniques.slice(0, 5).join('、') + (u.techniques.length > 5 ? '…' : '') : '—') },
        { title: L('始建', 'Since'), width: 60, dataIndex: 'startYear' },
        { title: L('状态', 'Status'), width: 90, render: (_, u) => <UnitStatusTag status={u.status} /> },
        { title: L('培训/演练', 'Trainings / drills'), width: 90, align: 'right', render: (_, u) => `${u.trainings} / ${u.drills}` },
        { title: L('人次', 'People'), width: 80, align: 'right', render: (_, u) => nf(u.people) },
        { title: L('最近活动', 'Last'), width: 100, render: (_, u) => u.lastActivity ?? '—' },
      ]}
    />
  );
}

interface UnitForm {
  kind: UnitKind;
  name: string;
  areaCode: string;
  facilityCode?: string | null;
  techniques: string[];
  startYear: number;
  endYear?: number | null;
  status: (typeof UNIT_STATUSES)[number];
  note: string;
}

function UnitModal({ kind, unit, open, onClose, onSaved }: { kind: UnitKind; unit: UnitDto | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { pick } = useI18n();
  const m = useFormModal<UnitForm>({
    open,
    fields: ['name', 'areaCode', 'facilityCode', 'techniques', 'startYear', 'endYear', 'status', 'note'],
    save: async (v) => {
      const common = { name: v.name, facilityCode: v.facilityCode ?? null, techniques: v.techniques ?? [], startYear: v.startYear, endYear: v.endYear ?? null, status: v.status, note: v.note ?? '' };
      if (unit) await assistanceApi.updateUnit(unit.id, common);
      else await assistanceApi.createUnit({ ...common, kind, areaCode: v.areaCode });
      onSaved();
    },
  });
  const initial = unit
    ? { ...unit, facilityCode: unit.facilityCode ?? undefined }
    : { kind, startYear: new Date().getFullYear(), status: kind === 'REHAB_CENTER' ? 'BUILDING' : 'OPERATING', techniques: [], note: '' };
  return (
    <Modal {...m.modalProps} onCancel={onClose} title={`${unit ? L('编辑', 'Edit') : L('新建', 'New')} ${pick(UNIT_KIND_NAMES[kind])}`} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} data-testid="unit-modal">
      {m.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(m.error)} /> : null}
      <Form form={m.form} layout="vertical" initialValues={initial} onFinish={m.submit} onValuesChange={m.clearError}>
        <Form.Item name="name" label={L('名称', 'Name')} rules={[{ required: true, message: L('请填写名称', 'Enter the name') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="areaCode" label={kind === 'TECH_BASE' ? L('所在地区（省级或县级）', 'Area (province or county)') : L('所在地区', 'Area')} rules={[{ required: true, message: L('请选择地区', 'Choose the area') }]}>
          <DivisionSelect data-testid="unit-area" />
        </Form.Item>
        <Form.Item name="facilityCode" label={L('依托机构（可选）', 'Host facility (optional)')}>
          <FacilitySelect browse />
        </Form.Item>
        {kind === 'TECH_BASE' ? (
          <Form.Item name="techniques" label={L('推广技术', 'Techniques spread')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={L('如 针刺、艾灸', 'e.g. 针刺, 艾灸')} />
          </Form.Item>
        ) : null}
        <Space wrap>
          <Form.Item name="startYear" label={L('始建年份', 'Since')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="endYear" label={L('撤销年份', 'Until')}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="status" label={L('状态', 'Status')}>
            <Select style={{ width: 130 }} options={UNIT_STATUSES.map((s) => ({ value: s, label: pick(UNIT_STATUS_NAMES[s]) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={kind === 'REHAB_CENTER' ? L('建设进展', 'Construction progress') : L('备注', 'Note')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A training or drill: date, technique or drill kind, people. Compact enough for a phone. */
function ActivityModal({ unit, kind, open, onClose, onSaved }: { unit: UnitDto; kind: ActivityKind; open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { lang, pick } = useI18n();
  const phone = usePhone();
  const [day, setDay] = useState(dayjs());
  const [topic, setTopic] = useState(kind === 'DRILL' ? DRILL_KINDS[0] : (unit.techniques[0] ?? ''));
  const [people, setPeople] = useState<number>(30);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = (kind === 'DRILL' ? [...DRILL_KINDS] : unit.techniques).map((v) => ({ value: v }));
  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      await assistanceApi.addActivity(unit.id, { kind, day: day.format('YYYY-MM-DD'), topic, people, note });
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden title={`${L('登记', 'Record a')}${pick(ACTIVITY_KIND_NAMES[kind])}`} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} data-testid="activity-modal">
      <Typography.Paragraph type="secondary">{unit.name}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={L('日期', 'Date')} required>
          <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} inputReadOnly={phone} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={kind === 'DRILL' ? L('演练类型', 'Drill kind') : L('培训技术', 'Technique')} required>
          <AutoComplete value={topic} onChange={setTopic} options={options} filterOption={false} data-testid="activity-topic" />
        </Form.Item>
        <Form.Item label={kind === 'DRILL' ? L('参演人数', 'Participants') : L('培训人数', 'People trained')} required>
          <InputNumber min={0} max={10_000_000} value={people} onChange={(n) => setPeople(n ?? 0)} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item label={L('备注', 'Note')}>
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}

/** A unit's details and its trainings and drills, with recording and deleting for its administrators. */
export function UnitDrawer({ unitId, onClose, onChanged }: { unitId: number; onClose: () => void; onChanged: () => void }) {
  const L = useL();
  const { pick } = useI18n();
  const phone = usePhone();
  const detail = useAsync(`unit-${unitId}`, () => assistanceApi.unit(unitId));
  const [adding, setAdding] = useState<ActivityKind | null>(null);
  const [editing, setEditing] = useState(false);
  const u = detail.data;
  const changed = () => {
    setAdding(null);
    setEditing(false);
    detail.reload();
    onChanged();
  };
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 640} title={u?.name ?? L('加载中…', 'Loading…')} data-testid="unit-drawer">
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {u ? (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={L('类别', 'Kind')}>{pick(UNIT_KIND_NAMES[u.kind])}</Descriptions.Item>
            <Descriptions.Item label={L('所在地区', 'Area')}>{u.areaName}</Descriptions.Item>
            <Descriptions.Item label={L('依托机构', 'Host')}>{u.facilityName ?? '—'}</Descriptions.Item>
            {u.kind === 'TECH_BASE' ? <Descriptions.Item label={L('推广技术', 'Techniques')}>{u.techniques.map((t) => <Tag key={t}>{t}</Tag>)}</Descriptions.Item> : null}
            <Descriptions.Item label={L('始建/状态', 'Since / status')}>{u.startYear}{u.endYear ? `–${u.endYear}` : ''} <UnitStatusTag status={u.status} /></Descriptions.Item>
            {u.note ? <Descriptions.Item label={L('备注', 'Note')}>{u.note}</Descriptions.Item> : null}
          </Descriptions>
          {u.writable ? (
            <Space wrap style={{ margin: '12px 0' }}>
              {UNIT_ACTIVITIES[u.kind].map((k) => (
                <Button key={k} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(k)} data-testid={`add-${k.toLowerCase()}`}>{`${L('登记', 'Record')}${pick(ACTIVITY_KIND_NAMES[k])}`}</Button>
              ))}
              <Button onClick={() => setEditing(true)}>{L('编辑', 'Edit')}</Button>
            </Space>
          ) : null}
          {UNIT_ACTIVITIES[u.kind].length ? (
            <List
              header={<Typography.Text strong>{L(`培训与演练（${u.activities.length}）`, `Trainings and drills (${u.activities.length})`)}</Typography.Text>}
              dataSource={u.activities}
              data-testid="activity-list"
              renderItem={(a) => (
                <List.Item
                  extra={
                    u.writable ? (
                      <Popconfirm title={L('删除这条记录？', 'Delete this record?')} onConfirm={() => void assistanceApi.deleteActivity(u.id, a.id).then(changed)}>
                        <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={L('删除', 'Delete')} />
                      </Popconfirm>
                    ) : null
                  }
                >
                  <List.Item.Meta title={<Space size={4}><Tag color={a.kind === 'DRILL' ? 'orange' : 'blue'}>{pick(ACTIVITY_KIND_NAMES[a.kind])}</Tag>{a.topic}</Space>} description={`${a.day} · ${nf(a.people)} ${L('人', 'people')}${a.note ? ` · ${a.note}` : ''}`} />
                </List.Item>
              )}
            />
          ) : null}
          {adding ? <ActivityModal open unit={u} kind={adding} onClose={() => setAdding(null)} onSaved={changed} /> : null}
          <UnitModal open={editing} kind={u.kind} unit={u} onClose={() => setEditing(false)} onSaved={changed} />
        </>
      ) : null}
    </Drawer>
  );
}

export function CapacityTab() {
  const L = useL();
  const { pick } = useI18n();
  const user = useUser();
  const [kind, setKind] = useState<UnitKind>('TECH_BASE');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useAsync(`units-${kind}-${text}-${page}`, () => assistanceApi.units({ kind, text: text || undefined, page, pageSize: 20 }));
  const counts = list.data?.counts;
  return (
    <>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(v) => { setKind(v as UnitKind); setPage(1); }}
          data-testid="unit-kind"
          options={UNIT_KINDS.map((k) => ({ value: k, label: `${pick(UNIT_KIND_NAMES[k])}${counts ? ` ${counts[k]}` : ''}` }))}
        />
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={L('名称', 'Name')} onSearch={(v) => { setText(v.trim()); setPage(1); }} style={{ width: 200 }} />
        {isAdmin(user) ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-unit">{`${L('新建', 'New')} ${pick(UNIT_KIND_NAMES[kind])}`}</Button> : null}
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <UnitList items={list.data?.items ?? []} onOpen={(u) => setOpenId(u.id)} />
      {list.data && list.data.total > 20 ? (
        <Space style={{ marginTop: 12 }}>
          <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>{L('上一页', 'Previous')}</Button>
          <Typography.Text>{page} / {Math.ceil(list.data.total / 20)}</Typography.Text>
          <Button disabled={page * 20 >= list.data.total} onClick={() => setPage(page + 1)}>{L('下一页', 'Next')}</Button>
        </Space>
      ) : null}
      <UnitModal open={creating} kind={kind} unit={null} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); list.reload(); }} />
      {openId !== null ? <UnitDrawer unitId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
    </>
  );
}
