/**
 * /dashboard (首页): the user's area at a glance — every target as a card (五个全覆盖 first), the
 * child areas on a map and ranked for the chosen indicator, and the trend with the projection to
 * 2025. Clicking an area drills down; breadcrumbs lead back up, never above the user's scope.
 * State lives in the URL: ?area=&period=&indicator=.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { useUser } from '../../app/auth.js';
import { AreaBreadcrumb } from '../../shared/area-breadcrumb.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { periodOr, usePeriodOptions } from '../../shared/period-select.js';
import { areaCompleteness, CompletenessBanner } from '../../shared/completeness-banner.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { PinnedFavourites } from '../favourites/pinned-favourites.js';
import { EvaluationOverviewCard } from '../evaluation/evaluation-overview.js';
import { divisionApi } from '../org-units/org-units-api.js';
import { analyticsApi } from './analytics-api.js';
import { DashboardCards } from './dashboard-cards.js';
import { DashboardChildren } from './dashboard-children.js';
import { defaultIndicator, inScope, loadIndicators } from './dashboard-data.js';
import { DashboardTrend } from './dashboard-trend.js';

export function DashboardPage() {
  const user = useUser();
  const { t } = useI18n();
  const [params, update] = useQueryParams();
  const navigate = useNavigate();
  const requested = params.get('area');
  const outOfScope = requested !== null && requested !== '' && !inScope(user, requested);
  const area = requested && !outOfScope ? requested : user.scopeCode;
  const period = periodOr(params.get('period'), 'figures');
  const periodOptions = usePeriodOptions('figures');

  const indicators = useAsync('indicators', loadIndicators);
  const values = useAsync(`${area}|${period}`, () => analyticsApi.values({ periods: [period], area }).then((r) => r.rows));
  const division = useAsync(area === NATION_CODE ? null : `div|${area}`, () => divisionApi.get(area).then((r) => r.division.name));
  const areaName = area === NATION_CODE ? t('div.nation') : (division.data ?? (area === user.scopeCode ? user.scopeName : ''));

  const list = indicators.data;
  const wanted = params.get('indicator');
  const selectedCode = list?.some((i) => i.code === wanted) ? wanted! : list ? defaultIndicator(list) : undefined;
  const selected = list?.find((i) => i.code === selectedCode);

  const drill = (code: string) => update({ area: code === user.scopeCode ? undefined : code });
  const failure = indicators.error ?? values.error;

  return (
    <div data-testid="dashboard-page">
      <PageTitle
        extra={
          <Space wrap>
            <Typography.Text>{t('dash.period')}</Typography.Text>
            <Select<string>
              data-testid="dashboard-period"
              aria-label={t('dash.period')}
              value={period}
              onChange={(p) => update({ period: p })}
              style={{ width: 190 }}
              popupMatchSelectWidth={false}
              options={periodOptions}
            />
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              data-testid="print-report"
              onClick={() => navigate(`/report?${new URLSearchParams({ area, period })}`)}
            >
              {t('dash.printReport')}
            </Button>
          </Space>
        }
      >
        <span data-testid="dashboard-title">{t('dash.title', { area: areaName || '…' })}</span>
      </PageTitle>
      {outOfScope ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="out-of-scope" title={t('dash.outOfScope', { area: user.scopeName })} />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <AreaBreadcrumb area={area} onPick={drill} />
      </Card>
      <CompletenessBanner counts={values.error ? null : areaCompleteness(values.data?.filter((r) => r.areaCode === area))} />
      <ErrorAlert
        error={failure}
        onRetry={() => {
          indicators.reload();
          values.reload();
        }}
        style={{ marginBottom: 12 }}
        data-testid="dashboard-error"
      />
      <DashboardCards
        indicators={list}
        rows={values.error ? null : values.data}
        selected={selectedCode}
        onSelect={(code) => update({ indicator: code })}
        stale={values.loading && values.data !== null}
      />
      {selected && !values.error ? (
        <div style={{ marginTop: 16 }}>
          <DashboardChildren area={area} period={period} indicator={selected} onPick={drill} trend={<DashboardTrend area={area} indicator={selected} />} />
        </div>
      ) : null}
      <div style={{ marginTop: 16 }}>
        <EvaluationOverviewCard />
      </div>
      <div style={{ marginTop: 16 }}>
        <PinnedFavourites />
      </div>
    </div>
  );
}
