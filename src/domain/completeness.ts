/**
 * How complete a figure's reporting is, and what may be claimed from it. Pure. `enough` is the
 * operator's threshold (GTCM_COMPLETENESS_ENOUGH, 80% by default):
 * - at or above it, a figure stands on its own;
 * - below it, the figure carries a banner "数据不完整（已报 x%），仅供参考";
 * - below half of it, no target status is claimed ("数据不足") — a handful of reports says nothing
 *   about whether an area met its target.
 */
export type CompletenessLevel = 'enough' | 'partial' | 'insufficient';

/** Received over expected (0 when nothing is expected). */
export function completenessRate(received: number, expected: number): number {
  return expected > 0 ? received / expected : 0;
}

export function completenessLevel(rate: number, enough: number): CompletenessLevel {
  if (rate >= enough - 1e-12) return 'enough';
  return rate >= enough / 2 - 1e-12 ? 'partial' : 'insufficient';
}

/**
 * Whether a period's reporting is complete enough for figure pages to open on it: `enough` of the
 * expected reports received, or its deadline passed with at least half of that.
 */
export function completeEnough(rate: number, deadlinePassed: boolean, enough: number): boolean {
  const level = completenessLevel(rate, enough);
  return level === 'enough' || (deadlinePassed && level === 'partial');
}
