/** /completeness (完整性): who has reported for a year, by area (drill down), and who is missing. */
import { Card, Skeleton, Space, Tabs, Typography } from 'antd';

import { useUser } from '../../app/auth.js';
import { AreaBreadcrumb } from '../../shared/area-breadcrumb.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { completenessApi } from './approval-api.js';
import { CompletenessMissing } from './completeness-missing.js';
import { CompletenessSummary } from './completeness-summary.js';
import { CompletenessTable } from './completeness-table.js';

export function CompletenessPage() {
  const user = useUser();
  const { t } = useI18n();
  const [params, update] = useQueryParams();
  const period = periodOr(params.get('period'), 'collecting');
  const area = params.get('area') || (user.scopeLevel === null ? undefined : user.scopeCode);
  const tab = params.get('tab') === 'missing' ? 'missing' : 'children';
  const completeness = useAsync(`${period}|${area}|${user.scopeCode}`, () =>
    completenessApi.get(period, area === user.scopeCode ? undefined : area),
  );
  const { data, loading, error } = completeness;

  return (
    <div>
      <PageTitle
        extra={
          <Space>
            <Typography.Text>{t('entry.period')}</Typography.Text>
            <PeriodSelect data-testid="completeness-period" value={period} onChange={(p) => update({ period: p })} />
          </Space>
        }
      >
        {t('nav.completeness')}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <AreaBreadcrumb area={area} onPick={(code) => update({ area: code })} />
      </Card>
      <ErrorAlert error={error} onRetry={completeness.reload} style={{ marginBottom: 12 }} />
      {data ? (
        <CompletenessSummary row={data.area} deadline={data.deadline} />
      ) : loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 3 }} />
        </Card>
      ) : null}
      <Card size="small" style={{ marginTop: 12 }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'missing' ? 'missing' : undefined })}
          items={[
            {
              key: 'children',
              label: t('compl.childrenTab'),
              children: (
                <CompletenessTable
                  rows={data?.children ?? []}
                  loading={loading}
                  current={data?.area.code}
                  onDrill={(r) => update({ area: r.code })}
                />
              ),
            },
            {
              key: 'missing',
              label: t('compl.missingTab'),
              children: <CompletenessMissing period={period} area={area === user.scopeCode ? undefined : area} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
