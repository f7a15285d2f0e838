/**
 * /facilities/:code (机构视图): registry details, the GTCM_ANNUAL report of each year with its
 * approval status, and the facility's own result for every indicator that applies to its type.
 */
import { Button, Card, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorText } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { periodCodes } from '../../shared/periods.js';
import { useAsync } from '../../shared/use-async.js';
import { reportApi } from '../data-entry/report-api.js';
import { facilityApi } from '../org-units/org-units-api.js';
import { analyticsApi } from './analytics-api.js';
import { FacilityViewHistory, type HistoryReport, type HistoryRow } from './facility-view-history.js';
import { FacilityViewRegistry } from './facility-view-registry.js';
import { FacilityViewValues } from './facility-view-values.js';
import { useIndicators } from './indicator-meta.js';

export function FacilityViewPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const { indicators } = useIndicators();
  const { data: registry, error } = useAsync(code, () => facilityApi.get(code), { keep: false });
  // Once the registry answered, the facility is readable: load its reports and values.
  const readable = registry ? code : null;
  const history = useAsync(
    readable,
    () =>
      Promise.all(
        periodCodes().map((year) =>
          reportApi
            .get(year, code)
            .then((a): HistoryRow => ({ year, report: a.report as HistoryReport | null }))
            .catch((): HistoryRow => ({ year, report: null, failed: true })),
        ),
      ),
    { keep: false },
  ).data;
  const { data: facts, error: factsError } = useAsync(readable, () => analyticsApi.facility(code).then((a) => a.items), { keep: false });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('fv.back')}
    </Button>
  );

  if (error) {
    const code403 = error instanceof ApiError && (error.code === 'E2102' || error.status === 403);
    const code404 = error instanceof ApiError && (error.code === 'E1102' || error.status === 404);
    return (
      <div data-testid="facility-view-page">
        <Result
          data-testid="fv-error"
          status={code403 ? '403' : code404 ? '404' : 'error'}
          title={code403 ? t('fv.noAccess') : code404 ? t('fv.notFound') : t('common.loadFailed')}
          subTitle={code403 ? `${t('fv.noAccessSub')}（${code}）` : errorText(error, lang)}
          extra={back}
        />
      </div>
    );
  }

  const f = registry?.facility;
  return (
    <div data-testid="facility-view-page">
      <PageTitle extra={back}>{f ? f.name : t('fv.title')}</PageTitle>
      <Card size="small" title={t('fv.registry')} style={{ marginBottom: 12 }}>
        {registry ? (
          <FacilityViewRegistry facility={registry.facility} path={registry.path} history={history} />
        ) : (
          <Skeleton active paragraph={{ rows: 4 }} />
        )}
      </Card>
      <Card size="small" title={t('fv.history')} style={{ marginBottom: 12 }}>
        <FacilityViewHistory code={code} rows={history ?? periodCodes().map((year) => ({ year, report: null }))} loading={!history} />
      </Card>
      <Card size="small" title={t('fv.values')}>
        <ErrorAlert error={factsError} style={{ marginBottom: 12 }} />
        {f ? (
          <FacilityViewValues indicators={indicators ?? []} type={f.type} facts={facts ?? []} loading={!facts || !indicators} />
        ) : (
          <Skeleton active paragraph={{ rows: 4 }} />
        )}
      </Card>
    </div>
  );
}
