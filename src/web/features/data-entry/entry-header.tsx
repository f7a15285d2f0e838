/** Above the entry form: which facility and year, the report's status, and why it is returned or locked. */
import { LockOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space, Tag } from 'antd';
import { FACILITY_TYPE_NAMES } from '../../../domain/facility.js';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { divisionApi, type FacilityDto } from '../org-units/org-units-api.js';
import type { ReportDto } from './report-api.js';
import { ReportStatusTag } from './report-status-tag.js';
import { reportingPeriods } from '../../shared/periods.js';

export function EntryHeader(props: {
  facility: FacilityDto | undefined;
  facilityCode: string;
  period: string;
  report: ReportDto | null;
  locked: boolean;
  lockedReason?: string | null;
  dirty: boolean;
}) {
  const { t, pick } = useI18n();
  const { facility, report } = props;
  // The report answer's facility may come without its division's name.
  const lookup = useAsync(
    facility && !facility.divisionName ? facility.divisionCode : null,
    () => divisionApi.get(facility!.divisionCode).then((r) => r.division.name),
    { keep: false },
  );
  const divisionName = facility?.divisionName ?? lookup.data;
  return (
    <div style={{ marginBottom: 12 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'facility',
            label: t('entry.facility'),
            children: facility ? `${facility.name}（${facility.code}）` : props.facilityCode,
          },
          { key: 'type', label: t('fac.type'), children: facility ? pick(FACILITY_TYPE_NAMES[facility.type], facility.type) : '–' },
          { key: 'division', label: t('fac.division'), children: divisionName ?? facility?.divisionCode ?? '–' },
          { key: 'period', label: t('entry.period'), children: t('period.year', { year: props.period }) },
          { key: 'deadline', label: t('entry.deadline'), children: <DeadlineText period={props.period} /> },
          {
            key: 'status',
            label: t('entry.status'),
            children: (
              <Space size={6}>
                <span data-testid="entry-status" data-status={report?.status ?? 'NONE'}>
                  {report ? (
                    <ReportStatusTag status={report.status} approvalLevel={report.approvalLevel} />
                  ) : (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('status.NONE')}</Tag>
                  )}
                </span>
                {props.locked ? (
                  <Tag icon={<LockOutlined />} color="default" data-testid="entry-locked" style={{ marginInlineEnd: 0 }}>
                    {t('entry.locked')}
                  </Tag>
                ) : null}
                {props.dirty ? (
                  <Tag color="orange" data-testid="entry-dirty" style={{ marginInlineEnd: 0 }}>
                    {t('entry.unsaved')}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          { key: 'submittedAt', label: t('entry.submittedAt'), children: formatDateTime(report?.submittedAt) },
          {
            key: 'updatedAt',
            label: t('entry.updatedAt'),
            children: report?.updatedAt ? `${formatDateTime(report.updatedAt)}${report.updatedBy ? ` · ${report.updatedBy}` : ''}` : '–',
          },
          { key: 'comment', label: t('entry.comment'), children: report?.comment || '–' },
        ]}
      />
      {report?.status === 'RETURNED' ? (
        <Alert
          type="error"
          showIcon
          data-testid="entry-returned"
          title={t('entry.returnedTitle')}
          description={report.returnReason || t('entry.noReason')}
          style={{ marginTop: 8 }}
        />
      ) : null}
      {props.locked ? (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          data-testid="entry-locked-reason"
          title={t('entry.lockedTitle')}
          description={props.lockedReason || undefined}
          style={{ marginTop: 8 }}
        />
      ) : null}
    </div>
  );
}

/** The period's deadline from the server's periods, with the days left or how late it is (counted from the server's day). */
function DeadlineText({ period }: { period: string }) {
  const { t } = useI18n();
  const { periods, today } = reportingPeriods();
  const deadline = periods.find((p) => p.code === period)?.deadline ?? null;
  if (!deadline) return <>–</>;
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return (
    <span data-testid="entry-deadline" data-deadline={deadline}>
      {deadline}{' '}
      {days >= 0 ? <Tag color={days <= 14 ? 'orange' : 'default'}>{t('entry.daysLeft', { n: days })}</Tag> : <Tag color="red">{t('entry.overdue')}</Tag>}
    </span>
  );
}
