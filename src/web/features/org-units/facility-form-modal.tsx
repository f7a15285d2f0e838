/** New / edit facility. Server validation errors are shown on the field they name, and above the form. */
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  FACILITY_DIVISION_LEVEL,
  FACILITY_TYPES,
  FACILITY_TYPE_NAMES,
  OWNERSHIPS,
  OWNERSHIP_NAMES,
  type FacilityType,
  type Ownership,
} from '../../../domain/facility.js';
import { LEVEL_NAMES } from '../../../domain/org-unit.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useFormModal } from '../../shared/use-form-modal.js';
import { facilityApi, type FacilityDto, type FacilityPatch } from './org-units-api.js';

interface Values {
  code: string;
  name: string;
  type: FacilityType;
  divisionCode: string;
  ownership: Ownership;
  opened: Dayjs;
}

const FIELDS = ['code', 'name', 'type', 'divisionCode', 'ownership', 'opened'] as const;

export interface FacilityFormModalProps {
  open: boolean;
  /** The facility to edit; absent for a new one. */
  facility?: FacilityDto | null;
  /** Division preselected for a new facility (the current area filter). */
  defaultDivision?: string;
  onClose: () => void;
  onSaved: (f: FacilityDto) => void;
}

export function FacilityFormModal({ open, facility, defaultDivision, onClose, onSaved }: FacilityFormModalProps) {
  const { t, pick } = useI18n();
  const save = async (v: Values) => {
    const opened = v.opened.format('YYYY-MM-DD');
    if (facility) {
      const patch: FacilityPatch = {};
      if (v.name !== facility.name) patch.name = v.name.trim();
      if (v.ownership !== facility.ownership) patch.ownership = v.ownership;
      if (v.divisionCode !== facility.divisionCode) patch.divisionCode = v.divisionCode;
      if (opened !== facility.opened) patch.opened = opened;
      onSaved(Object.keys(patch).length ? (await facilityApi.update(facility.code, patch)).facility : facility);
    } else {
      const input = { code: v.code.trim(), name: v.name.trim(), type: v.type, divisionCode: v.divisionCode, ownership: v.ownership, opened };
      onSaved((await facilityApi.create(input)).facility);
    }
  };
  const { form, error, submit, clearError, modalProps } = useFormModal<Values>({ open, fields: FIELDS, save });
  const editing = !!facility;
  const type = Form.useWatch('type', form) ?? facility?.type;
  const level = type ? FACILITY_DIVISION_LEVEL[type] : undefined;

  const required = (label: string) => [{ required: true, message: t('fac.required', { field: label }) }];

  return (
    <Modal
      {...modalProps}
      title={editing ? `${t('fac.editTitle')} · ${facility?.name}` : t('fac.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        name="facility-form"
        onFinish={submit}
        onValuesChange={clearError}
        initialValues={
          facility
            ? { ...facility, opened: dayjs(facility.opened) }
            : { ownership: 'PUBLIC', divisionCode: defaultDivision, opened: dayjs() }
        }
      >
        <ErrorAlert error={error} style={{ marginBottom: 16 }} data-testid="facility-form-error" />
        <Form.Item name="code" label={t('fac.code')} rules={required(t('fac.code'))} extra={editing ? undefined : t('fac.codeHint')}>
          <Input disabled={editing} maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('fac.name')} rules={required(t('fac.name'))}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="type" label={t('fac.type')} rules={required(t('fac.type'))}>
          <Select
            disabled={editing}
            options={FACILITY_TYPES.map((ft) => ({ value: ft, label: pick(FACILITY_TYPE_NAMES[ft]) }))}
          />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('fac.division')}
          rules={required(t('fac.division'))}
          extra={type && level ? t('fac.levelHint', { type: pick(FACILITY_TYPE_NAMES[type]), level: pick(LEVEL_NAMES[level]) }) : undefined}
        >
          <DivisionSelect level={level} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="ownership" label={t('fac.ownership')} rules={required(t('fac.ownership'))} style={{ flex: 1 }}>
            <Radio.Group
              options={OWNERSHIPS.map((o) => ({ value: o, label: pick(OWNERSHIP_NAMES[o]) }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item name="opened" label={t('fac.opened')} rules={required(t('fac.opened'))} style={{ flex: 1 }}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
