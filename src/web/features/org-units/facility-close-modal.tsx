/** 撤销 (close) a facility as of a date. */
import { DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import { facilityApi, type FacilityDto } from './org-units-api.js';

export function FacilityCloseModal(props: {
  facility: FacilityDto | null;
  onClose: () => void;
  onSaved: (f: FacilityDto) => void;
}) {
  const { facility } = props;
  const { t } = useI18n();
  const { form, error, submit, modalProps } = useFormModal<{ closed: Dayjs }>({
    open: !!facility,
    fields: ['closed'],
    save: async ({ closed }) => {
      if (facility) props.onSaved((await facilityApi.close(facility.code, closed.format('YYYY-MM-DD'))).facility);
    },
  });

  return (
    <Modal
      {...modalProps}
      title={`${t('fac.closeTitle')} · ${facility?.name ?? ''}`}
      okText={t('fac.close')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
    >
      <Typography.Paragraph type="secondary">{t('fac.closeConfirm')}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" name="facility-close-form" onFinish={submit} initialValues={{ closed: dayjs() }}>
        <Form.Item name="closed" label={t('fac.closed')} rules={[{ required: true }]}>
          <DatePicker format="YYYY-MM-DD" allowClear={false} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
