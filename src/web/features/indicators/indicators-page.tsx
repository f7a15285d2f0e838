/**
 * /indicators (指标视图): the child areas of an area × every indicator, coloured by target status,
 * and the gap list of one indicator. State in the URL: ?area=&period=&tab=table|gaps&indicator=.
 */
import { App, Button, Card, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';

import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { AreaBreadcrumb } from '../../shared/area-breadcrumb.js';
import { saveBlob } from '../../shared/download.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { CompletenessBanner } from '../../shared/completeness-banner.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { analyticsApi, type IndicatorRow } from './analytics-api.js';
import { GapList } from './gap-list.js';
import { IndicatorLegend } from './indicator-legend.js';
import { IndicatorMatrix, toMatrix } from './indicator-matrix.js';
import { childLevel, useIndicators } from './indicator-meta.js';
import { formatPercent } from './indicator-status.js';

interface Loaded {
  key: string;
  own: IndicatorRow[];
  children: IndicatorRow[];
}

export function IndicatorsPage() {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, update] = useQueryParams();
  const period = periodOr(params.get('period'), 'figures');
  const area = params.get('area') || user.scopeCode;
  const tab = params.get('tab') === 'gaps' ? 'gaps' : 'table';
  const level = childLevel(area);
  const { indicators, error: metaError } = useIndicators();
  const [exporting, setExporting] = useState(false);
  const key = `${area}|${period}`;
  const values = useAsync(key, (): Promise<Loaded> =>
    Promise.all([
      analyticsApi.values({ periods: [period], area }),
      level ? analyticsApi.values({ periods: [period], area, level }) : Promise.resolve({ rows: [] }),
    ]).then(([own, children]) => ({ key, own: own.rows, children: children.rows })),
  );
  const { data, loading, error } = values;

  /** A link to another area of this view, keeping the period, tab and indicator. */
  const areaHref = (code: string, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams(params);
    p.set('area', code);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return `/indicators?${p.toString()}`;
  };

  const total = useMemo(() => (data ? (toMatrix(data.own)[0] ?? null) : null), [data]);
  const rows = useMemo(() => (data ? toMatrix(data.children) : []), [data]);
  const withTargets = useMemo(() => (indicators ?? []).filter((i) => i.targets.length > 0), [indicators]);
  // Completeness of the area: the indicator counting the most facilities covers every grassroots type.
  const widest = data?.own.reduce<IndicatorRow | null>((a, r) => (!a || r.expectedReports > a.expectedReports ? r : a), null) ?? null;

  const gapIndicator = useMemo(() => {
    const chosen = withTargets.find((i) => i.code === params.get('indicator'));
    if (chosen) return chosen;
    // The indicator chosen (on the dashboard) has no target: no gap list — said, not replaced by another indicator's.
    if (params.get('indicator') && (indicators ?? []).some((i) => i.code === params.get('indicator'))) return null;
    if (data?.key !== key) return null; // wait for the area's values to choose the first one not met
    const notMet = withTargets.find((i) => data?.own.some((r) => r.indicator === i.code && r.met === false));
    return notMet ?? withTargets[0] ?? null;
  }, [withTargets, indicators, params, data, key]);

  const exportValues = async () => {
    if (!level) return;
    setExporting(true);
    try {
      const { blob, fileName } = await analyticsApi.exportValues({ periods: [period], area, level });
      saveBlob(blob, fileName ?? `${t('ind.title')}-${total?.name ?? area}-${period}.xlsx`);
      message.success(t('ind.exported'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setExporting(false);
    }
  };

  const shownError = error ?? metaError;
  return (
    <div data-testid="indicators-page">
      <PageTitle
        extra={
          <Space>
            <Typography.Text>{t('entry.period')}</Typography.Text>
            <PeriodSelect data-testid="ind-period" purpose="figures" value={period} onChange={(p) => update({ period: p })} />
          </Space>
        }
      >
        {t('ind.title')}
      </PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap', minHeight: 24 }}>
          <div style={{ flex: 1, minWidth: 240 }}>
            <AreaBreadcrumb area={area} onPick={(code) => update({ area: code === user.scopeCode ? undefined : code })} />
          </div>
          <Typography.Text data-testid="ind-completeness" type="secondary" style={{ visibility: widest ? 'visible' : 'hidden' }}>
            {t('ind.completeness')}{' '}
            <Typography.Text strong>
              {formatPercent(widest && widest.expectedReports ? widest.reportedReports / widest.expectedReports : null)}
            </Typography.Text>
            （{t('ind.completenessOf', { expected: formatNumber(widest?.expectedReports ?? 0), reported: formatNumber(widest?.reportedReports ?? 0) })}）
          </Typography.Text>
        </div>
      </Card>
      <CompletenessBanner counts={widest ? { expected: widest.expectedReports, reported: widest.reportedReports } : null} />
      <ErrorAlert error={shownError} onRetry={values.reload} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'gaps' ? 'gaps' : undefined })}
          items={[
            {
              key: 'table',
              label: t('ind.tabTable'),
              children: (
                <>
                  <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
                    <div style={{ flex: 1 }}>
                      <IndicatorLegend />
                    </div>
                    <Typography.Text type="secondary">{level ? t('ind.drillHint') : null}</Typography.Text>
                    <Button icon={<DownloadOutlined />} onClick={exportValues} loading={exporting} disabled={!level} data-testid="ind-export">
                      {t('ind.export')}
                    </Button>
                  </div>
                  <IndicatorMatrix
                    indicators={indicators ?? []}
                    total={total}
                    rows={rows}
                    loading={loading || !indicators}
                    drillHref={level ? (code) => areaHref(code) : null}
                  />
                </>
              ),
            },
            {
              key: 'gaps',
              label: t('ind.tabGaps'),
              children: (
                <GapList
                  untargeted={gapIndicator ? null : (indicators ?? []).find((i) => i.code === params.get('indicator') && i.targets.length === 0) ?? null}
                  indicators={withTargets}
                  indicator={gapIndicator}
                  area={area}
                  period={period}
                  onIndicator={(code) => update({ indicator: code })}
                  areaHref={(code) => areaHref(code, { tab: 'table' })}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
