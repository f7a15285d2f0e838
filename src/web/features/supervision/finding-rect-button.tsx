/** 转整改: a reviewer turns a finding of an evaluation review into a rectification item of the reviewed unit (source: evaluation, the application attached). */
import { Alert, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import { useL } from './lights.js';
import { supervisionApi } from './supervision-api.js';

export function FindingRectButton({ applicationId, subjectCode }: { applicationId: number; subjectCode: string }) {
  const L = useL();
  const { lang } = useI18n();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState('');
  const [requirement, setRequirement] = useState('');
  const [deadline, setDeadline] = useState(dayjs().add(2, 'month'));
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    try {
      const r = await supervisionApi.createRect({ areaCode: subjectCode, problem, requirement, deadline: deadline.format('YYYY-MM-DD'), source: 'evaluation', sourceRef: String(applicationId) });
      setOpen(false);
      nav(`/supervision/rect/${r.id}`);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <>
      <a onClick={() => setOpen(true)} data-testid="eval-to-rect">{L('发现问题转整改', 'Finding → rectification')}</a>
      <Modal open={open} onCancel={() => setOpen(false)} onOk={() => void create()} title={L('评审发现问题转为整改事项', 'A review finding as a rectification item')} okText={L('生成整改事项', 'Create')} cancelText={L('取消', 'Cancel')} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label={L('问题', 'Problem')} required>
            <Input.TextArea rows={3} value={problem} onChange={(e) => setProblem(e.target.value)} />
          </Form.Item>
          <Form.Item label={L('整改要求', 'Requirement')}>
            <Input.TextArea rows={2} value={requirement} onChange={(e) => setRequirement(e.target.value)} />
          </Form.Item>
          <Form.Item label={L('整改时限', 'Deadline')}>
            <DatePicker value={deadline} onChange={(d) => d && setDeadline(d)} allowClear={false} />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon message={error} /> : null}
      </Modal>
    </>
  );
}
