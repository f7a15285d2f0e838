/**
 * The 专家库 tab of /evaluation (the nation's admins): the review experts with their province,
 * specialty and contact; adding one; declaring a conflict with a unit, after which the expert is
 * never assigned to it.
 */
import { App as AntApp, Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { reviewApi, type ExpertDto } from './evaluation-api.js';

export function ExpertsPanel() {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const experts = useAsync('experts', () => reviewApi.experts());
  const [form] = Form.useForm<{ name: string; provinceCode: string; specialty: string; contact?: string }>();
  const [conflict, setConflict] = useState<ExpertDto | null>(null);
  const [subject, setSubject] = useState<string | undefined>();
  const [note, setNote] = useState('');

  const add = async () => {
    const v = await form.validateFields();
    try {
      await reviewApi.addExpert(v);
      form.resetFields();
      experts.reload();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <div>
      <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('eval.expertName')} style={{ width: 120 }} data-testid="expert-name" />
        </Form.Item>
        <Form.Item name="provinceCode" rules={[{ required: true }]}>
          <DivisionSelect level={1} placeholder={t('eval.expertProvince')} style={{ width: 160 }} data-testid="expert-province" />
        </Form.Item>
        <Form.Item name="specialty" rules={[{ required: true }]}>
          <Input placeholder={t('eval.specialty')} style={{ width: 140 }} data-testid="expert-specialty" />
        </Form.Item>
        <Form.Item name="contact">
          <Input placeholder={t('eval.contact')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="group">
          <Input placeholder={t('eval.group')} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="username">
          <Input placeholder={t('eval.expertUser')} style={{ width: 150 }} />
        </Form.Item>
        <Button type="primary" onClick={() => void add()} data-testid="expert-add">{t('eval.addExpert')}</Button>
      </Form>
      <ErrorAlert error={experts.error} style={{ marginBottom: 8 }} />
      <Table<ExpertDto>
        size="small"
        rowKey="id"
        loading={experts.loading}
        dataSource={experts.data?.items ?? []}
        data-testid="experts"
        columns={[
          { title: t('eval.expertName'), dataIndex: 'name' },
          { title: t('eval.expertProvince'), dataIndex: 'provinceCode', width: 100 },
          { title: t('eval.specialty'), dataIndex: 'specialty' },
          { title: t('eval.contact'), dataIndex: 'contact', render: (c: string | null) => c ?? '' },
          { title: t('eval.group'), dataIndex: 'group', width: 90, render: (g: string | null) => g ?? '' },
          { title: t('eval.expertUser'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? '' },
          { title: '', key: 'act', width: 110, render: (_, e) => <a onClick={() => { setConflict(e); setSubject(undefined); setNote(''); }}>{t('eval.declareConflict')}</a> },
        ]}
      />
      <Modal
        open={conflict !== null}
        title={`${conflict?.name ?? ''} · ${t('eval.declareConflict')}`}
        okButtonProps={{ disabled: !subject || !note.trim() }}
        onCancel={() => setConflict(null)}
        onOk={async () => {
          const e = conflict!;
          setConflict(null);
          try {
            await reviewApi.declareConflict(e.id, subject!, note);
            message.success(t('eval.saved'));
          } catch (err) {
            message.error(errorText(err, lang));
          }
        }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <DivisionSelect level={3} value={subject} onChange={(c) => setSubject(c)} placeholder={t('eval.conflictSubject')} style={{ width: '100%' }} />
          <Input.TextArea rows={2} value={note} onChange={(ev) => setNote(ev.target.value)} placeholder={t('eval.conflictNote')} />
        </Space>
      </Modal>
    </div>
  );
}
