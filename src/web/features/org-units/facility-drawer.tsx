/** Detail drawer of one facility: where it is (division path) and its attributes. */
import { Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { FACILITY_TYPE_NAMES, OWNERSHIP_NAMES } from '../../../domain/facility.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { compactJson, formatDate } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { SecondaryLine } from '../../shared/secondary-line.js';
import { useAsync } from '../../shared/use-async.js';
import { FacilityStatusTag } from './facility-status-tag.js';
import { facilityApi, type FacilityDto } from './org-units-api.js';

export interface FacilityDrawerProps {
  code: string | null;
  /** Bumped by the page after an edit so that the drawer reloads. */
  version: number;
  canEdit: boolean;
  onClose: () => void;
  onEdit: (f: FacilityDto) => void;
  onCloseFacility: (f: FacilityDto) => void;
}

export function FacilityDrawer({ code, version, canEdit, onClose, onEdit, onCloseFacility }: FacilityDrawerProps) {
  const { t, pick } = useI18n();
  // `version` changes after an edit: the drawer reads the facility again.
  const { data, error } = useAsync(code ? `${code}|${version}` : null, () => facilityApi.get(code!));

  const f = data && data.facility.code === code ? data.facility : null;
  const attributes = Object.entries(f?.attributes ?? {});

  const mainItems = (fac: FacilityDto): DescriptionsProps['items'] => [
    { key: 'code', label: t('fac.code'), children: <Typography.Text copyable>{fac.code}</Typography.Text> },
    { key: 'name', label: t('fac.name'), children: fac.name },
    { key: 'type', label: t('fac.type'), children: pick(FACILITY_TYPE_NAMES[fac.type], fac.type) },
    { key: 'ownership', label: t('fac.ownership'), children: pick(OWNERSHIP_NAMES[fac.ownership], fac.ownership) },
    {
      key: 'path',
      label: t('fac.path'),
      children: (
        <>
          {(data?.path ?? []).map((d) => d.name).join(' / ') || fac.divisionName || fac.divisionCode}
          <SecondaryLine>{fac.divisionCode}</SecondaryLine>
        </>
      ),
    },
    { key: 'opened', label: t('fac.opened'), children: formatDate(fac.opened) },
    {
      key: 'status',
      label: t('fac.status'),
      children: <FacilityStatusTag closed={fac.closed} />,
    },
  ];

  return (
    <Drawer
      open={!!code}
      onClose={onClose}
      size={560}
      title={f ? f.name : t('fac.detail')}
      rootClassName="facility-drawer"
      extra={
        f && canEdit && !f.closed ? (
          <Space>
            <Button onClick={() => onEdit(f)}>{t('common.edit')}</Button>
            <Button danger onClick={() => onCloseFacility(f)}>
              {t('fac.close')}
            </Button>
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={error} />
      {!f && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {f ? (
        <>
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }} items={mainItems(f)} />
          <div style={{ marginTop: 8, textAlign: 'right' }}><Typography.Link href={`/facilities/${encodeURIComponent(f.code)}`} data-testid="facility-view-link">{t('fv.viewDetail')} →</Typography.Link></div>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('fac.attributes')}
          </Typography.Title>
          {attributes.length ? (
            <Descriptions
              column={1}
              bordered
              size="small"
              styles={{ label: { width: 120 } }}
              items={attributes.map(([k, v]) => ({ key: k, label: k, children: compactJson(v) }))}
            />
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
