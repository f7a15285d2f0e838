/** Data for the analysis view and the annual report: the indicator metadata with a lookup by code. */
import { useMemo } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { useIndicators } from './indicator-meta.js';

export interface IndicatorMeta {
  list: Indicator[];
  byCode: Map<string, Indicator>;
}

/** The indicators (GET /api/indicators) and their lookup by code: null while loading. */
export function useIndicatorMeta(): { meta: IndicatorMeta | null; error: unknown } {
  const { indicators: list, error } = useIndicators();
  const meta = useMemo(() => (list ? { list, byCode: new Map(list.map((i) => [i.code, i])) } : null), [list]);
  return { meta, error };
}
