/**
 * The assistance facts in the indicators: a pairing appears in county_hospital_paired_rate at the
 * next sync, a training in tech_base_training_rate; the fact source's version moves on every write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { AssistanceFactSource } from '../../../src/server/modules/assistance/assistance.facts.js';
import { FUMIN, WUHUA } from '../../support/builders/index.js';
import { createTestActivity, createTestCountyHospital, createTestPairing, createTestTertiaryHospital, createTestUnit } from '../../support/builders/assistance.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let tertiary: Facility;

/** The indicator's 2024 row for an area (富民县 unless told). */
async function value(indicator: string, area = FUMIN, period = '2024') {
  const rows = await ctx.services.analytics.values(SYSTEM_ACTOR, { indicators: [indicator], periods: [period], area });
  return rows.find((r) => r.areaCode === area);
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  await ctx.engine.start(0);
  tertiary = await createTestTertiaryHospital(ctx, { divisionCode: WUHUA });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

describe('county_hospital_paired_rate', () => {
  it('counts a county hospital paired that year at the next sync', async () => {
    const paired = await createTestCountyHospital(ctx, { divisionCode: FUMIN });
    await createTestCountyHospital(ctx, { divisionCode: FUMIN });
    await ctx.engine.sync();
    expect(await value('county_hospital_paired_rate')).toMatchObject({ numerator: 0, denominator: 2 });
    await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: paired.code, startYear: 2024 });
    await ctx.engine.sync();
    expect(await value('county_hospital_paired_rate')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(await value('county_hospital_paired_rate', FUMIN, '2023')).toMatchObject({ numerator: 0 });
  });

  it('counts a hospital with two pairings in a year once', async () => {
    const h = await createTestCountyHospital(ctx, { divisionCode: FUMIN });
    const other = await createTestTertiaryHospital(ctx, { divisionCode: WUHUA });
    await ctx.engine.sync();
    const before = (await value('county_hospital_paired_rate', FUMIN, '2022'))!.numerator;
    await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code, startYear: 2022, endYear: 2022 });
    await createTestPairing(ctx, { helperCode: other.code, recipientCode: h.code, startYear: 2022, endYear: 2022 });
    await ctx.engine.sync();
    expect((await value('county_hospital_paired_rate', FUMIN, '2022'))!.numerator).toBe(before + 1);
  });
});

describe('tech_base_training_rate', () => {
  it('counts a base in the denominator, and in the numerator once it holds a training that year', async () => {
    const base = await createTestUnit(ctx, { areaCode: '530103', startYear: 2020 });
    await ctx.engine.sync();
    expect(await value('tech_base_training_rate', '530103')).toMatchObject({ numerator: 0, denominator: 1 });
    await createTestActivity(ctx, base.id, { day: '2024-03-02' });
    await ctx.engine.sync();
    expect(await value('tech_base_training_rate', '530103')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});

describe('the fact source', () => {
  it('changes its version on every write, a deletion included', async () => {
    const source = new AssistanceFactSource(ctx.store, ctx.clock);
    const v0 = await source.version();
    const base = await createTestUnit(ctx, { areaCode: FUMIN });
    const v1 = await source.version();
    const a = await createTestActivity(ctx, base.id);
    const v2 = await source.version();
    await ctx.services.capacity.deleteActivity(SYSTEM_ACTOR, base.id, a.id);
    const v3 = await source.version();
    expect(new Set([v0, v1, v2, v3]).size).toBe(4);
  });
});
