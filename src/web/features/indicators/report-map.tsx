/**
 * Section 4 of the annual report: the child areas on a map coloured by one indicator, where a
 * boundary file exists (the country and provinces). Municipalities' maps show districts: their
 * values are loaded at that level. Tells `onReady` once it has drawn (or knows it cannot).
 */
import { Skeleton } from 'antd';
import { useEffect } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { AreaMap } from '../maps/area-map.js';
import { hasBoundaryFile, useAreaMap } from '../maps/use-area-map.js';
import { analyticsApi, LEVEL_NAMES, type IndicatorRow, type LevelName } from './analytics-api.js';

export function ReportMap(props: { area: string; period: string; indicator: Indicator; childRows: IndicatorRow[]; childLevel: LevelName | null; onReady: (drawn: boolean) => void }) {
  const { area, period, indicator, childRows, childLevel, onReady } = props;
  const { t, pick } = useI18n();
  const { map, missing, error } = useAreaMap(area);
  const possible = hasBoundaryFile(area) && !missing && !error;
  const mapLevel = map ? LEVEL_NAMES[map.level] : null;
  const sameLevel = mapLevel !== null && mapLevel === childLevel;
  const extra = useAsync<IndicatorRow[]>(
    map && !sameLevel ? `${area}|${period}|${mapLevel}` : null,
    () => analyticsApi.values({ periods: [period], indicators: [indicator.code], area, level: mapLevel! }).then((r) => r.rows),
    { keep: false },
  );
  const rows = sameLevel ? childRows.filter((r) => r.indicator === indicator.code) : (extra.data ?? null);
  const done = !possible || (map !== null && (rows !== null || extra.error !== null));

  useEffect(() => {
    if (done) onReady(possible && rows !== null);
  }, [done, possible, rows, onReady]);

  if (!possible) return <p className="ar-note" data-testid="report-map-none">{t('rep.mapNone')}</p>;
  if (!map || !rows) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <div className="ar-figure" data-testid="report-map">
      <div className="ar-caption">{t('an.mapCaption', { indicator: pick(indicator.name), year: period })}</div>
      <AreaMap map={map} rows={rows} indicator={indicator} height={430} />
      <div className="ar-sub">
        {t('dash.mapNote')} · {t('dash.mapSource', { source: map.source })}
      </div>
    </div>
  );
}
