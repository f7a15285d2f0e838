/** The issuing level edits a task: office, co-owners (协办), responsible users, dates, report cadence, milestones (节点) with weights, and the KPI read live from the analytics. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Divider, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { loadIndicators } from '../indicators/analytics-api.js';
import { useL } from './lights.js';
import { supervisionApi, type TaskDetailDto } from './supervision-api.js';

interface Draft {
  leadOffice: string;
  coOwners: { areaCode: string; office: string }[];
  responsible: string[];
  startDate: string;
  dueDate: string;
  cadence: 'monthly' | 'quarterly' | null;
  milestones: { title: string; plannedDate: string; weight: number }[];
  kpi: { indicator: string; threshold: number; areaCode: string; period: string } | null;
}

const draftOf = (t: TaskDetailDto): Draft => ({
  leadOffice: t.leadOffice ?? '',
  coOwners: t.coOwners.map((o) => ({ areaCode: o.areaCode, office: o.office ?? '' })),
  responsible: t.responsible,
  startDate: t.startDate,
  dueDate: t.dueDate,
  cadence: t.cadence,
  milestones: t.milestones,
  kpi: t.kpi,
});

export function TaskEditModal({ task, open, onClose, onSaved }: { task: TaskDetailDto; open: boolean; onClose: () => void; onSaved: () => void }) {
  const L = useL();
  const { lang, pick } = useI18n();
  const [d, setD] = useState<Draft>(() => draftOf(task));
  const [error, setError] = useState<string | null>(null);
  const indicators = useAsync(open ? 'indicators' : null, () => loadIndicators());
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const save = async () => {
    setError(null);
    try {
      await supervisionApi.updateTask(task.id, {
        leadOffice: d.leadOffice || null,
        coOwners: d.coOwners.filter((o) => o.areaCode).map((o) => ({ areaCode: o.areaCode, office: o.office || null })),
        responsible: d.responsible,
        startDate: d.startDate,
        dueDate: d.dueDate,
        cadence: d.cadence,
        milestones: d.milestones.filter((m) => m.title.trim()),
        kpi: d.kpi,
      });
      onSaved();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} width={760} title={L('编辑任务', 'Edit task')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} destroyOnHidden data-testid="task-edit">
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={L('牵头处室', 'Lead office')}>
            <Input value={d.leadOffice} onChange={(e) => set({ leadOffice: e.target.value })} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={L('开始日期', 'Start')}>
            <DatePicker value={dayjs(d.startDate)} onChange={(v) => v && set({ startDate: v.format('YYYY-MM-DD') })} allowClear={false} />
          </Form.Item>
          <Form.Item label={L('截止日期', 'Due')}>
            <DatePicker value={dayjs(d.dueDate)} onChange={(v) => v && set({ dueDate: v.format('YYYY-MM-DD') })} allowClear={false} />
          </Form.Item>
          <Form.Item label={L('进展报送', 'Reports')}>
            <Select value={d.cadence ?? 'none'} onChange={(v) => set({ cadence: v === 'none' ? null : (v as 'monthly') })} style={{ width: 110 }}
              options={[{ value: 'monthly', label: L('每月', 'Monthly') }, { value: 'quarterly', label: L('每季度', 'Quarterly') }, { value: 'none', label: L('不要求', 'None') }]} />
          </Form.Item>
        </Space>
        <Form.Item label={L('责任人（用户名）', 'Responsible (usernames)')}>
          <Select mode="tags" value={d.responsible} onChange={(v) => set({ responsible: v })} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Divider plain titlePlacement="start">{L('协办单位', 'Co-owners')}</Divider>
        {d.coOwners.map((o, k) => (
          <Space key={k} style={{ marginBottom: 8 }} wrap>
            <DivisionSelect value={o.areaCode || undefined} onChange={(c) => set({ coOwners: d.coOwners.map((x, i) => (i === k ? { ...x, areaCode: c ?? '' } : x)) })} style={{ width: 240 }} />
            <Input value={o.office} placeholder={L('处室（可不填）', 'Office (optional)')} onChange={(e) => set({ coOwners: d.coOwners.map((x, i) => (i === k ? { ...x, office: e.target.value } : x)) })} style={{ width: 160 }} />
            <Button icon={<DeleteOutlined />} onClick={() => set({ coOwners: d.coOwners.filter((_, i) => i !== k) })} />
          </Space>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => set({ coOwners: [...d.coOwners, { areaCode: '', office: '' }] })}>{L('添加协办单位', 'Add a co-owner')}</Button>
        <Divider plain titlePlacement="start">{L('节点（权重决定序时进度）', 'Milestones (weights make the planned progress)')}</Divider>
        {d.milestones.map((m, k) => (
          <Space key={k} style={{ marginBottom: 8 }} wrap>
            <Input value={m.title} placeholder={L('节点', 'Milestone')} onChange={(e) => set({ milestones: d.milestones.map((x, i) => (i === k ? { ...x, title: e.target.value } : x)) })} style={{ width: 220 }} />
            <DatePicker value={dayjs(m.plannedDate)} onChange={(v) => v && set({ milestones: d.milestones.map((x, i) => (i === k ? { ...x, plannedDate: v.format('YYYY-MM-DD') } : x)) })} allowClear={false} />
            <InputNumber value={m.weight} min={1} max={1000} addonAfter={L('权重', 'weight')} onChange={(v) => set({ milestones: d.milestones.map((x, i) => (i === k ? { ...x, weight: Number(v) || 1 } : x)) })} />
            <Button icon={<DeleteOutlined />} onClick={() => set({ milestones: d.milestones.filter((_, i) => i !== k) })} />
          </Space>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => set({ milestones: [...d.milestones, { title: '', plannedDate: d.dueDate, weight: 1 }] })} data-testid="add-milestone">{L('添加节点', 'Add a milestone')}</Button>
        <Divider plain titlePlacement="start">{L('考核指标（按实时数据判定）', 'KPI (read live)')}</Divider>
        <Space wrap>
          <Select allowClear value={d.kpi?.indicator} placeholder={L('不设指标', 'No KPI')} style={{ width: 300 }} showSearch optionFilterProp="label"
            onChange={(v) => set({ kpi: v ? { indicator: v, threshold: d.kpi?.threshold ?? 0.8, areaCode: d.kpi?.areaCode ?? task.leadArea, period: d.kpi?.period ?? task.dueDate.slice(0, 4) } : null })}
            options={(indicators.data ?? []).map((i) => ({ value: i.code, label: pick(i.name) }))} />
          {d.kpi ? (
            <>
              <InputNumber value={Math.round(d.kpi.threshold * 1000) / 10} min={0} max={100} addonAfter="%" onChange={(v) => set({ kpi: { ...d.kpi!, threshold: (Number(v) || 0) / 100 } })} />
              <Input value={d.kpi.period} style={{ width: 80 }} onChange={(e) => set({ kpi: { ...d.kpi!, period: e.target.value } })} addonBefore={L('年度', 'Year')} />
            </>
          ) : null}
        </Space>
      </Form>
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} /> : null}
    </Modal>
  );
}
