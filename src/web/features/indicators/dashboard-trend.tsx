/** The area's 2021–2024 trend for the selected indicator, the projection to the deadline, and what it means. */
import { WarningOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Typography } from 'antd';
import type { Indicator } from '../../../domain/indicator.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { analyticsApi } from './analytics-api.js';
import { TrendChart } from './charts/trend-chart.js';
import { deadlineText } from './dashboard-data.js';
import { ChartPlaceholder } from './dashboard-placeholder.js';
import { STATUS_COLORS } from './indicator-status.js';

const HEIGHT = 300;

export function DashboardTrend({ area, indicator }: { area: string; indicator: Indicator }) {
  const { t, pick } = useI18n();
  const trend = useAsync(`${area}|${indicator.code}`, () =>
    analyticsApi.trend({ area, indicators: [indicator.code] }).then((r) => r.series.find((s) => s.indicator === indicator.code) ?? null),
  );
  const series = trend.loading ? null : trend.data;
  const target = indicator.targets[0];
  const proj = series?.projection ?? null;
  const deadline = target ? deadlineText(target.deadline, t) : '';

  return (
    <Card size="small" title={t('dash.trendTitle')} data-testid="dashboard-trend" style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', minHeight: 20 }}>
        {pick(indicator.name)}
      </Typography.Text>
      {trend.error ? (
        <ErrorAlert error={trend.error} onRetry={trend.reload} small />
      ) : series && series.points.some((p) => p.value !== null) ? (
        <TrendChart series={series} indicator={indicator} height={HEIGHT} />
      ) : series || !trend.loading ? (
        <div style={{ height: HEIGHT, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Empty description={t('dash.noData')} />
        </div>
      ) : (
        <ChartPlaceholder height={HEIGHT} />
      )}
      <div style={{ minHeight: 24, marginTop: 4 }} data-testid="trend-verdict">
        {proj && proj.willMiss === true ? (
          <Typography.Text strong style={{ color: STATUS_COLORS.far }}>
            <WarningOutlined /> {t('dash.willMiss', { deadline })}
          </Typography.Text>
        ) : proj && proj.willMiss === false ? (
          <Typography.Text style={{ color: STATUS_COLORS.met }}>
            <CheckCircleOutlined /> {t('dash.willMeet', { deadline })}
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}
