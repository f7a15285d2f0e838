/**
 * Target status is not claimed from a handful of reports: an area where fewer than half the
 * completeness threshold (GTCM_COMPLETENESS_ENOUGH, 80%) of its expected reports arrived keeps its
 * value and completeness but has no met/gap; with enough reports the status is claimed again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { createTestActor, createTestFacility, createTestReport } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let viewer: Actor;
let clinics: Facility[];

beforeEach(async () => {
  ctx = await createTestContext({ demo: false });
  viewer = await createTestActor(ctx, { role: 'VIEWER', scopeCode: '530102' });
  clinics = await Promise.all(Array.from({ length: 10 }, () => createTestFacility(ctx, { type: 'THC', divisionCode: '530102001', opened: '2010-01-01' })));
});
afterEach(async () => {
  ctx.engine.stop();
  await ctx?.dispose();
});

/** 五华区's tcm_hall_coverage for 2024 after `n` of the 10 clinics reported a 中医馆. */
async function hallsAfter(n: number) {
  for (const f of clinics.slice(0, n)) await createTestReport(ctx, { facility: f, period: '2024', values: { has_tcm_hall: true } });
  await ctx.engine.sync();
  const [row] = await ctx.services.analytics.values(viewer, { indicators: ['tcm_hall_coverage'], periods: ['2024'], area: '530102' });
  return row;
}

describe('target status and completeness', () => {
  it('with 1 report of 10 the value stands but no status is claimed', async () => {
    const row = await hallsAfter(1);
    // A facility share counts the facilities that did not report as not having a 中医馆: 1 of 10.
    expect(row).toMatchObject({ value: 0.1, expectedReports: 10, reportedReports: 1, met: null, gap: null });
    expect(row.target).not.toBeNull();
  });

  it('with 4 reports of 10 (half the threshold) the status is claimed', async () => {
    const row = await hallsAfter(4);
    expect(row).toMatchObject({ value: 0.4, reportedReports: 4, met: false });
    expect(row.gap).toBeGreaterThan(0);
  });

  it('a year with a handful of reports is no point of the trend, nor of its projection', async () => {
    for (const f of clinics) await createTestReport(ctx, { facility: f, period: '2023', values: { has_tcm_hall: true } });
    await hallsAfter(1);
    const [series] = await ctx.services.analytics.trend(viewer, { indicators: ['tcm_hall_coverage'], years: ['2023', '2024'], area: '530102' });
    expect(series.points).toEqual([
      { period: '2023', value: 1, met: true },
      { period: '2024', value: null, met: null },
    ]);
  });
});
