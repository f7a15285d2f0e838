/** Confirms 提交; when warnings remain, a comment explaining them is required (sent as `comment`). */
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import type { Violation } from './report-api.js';

export function EntrySubmitModal(props: {
  open: boolean;
  warnings: Violation[];
  initialComment?: string | null;
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (comment: string | undefined) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ comment?: string }>();
  const [error, setError] = useState(false);
  const needComment = props.warnings.length > 0;

  useEffect(() => {
    if (props.open) {
      form.setFieldsValue({ comment: props.initialComment ?? '' });
      setError(false);
    }
  }, [props.open, props.initialComment, form]);

  const ok = () => {
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim();
    if (needComment && !comment) {
      setError(true);
      return;
    }
    props.onSubmit(comment || undefined);
  };

  return (
    <Modal
      open={props.open}
      title={t('entry.submitTitle')}
      okText={t('entry.submit')}
      onOk={ok}
      onCancel={props.onCancel}
      confirmLoading={props.submitting}
      okButtonProps={{ 'data-testid': 'entry-submit-confirm' }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('entry.submitConfirm')}</Typography.Paragraph>
      {needComment ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('entry.submitWarnings', { n: props.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {props.warnings.map((w) => (
                <li key={w.rule}>{lang === 'en' ? (w.messageEn ?? w.message) : w.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form form={form} layout="vertical" name="entry-submit">
        <Form.Item
          name="comment"
          label={needComment ? t('entry.commentRequired') : t('entry.commentOptional')}
          required={needComment}
          validateStatus={error ? 'error' : undefined}
          help={error ? t('entry.commentMissing') : undefined}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="entry-submit-comment" onChange={() => setError(false)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
