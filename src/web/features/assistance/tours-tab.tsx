/** 医疗队巡回 tab: the teams, their tours (dates, counties visited, services) and the tour form, usable on a phone. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isAdmin, useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { assistanceApi, type TeamDto, type TourDto } from './assistance-api.js';
import { nf, usePhone } from './labels.js';
import { HelperSelect } from './pairing-modals.js';
import { useL } from './use-l.js';

interface Stop {
  countyCode?: string;
  visits: number;
  freeClinics: number;
  trained: number;
}

export function TourList({ items, onEdit }: { items: TourDto[]; onEdit?: (t: TourDto) => void }) {
  const L = useL();
  const phone = usePhone();
  const counties = (t: TourDto) => t.stops.map((s) => <Tag key={s.countyCode}>{s.placeName}</Tag>);
  if (phone)
    return (
      <List
        data-testid="tour-list"
        dataSource={items}
        renderItem={(t) => (
          <List.Item extra={onEdit && t.writable ? <Button size="small" onClick={() => onEdit(t)}>{L('编辑', 'Edit')}</Button> : null}>
            <List.Item.Meta
              title={t.teamName}
              description={
                <>
                  <div>{t.startDate} ~ {t.endDate}</div>
                  <div style={{ margin: '4px 0' }}>{counties(t)}</div>
                  <div>{L('诊疗', 'Visits')} {nf(t.totals.visits)} · {L('义诊', 'Free clinics')} {t.totals.freeClinics} · {L('培训', 'Trained')} {nf(t.totals.trained)}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
    );
  return (
    <Table<TourDto>
      size="small"
      rowKey="id"
      data-testid="tour-list"
      dataSource={items}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      columns={[
        { title: L('医疗队', 'Team'), render: (_, t) => <><div>{t.teamName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.leadName}</Typography.Text></> },
        { title: L('日期', 'Dates'), width: 190, render: (_, t) => `${t.startDate} ~ ${t.endDate}` },
        { title: L('巡回县', 'Counties visited'), render: (_, t) => counties(t) },
        { title: L('诊疗人次', 'Visits'), width: 90, align: 'right', render: (_, t) => nf(t.totals.visits) },
        { title: L('义诊次数', 'Free clinics'), width: 90, align: 'right', render: (_, t) => t.totals.freeClinics },
        { title: L('培训人次', 'Trained'), width: 90, align: 'right', render: (_, t) => nf(t.totals.trained) },
        ...(onEdit ? [{ title: L('操作', 'Actions'), width: 70, render: (_: unknown, t: TourDto) => (t.writable ? <Button size="small" type="link" onClick={() => onEdit(t)}>{L('编辑', 'Edit')}</Button> : null) }] : []),
      ]}
    />
  );
}

function TeamModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { lang } = useI18n();
  const [name, setName] = useState('');
  const [leadCode, setLeadCode] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    if (!name.trim() || !leadCode) return setError(L('请填写医疗队名称并选择牵头医院', 'Name the team and choose its lead hospital'));
    try {
      await assistanceApi.createTeam({ name, leadCode });
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} destroyOnHidden title={L('新建国家中医医疗队', 'New national TCM medical team')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')}>
      <Form layout="vertical">
        <Form.Item label={L('医疗队名称', 'Team name')} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </Form.Item>
        <Form.Item label={L('牵头医院（三级中医医院）', 'Lead hospital (tertiary TCM)')} required>
          <HelperSelect value={leadCode} onChange={setLeadCode} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}

/** A tour: team, dates, and per county visited the services given. Fields stack on a phone. */
function TourModal({ teams, tour, open, onClose, onSaved }: { teams: TeamDto[]; tour: TourDto | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { lang } = useI18n();
  const phone = usePhone();
  const writableTeams = teams.filter((t) => t.writable);
  const [teamId, setTeamId] = useState<number | undefined>(tour?.teamId ?? writableTeams[0]?.id);
  const [start, setStart] = useState(tour ? dayjs(tour.startDate) : dayjs());
  const [end, setEnd] = useState(tour ? dayjs(tour.endDate) : dayjs().add(7, 'day'));
  const [note, setNote] = useState(tour?.note ?? '');
  const [stops, setStops] = useState<Stop[]>(tour ? tour.stops.map((s) => ({ ...s })) : [{ visits: 0, freeClinics: 0, trained: 0 }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: number, patch: Partial<Stop>) => setStops((xs) => xs.map((x, i) => (i === k ? { ...x, ...patch } : x)));
  const save = async () => {
    setError(null);
    const chosen = stops.filter((s) => s.countyCode).map((s) => ({ countyCode: s.countyCode!, visits: s.visits, freeClinics: s.freeClinics, trained: s.trained }));
    if (!teamId) return setError(L('请选择医疗队', 'Choose the team'));
    if (!chosen.length) return setError(L('请至少选择一个巡回县', 'Choose at least one county visited'));
    const body = { startDate: start.format('YYYY-MM-DD'), endDate: end.format('YYYY-MM-DD'), note, stops: chosen };
    setBusy(true);
    try {
      if (tour) await assistanceApi.updateTour(tour.id, body);
      else await assistanceApi.createTour({ ...body, teamId });
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const num = (v: number, on: (n: number) => void, label: string) => (
    <InputNumber min={0} max={10_000_000} value={v} onChange={(n) => on(n ?? 0)} addonBefore={label} style={{ width: phone ? '100%' : 170 }} />
  );
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} destroyOnHidden width={phone ? '100%' : 820} title={tour ? L('编辑巡回医疗', 'Edit tour') : L('登记巡回医疗', 'Record a tour')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} data-testid="tour-modal">
      <Form layout="vertical">
        <Form.Item label={L('医疗队', 'Team')} required>
          <Select value={teamId} onChange={setTeamId} disabled={!!tour} options={(tour ? teams : writableTeams).map((t) => ({ value: t.id, label: t.name }))} data-testid="tour-team" />
        </Form.Item>
        <Space wrap>
          <Form.Item label={L('开始日期', 'From')} required>
            <DatePicker value={start} onChange={(d) => d && setStart(d)} allowClear={false} inputReadOnly={phone} />
          </Form.Item>
          <Form.Item label={L('结束日期', 'To')} required>
            <DatePicker value={end} onChange={(d) => d && setEnd(d)} allowClear={false} inputReadOnly={phone} />
          </Form.Item>
        </Space>
        <div>
          <Typography.Text strong>{L('巡回县与服务量', 'Counties visited and services')}</Typography.Text>
        </div>
        {stops.map((s, k) => (
          <Card key={k} size="small" style={{ margin: '8px 0' }} data-testid="tour-stop">
            <Space direction={phone ? 'vertical' : 'horizontal'} wrap style={{ width: '100%' }}>
              <DivisionSelect value={s.countyCode} onChange={(c) => set(k, { countyCode: c })} level={3} placeholder={L('搜索县（区）', 'Search a county')} style={{ width: phone ? '100%' : 220 }} />
              {num(s.visits, (n) => set(k, { visits: n }), L('诊疗人次', 'Visits'))}
              {num(s.freeClinics, (n) => set(k, { freeClinics: n }), L('义诊次数', 'Free clinics'))}
              {num(s.trained, (n) => set(k, { trained: n }), L('培训人次', 'Trained'))}
              <Button icon={<DeleteOutlined />} onClick={() => setStops((xs) => xs.filter((_, i) => i !== k))} aria-label={L('删除', 'Remove')} />
            </Space>
          </Card>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setStops((xs) => [...xs, { visits: 0, freeClinics: 0, trained: 0 }])} style={{ marginBottom: 12 }}>{L('添加巡回县', 'Add a county')}</Button>
        <Form.Item label={L('备注', 'Note')}>
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon message={error} /> : null}
    </Modal>
  );
}

export function ToursTab() {
  const L = useL();
  const user = useUser();
  const teams = useAsync('teams', () => assistanceApi.teams());
  const tours = useAsync('tours', () => assistanceApi.tours());
  const [teamOpen, setTeamOpen] = useState(false);
  const [editing, setEditing] = useState<TourDto | null | 'new'>(null);
  const admin = isAdmin(user);
  const canRecord = admin && (teams.data?.items ?? []).some((t) => t.writable);
  const saved = () => {
    setEditing(null);
    setTeamOpen(false);
    teams.reload();
    tours.reload();
  };
  return (
    <>
      {teams.error ? <ErrorAlert error={teams.error} onRetry={teams.reload} /> : null}
      {tours.error ? <ErrorAlert error={tours.error} onRetry={tours.reload} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        {canRecord ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-tour">{L('登记巡回医疗', 'Record a tour')}</Button> : null}
        {admin ? <Button icon={<PlusOutlined />} onClick={() => setTeamOpen(true)}>{L('新建医疗队', 'New team')}</Button> : null}
      </Space>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        {(teams.data?.items ?? []).map((t) => (
          <Tag key={t.id} color="blue">{t.name} · {L(`${t.tours} 次`, `${t.tours} tours`)}</Tag>
        ))}
      </Space>
      <TourList items={tours.data?.items ?? []} onEdit={(t) => setEditing(t)} />
      <TeamModal open={teamOpen} onClose={() => setTeamOpen(false)} onSaved={saved} />
      {editing !== null ? <TourModal open teams={teams.data?.items ?? []} tour={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={saved} /> : null}
    </>
  );
}
