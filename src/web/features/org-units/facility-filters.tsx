/** Filter bar of the facility list: area, type, text, status. */
import { Button, Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { FACILITY_TYPES, FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { useI18n } from '../../shared/i18n.js';
import type { DivisionDto, FacilityQuery } from './org-units-api.js';

export type FacilityStatus = NonNullable<FacilityQuery['status']>;

export interface FacilityFilterValues {
  area?: string;
  type?: FacilityType;
  q?: string;
  status: FacilityStatus;
}

export function FacilityFilters(props: {
  value: FacilityFilterValues;
  scopeRoot?: DivisionDto;
  onChange: (patch: Partial<FacilityFilterValues>) => void;
  onReset: () => void;
}) {
  const { value, onChange } = props;
  const { t, pick } = useI18n();
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);

  return (
    <Space wrap size={[12, 12]} style={{ marginBottom: 16 }} data-testid="facility-filters">
      <DivisionSelect
        data-testid="facility-area"
        value={value.area ?? null}
        allowClear
        placeholder={t('fac.area')}
        fixedOptions={props.scopeRoot ? [props.scopeRoot] : []}
        style={{ width: 220 }}
        onChange={(area) => onChange({ area })}
      />
      <Select<FacilityType>
        data-testid="facility-type"
        value={value.type}
        allowClear
        placeholder={t('fac.type')}
        style={{ width: 170 }}
        options={FACILITY_TYPES.map((ft) => ({ value: ft, label: pick(FACILITY_TYPE_NAMES[ft]) }))}
        onChange={(type) => onChange({ type: type ?? undefined })}
      />
      <Input.Search
        data-testid="facility-q"
        value={text}
        allowClear
        placeholder={t('fac.q')}
        style={{ width: 220 }}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) onChange({ q: undefined });
        }}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
      />
      <Segmented<FacilityStatus>
        data-testid="facility-status"
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={[
          { value: 'all', label: t('fac.status.all') },
          { value: 'open', label: t('fac.status.open') },
          { value: 'closed', label: t('fac.status.closed') },
        ]}
      />
      <Button onClick={props.onReset}>{t('common.reset')}</Button>
    </Space>
  );
}
