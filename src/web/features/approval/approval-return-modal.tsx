/** 退回: the reason is required; the facility sees it on its report. */
import { Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n.js';

export function ApprovalReturnModal(props: {
  names: string[] | null;
  busy: boolean;
  onCancel: () => void;
  onOk: (reason: string) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const open = props.names !== null;
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const names = props.names ?? [];
  const shown = names.slice(0, 5).join(lang === 'zh' ? '、' : ', ');

  return (
    <Modal
      open={open}
      title={t('appr.returnTitle', { n: names.length })}
      okText={t('appr.return')}
      okButtonProps={{ danger: true, 'data-testid': 'approval-return-confirm' }}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then((v) => props.onOk(v.reason.trim()))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {shown}
        {names.length > 5 ? t('appr.andMore', { n: names.length }) : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="approval-return">
        <Form.Item
          name="reason"
          label={t('appr.reason')}
          rules={[{ required: true, whitespace: true, message: t('appr.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('appr.reasonPlaceholder')} data-testid="approval-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
