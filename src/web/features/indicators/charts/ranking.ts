/** The ranking's order and axis: pure, so they are tested without a browser. */
import type { IndicatorRow } from '../analytics-api.js';

/**
 * Rows the laggards first — the question is "who lags" — so the worst sit at the top, not at the
 * bottom of a scrolling box: lowest first for a "≥" target, highest first for a "≤" one; no value
 * last; ties by name.
 */
export function rankRows(rows: IndicatorRow[], comparison: '>=' | '<=' = '>='): IndicatorRow[] {
  const sign = comparison === '<=' ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.areaName.localeCompare(b.areaName, 'zh-CN');
    return sign * (a.value - b.value) || a.areaName.localeCompare(b.areaName, 'zh-CN');
  });
}

/** The axis' lower end: zoomed so that 95% and 98% differ, in steps of 10 points, with room below the lowest bar and the target. */
export function axisMin(values: number[], target: number | null): number {
  const low = Math.min(...values, target ?? 1);
  if (!Number.isFinite(low)) return 0;
  return Math.max(0, Math.floor((low * 100 - 10) / 10) * 10);
}
