/** 督导检查: a visit to an area (date, team, summary) and its findings, each a rectification item of the visited area (or of a unit below it). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { useI18n } from '../../shared/i18n.js';
import { useL } from './lights.js';
import { supervisionApi } from './supervision-api.js';

interface Finding {
  problem: string;
  requirement: string;
  deadline: string;
}

export function VisitModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const L = useL();
  const { lang } = useI18n();
  const [areaCode, setAreaCode] = useState<string>();
  const [visitDate, setVisitDate] = useState(dayjs());
  const [team, setTeam] = useState('');
  const [summary, setSummary] = useState('');
  const [findings, setFindings] = useState<Finding[]>([{ problem: '', requirement: '', deadline: dayjs().add(2, 'month').format('YYYY-MM-DD') }]);
  const [error, setError] = useState<string | null>(null);
  const set = (k: number, patch: Partial<Finding>) => setFindings((xs) => xs.map((x, i) => (i === k ? { ...x, ...patch } : x)));
  const save = async () => {
    setError(null);
    if (!areaCode) return setError(L('请选择督导检查的地区', 'Choose the area visited'));
    try {
      await supervisionApi.visit({ areaCode, visitDate: visitDate.format('YYYY-MM-DD'), team, summary, findings: findings.filter((f) => f.problem.trim()) });
      onCreated();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <Modal open={open} onCancel={onClose} onOk={() => void save()} width={760} title={L('督导检查（发现问题即生成整改事项）', 'Supervision visit (each finding becomes an item)')} okText={L('保存', 'Save')} cancelText={L('取消', 'Cancel')} destroyOnHidden data-testid="visit-modal">
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={L('督导地区', 'Area visited')} required>
            <DivisionSelect value={areaCode} onChange={(c) => setAreaCode(c)} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={L('检查日期', 'Date')}>
            <DatePicker value={visitDate} onChange={(d) => d && setVisitDate(d)} allowClear={false} />
          </Form.Item>
          <Form.Item label={L('督导组', 'Team')}>
            <Input value={team} onChange={(e) => setTeam(e.target.value)} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item label={L('检查情况', 'Summary')}>
          <Input.TextArea rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </Form.Item>
        {findings.map((f, k) => (
          <Space key={k} align="start" wrap style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} value={f.problem} placeholder={L(`发现问题 ${k + 1}`, `Finding ${k + 1}`)} onChange={(e) => set(k, { problem: e.target.value })} style={{ width: 260 }} />
            <Input.TextArea rows={2} value={f.requirement} placeholder={L('整改要求', 'Requirement')} onChange={(e) => set(k, { requirement: e.target.value })} style={{ width: 220 }} />
            <DatePicker value={dayjs(f.deadline)} onChange={(d) => d && set(k, { deadline: d.format('YYYY-MM-DD') })} allowClear={false} />
            <Button icon={<DeleteOutlined />} onClick={() => setFindings((xs) => xs.filter((_, i) => i !== k))} />
          </Space>
        ))}
        <Button icon={<PlusOutlined />} onClick={() => setFindings((xs) => [...xs, { problem: '', requirement: '', deadline: xs.at(-1)?.deadline ?? dayjs().format('YYYY-MM-DD') }])}>{L('添加发现问题', 'Add a finding')}</Button>
      </Form>
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} /> : null}
    </Modal>
  );
}
