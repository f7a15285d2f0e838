/**
 * The analysis as a map: the child areas of a province or the country coloured by the first
 * indicator in the first period. Other areas or levels get a note instead (no boundary data).
 */
import { Alert, Skeleton, Typography } from 'antd';
import type { Indicator } from '../../../domain/indicator.js';
import { useI18n } from '../../shared/i18n.js';
import { AreaMap } from '../maps/area-map.js';
import { hasBoundaryFile, useAreaMap } from '../maps/use-area-map.js';
import type { AnalysisConfig } from './analysis-config.js';
import { LEVEL_NAMES, type IndicatorRow } from './analytics-api.js';

export function AnalysisMap(props: { config: AnalysisConfig; rows: IndicatorRow[]; byCode: Map<string, Indicator>; height?: number; compact?: boolean }) {
  const { config, rows, byCode, height = 480, compact } = props;
  const { t, pick } = useI18n();
  const { map, loading, missing } = useAreaMap(config.area);
  const indicator = byCode.get(config.indicators[0]);
  const period = config.periods[0];

  const note = (text: string) => <Alert type="info" showIcon title={text} data-testid="analysis-map-note" />;
  if (!hasBoundaryFile(config.area) || missing) return note(t('an.mapNone'));
  if (loading || !indicator) return (
      <div style={{ height }}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  if (!map) return note(t('an.mapNone'));
  if (LEVEL_NAMES[map.level] !== config.level) return note(t('an.mapLevel', { level: t(`an.level.${LEVEL_NAMES[map.level]}`) }));

  const shown = rows.filter((r) => r.indicator === indicator.code && r.period === period);
  return (
    <div data-testid="analysis-map">
      {compact ? null : (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
          {t('an.mapCaption', { indicator: pick(indicator.name), year: period })}
        </Typography.Text>
      )}
      <AreaMap map={map} rows={shown} indicator={indicator} height={height} />
      {compact ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dash.mapNote')} · {t('dash.mapSource', { source: map.source })}
        </Typography.Text>
      )}
    </div>
  );
}
