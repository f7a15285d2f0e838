/** 登记信息: the facility's registry record, its division path and the latest approval status. */
import { Descriptions, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { FACILITY_TYPE_NAMES, OWNERSHIP_NAMES } from '../../../domain/facility.js';
import { compactJson, formatDate } from '../../shared/format.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { ReportStatusTag } from '../data-entry/report-status-tag.js';
import { FacilityStatusTag } from '../org-units/facility-status-tag.js';
import type { DivisionDto, FacilityDto } from '../org-units/org-units-api.js';
import type { HistoryRow } from './facility-view-history.js';

/** Labels of the attributes the demo data and the import know; others show their key. */
const ATTRIBUTE_LABELS: Record<string, MessageKey> = { beds: 'fv.attr.beds' };

export function FacilityViewRegistry(props: { facility: FacilityDto; path: DivisionDto[]; history: HistoryRow[] | null }) {
  const { t, pick } = useI18n();
  const f = props.facility;
  const latest = props.history ? [...props.history].reverse().find((r) => r.report) : undefined;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('fac.name'), children: f.name },
    { key: 'code', label: t('fac.code'), children: <Typography.Text copyable>{f.code}</Typography.Text> },
    { key: 'type', label: t('fac.type'), children: pick(FACILITY_TYPE_NAMES[f.type], f.type) },
    { key: 'ownership', label: t('fac.ownership'), children: pick(OWNERSHIP_NAMES[f.ownership], f.ownership) },
    {
      key: 'path',
      label: t('fac.path'),
      span: 2,
      children: (
        <span data-testid="fv-path">
          {props.path.map((d) => d.name).join(' / ') || f.divisionName || f.divisionCode}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {f.divisionCode}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'opened', label: t('fac.opened'), children: formatDate(f.opened) },
    {
      key: 'status',
      label: t('fac.status'),
      children: <FacilityStatusTag closed={f.closed} />,
    },
    {
      key: 'approval',
      label: t('fv.latestStatus'),
      children: latest?.report ? (
        <Space size={6}>
          <span>{t('period.year', { year: latest.year })}</span>
          <ReportStatusTag status={latest.report.status} approvalLevel={latest.report.approvalLevel} data-testid="fv-latest-status" />
        </Space>
      ) : props.history ? (
        <ReportStatusTag status={null} />
      ) : (
        '…'
      ),
    },
    ...Object.entries(f.attributes ?? {}).map(([k, v]) => ({ key: `attr-${k}`, label: ATTRIBUTE_LABELS[k] ? t(ATTRIBUTE_LABELS[k]) : k, children: compactJson(v) })),
  ];
  return <Descriptions data-testid="fv-registry" bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}
