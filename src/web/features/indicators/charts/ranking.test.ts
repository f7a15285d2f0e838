import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../analytics-api.js';
import { axisMin, rankRows } from './ranking.js';

const row = (areaName: string, value: number | null) => ({ areaCode: areaName, areaName, value }) as IndicatorRow;

describe('the ranking', () => {
  it('puts the laggards first for a "≥" target, no value last', () => {
    expect(rankRows([row('甲', 0.98), row('乙', null), row('丙', 0.95), row('丁', 0.99)]).map((r) => r.areaName)).toEqual(['丙', '甲', '丁', '乙']);
  });

  it('puts the highest first for a "≤" target', () => {
    expect(rankRows([row('甲', 0.1), row('乙', 0.3)], '<=').map((r) => r.areaName)).toEqual(['乙', '甲']);
  });

  it('zooms the axis so that 95% and 98% differ, keeping the target in view', () => {
    expect(axisMin([0.95, 0.98], 1)).toBe(80);
    expect(axisMin([0.95, 0.98], 0.8)).toBe(70);
    expect(axisMin([0.05, 0.5], 0.8)).toBe(0);
  });
});
