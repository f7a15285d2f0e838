/** 撤销 (close) a facility as of a date. */
import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../shared/api.js';
import { applyServerError } from '../../shared/form-errors.js';
import { useI18n } from '../../shared/i18n.js';
import { facilityApi, type FacilityDto } from './org-units-api.js';

export function FacilityCloseModal(props: {
  facility: FacilityDto | null;
  onClose: () => void;
  onSaved: (f: FacilityDto) => void;
}) {
  const { facility } = props;
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ closed: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ closed }: { closed: Dayjs }) => {
    if (!facility) return;
    setBusy(true);
    setError(null);
    try {
      props.onSaved((await facilityApi.close(facility.code, closed.format('YYYY-MM-DD'))).facility);
    } catch (err) {
      // A field the server names gets the message under it; anything else goes above the form.
      if (!applyServerError(form, err, lang, ['closed'])) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!facility}
      title={`${t('fac.closeTitle')} · ${facility?.name ?? ''}`}
      okText={t('fac.close')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('fac.closeConfirm')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" name="facility-close-form" onFinish={submit} initialValues={{ closed: dayjs() }}>
        <Form.Item name="closed" label={t('fac.closed')} rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" allowClear={false} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
