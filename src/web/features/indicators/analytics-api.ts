/**
 * Typed calls for analytics (docs/API.md, "Analytics"): indicators, values, trends, gaps, exports —
 * typed by the shared API schemas (src/domain/api/indicators.ts).
 */
import {
  ANALYTICS_LEVELS,
  type AnalyticsLevel,
  type FacilityValuesAnswer,
  type GapAreasAnswer,
  type GapRowView,
  type GapsAnswer,
  type TrendAnswer,
  type TrendSeriesView,
  type ValuesAnswer,
} from '../../../domain/api/indicators.js';
import type { Indicator, IndicatorRow } from '../../../domain/indicator.js';
import { api } from '../../shared/api.js';

export type { IndicatorRow };

export type LevelName = AnalyticsLevel;
export const LEVEL_NAMES: LevelName[] = [...ANALYTICS_LEVELS];
/** Division level (0 nation … 4 township) → level name. */
export const levelName = (level: number): LevelName => LEVEL_NAMES[Math.min(Math.max(level, 0), 4)];

export type TrendSeries = TrendSeriesView;
export type GapItem = GapRowView;

export interface AnalyticsParams {
  periods: string[];
  indicators?: string[];
  /** A division code or `CN`; default the caller's scope. */
  area?: string;
  level?: LevelName;
}

const list = (xs?: string[]) => (xs && xs.length ? xs.join(',') : undefined);
const analyticsQuery = (p: AnalyticsParams) => ({ periods: list(p.periods), indicators: list(p.indicators), area: p.area, level: p.level });

export const analyticsApi = {
  indicators: () => api.get<{ items: Indicator[] }>('/api/indicators'),
  values: (p: AnalyticsParams) => api.get<ValuesAnswer>('/api/analytics', analyticsQuery(p)),
  trend: (p: Omit<AnalyticsParams, 'periods'> & { years?: string[] }) =>
    api.get<TrendAnswer>('/api/analytics/trend', { years: list(p.years), indicators: list(p.indicators), area: p.area, level: p.level }),
  gaps: (q: { indicator: string; period: string; area?: string; page?: number; pageSize?: number }) =>
    api.get<GapsAnswer>('/api/analytics/gaps', q),
  /** How many fall short in each area one level below (counties, or townships below a county), most first. */
  gapAreas: (q: { indicator: string; period: string; area?: string }) => api.get<GapAreasAnswer>('/api/analytics/gaps/areas', q),
  facility: (code: string) => api.get<FacilityValuesAnswer>(`/api/analytics/facility/${encodeURIComponent(code)}`),
  /** The values as an XLSX (default) or CSV file. */
  exportValues: (p: AnalyticsParams, format: 'xlsx' | 'csv' = 'xlsx') => api.getBlob('/api/analytics/export', { ...analyticsQuery(p), format }),
  /** Every gap row as an XLSX (default) or CSV file. */
  exportGaps: (q: { indicator: string; period: string; area?: string }, format: 'xlsx' | 'csv' = 'xlsx') =>
    api.getBlob('/api/analytics/gaps/export', { ...q, format }),
};

let indicatorCache: Promise<Indicator[]> | null = null;

/** The indicator metadata, fetched once per page load for every page (again after a failure). */
export function loadIndicators(): Promise<Indicator[]> {
  indicatorCache ??= analyticsApi.indicators().then(
    (r) => r.items,
    (err: unknown) => {
      indicatorCache = null;
      throw err;
    },
  );
  return indicatorCache;
}
