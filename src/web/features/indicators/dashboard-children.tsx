/**
 * The child areas for the selected indicator: a choropleth where a boundary file exists (the
 * nation and provinces) beside a ranked bar chart; below province level the bar chart alone.
 * Clicking an area or a bar drills down. The trend panel goes beside them or below.
 */
import { Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Indicator } from '../../../domain/indicator.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { AreaMap } from '../maps/area-map.js';
import { useAreaMap } from '../maps/use-area-map.js';
import { analyticsApi } from './analytics-api.js';
import { RankedBar } from './charts/ranked-bar.js';
import { childLevel } from './dashboard-data.js';
import { ChartPlaceholder } from './dashboard-placeholder.js';

const MAP_HEIGHT = 440;
const BAR_BOX = 440;

export interface DashboardChildrenProps {
  area: string;
  period: string;
  indicator: Indicator;
  onPick: (code: string) => void;
  /** The trend panel: beside the map and the ranking on a wall screen, below them on a laptop. */
  trend: React.ReactNode;
}

function Failed({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorAlert error={error} onRetry={retry} small />;
}

export function DashboardChildren({ area, period, indicator, onPick, trend }: DashboardChildrenProps) {
  const { t, pick } = useI18n();
  const level = childLevel(area);
  const map = useAreaMap(area);
  const values = useAsync(level ? `${area}|${period}|${indicator.code}|${level}` : null, () =>
    analyticsApi.values({ periods: [period], area, level: level!, indicators: [indicator.code] }).then((r) => r.rows),
  );
  const rows = values.loading ? null : values.data;
  const gapLink = `/indicators?${new URLSearchParams({ area, period, indicator: indicator.code, tab: 'gaps' })}`;
  const showMap = !map.missing;
  const subtitle = level && rows ? t('dash.childrenOf', { level: t(`dash.level.${level}` as MessageKey), n: rows.length }) : '';

  if (!level) {
    return (
      <Row gutter={[12, 12]} data-testid="dashboard-children">
        <Col xs={24} xxl={10}>
          <Card size="small" style={{ height: '100%' }}>
            <Empty description={t('dash.noChildren')} image={Empty.PRESENTED_IMAGE_SIMPLE}>
              <Link to={gapLink}>{t('dash.gapList')}</Link>
            </Empty>
          </Card>
        </Col>
        <Col xs={24} xxl={14}>
          {trend}
        </Col>
      </Row>
    );
  }

  const bar = (
    <Card
      size="small"
      title={t('dash.rankTitle')}
      extra={
        <Space size={8}>
          {/* The keyboard's way down (and a search among many children). */}
          <Select<string>
            size="small"
            showSearch={{ optionFilterProp: 'label' }}
            value={null}
            placeholder={t('dash.goTo')}
            aria-label={t('dash.goTo')}
            data-testid="child-select"
            style={{ width: 132 }}
            disabled={!rows?.length}
            options={(rows ?? []).map((r) => ({ value: r.areaCode, label: r.areaName })).sort((a, b) => a.value.localeCompare(b.value))}
            onChange={(code) => code && onPick(code)}
          />
          <Link to={gapLink} data-testid="gap-list-link">
            {t('dash.gapList')}
          </Link>
        </Space>
      }
      data-testid="dashboard-ranking"
      style={{ height: '100%' }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4, minHeight: 20 }}>
        {pick(indicator.name)}
        {subtitle ? ` · ${subtitle}` : ''} · {t('dash.clickToDrill')}
      </Typography.Text>
      {values.error ? (
        <Failed error={values.error} retry={values.reload} />
      ) : rows === null ? (
        <ChartPlaceholder height={BAR_BOX} />
      ) : rows.length === 0 ? (
        <div style={{ height: BAR_BOX, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Empty description={t('dash.noData')} />
        </div>
      ) : (
        <RankedBar rows={rows} indicator={indicator} onPick={onPick} boxHeight={BAR_BOX} />
      )}
      {showMap ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="no-boundary-note">
          {t('dash.noBoundary')}
        </Typography.Text>
      )}
    </Card>
  );

  if (!showMap) {
    return (
      <Row gutter={[12, 12]} data-testid="dashboard-children">
        <Col xs={24} xxl={14}>
          {bar}
        </Col>
        <Col xs={24} xxl={10}>
          {trend}
        </Col>
      </Row>
    );
  }

  return (
    <Row gutter={[12, 12]} data-testid="dashboard-children">
      <Col xs={24} xl={14} xxl={10}>
        <Card size="small" title={t('dash.mapTitle')} data-testid="dashboard-map" style={{ height: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 4, minHeight: 20 }}>
            {pick(indicator.name)} · {period} · {t('dash.clickToDrill')}
          </Typography.Text>
          {map.error ? (
            <Failed error={map.error} retry={map.retry} />
          ) : values.error ? (
            <Failed error={values.error} retry={values.reload} />
          ) : map.map && rows ? (
            <AreaMap map={map.map} rows={rows} indicator={indicator} onPick={onPick} height={MAP_HEIGHT} />
          ) : (
            <ChartPlaceholder height={MAP_HEIGHT} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 11, color: '#8c8c8c', display: 'block' }} data-testid="map-note">
            {t('dash.mapNote')}
            {map.map?.source ? ` · ${t('dash.mapSource', { source: map.map.source })}` : ''}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xl={10} xxl={7}>
        {bar}
      </Col>
      <Col xs={24} xxl={7}>
        {trend}
      </Col>
    </Row>
  );
}
