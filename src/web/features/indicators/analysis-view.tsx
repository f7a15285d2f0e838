/**
 * One analysis (a configuration) loaded from GET /api/analytics and shown as a table, bar chart,
 * line chart or map. Used full size on /analysis and compact in the dashboard's pinned cards.
 */
import { Skeleton, Spin, Typography } from 'antd';
import type { Indicator } from '../../../domain/indicator.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { AnalysisBar, AnalysisLine, lineMode } from './analysis-charts.js';
import type { AnalysisConfig } from './analysis-config.js';
import { AnalysisMap } from './analysis-map.js';
import { AnalysisTable } from './analysis-table.js';
import { analyticsApi, type IndicatorRow } from './analytics-api.js';

/** The rows of a configuration (the display does not matter). */
export function useAnalysisRows(config: AnalysisConfig | null) {
  const key = config ? JSON.stringify([config.indicators, config.periods, config.area, config.level]) : null;
  return useAsync<IndicatorRow[]>(key, () =>
    analyticsApi.values({ indicators: config!.indicators, periods: config!.periods, area: config!.area, level: config!.level }).then((r) => r.rows),
  );
}

export function AnalysisView(props: { config: AnalysisConfig; byCode: Map<string, Indicator>; compact?: boolean }) {
  const { config, byCode, compact } = props;
  const { t, pick } = useI18n();
  const { data, loading, error, reload } = useAnalysisRows(config);
  const height = compact ? 240 : 460;

  if (error) {
    return <ErrorAlert error={error} data-testid="analysis-error" onRetry={compact ? undefined : reload} />;
  }
  if (!data) {
    return (
      <div style={{ minHeight: height }} data-testid="analysis-loading">
        <Skeleton active paragraph={{ rows: compact ? 5 : 10 }} />
      </div>
    );
  }
  const common = { config, rows: data, byCode, compact, height };
  if (config.display === 'table') return <AnalysisTable {...common} loading={loading} />;
  const mode = lineMode(config, data);
  const lineNote =
    mode === 'byIndicator'
      ? t('an.line.byIndicator')
      : mode === 'byArea'
        ? t('an.line.byArea')
        : t('an.line.byAreaFirst', { indicator: pick(byCode.get(config.indicators[0])?.name, config.indicators[0]) });
  // The previous answer stays on screen (no jump) under a spinner while the next one loads.
  return (
    <Spin spinning={loading}>
      {config.display === 'bar' ? (
        <AnalysisBar {...common} />
      ) : config.display === 'line' ? (
        <div>
          {compact ? null : (
            <Typography.Text type="secondary" data-testid="analysis-line-note" style={{ display: 'block', marginBottom: 4 }}>
              {lineNote}
            </Typography.Text>
          )}
          <AnalysisLine {...common} />
        </div>
      ) : (
        <AnalysisMap {...common} />
      )}
    </Spin>
  );
}
