/** 三级中医医院 in the registry, outside the grassroots report: no GTCM_ANNUAL report is taken from one, completeness does not expect one, the county TCM hospital indicators do not count it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { FUMIN, WUHUA } from '../../support/builders/index.js';
import { createTestTertiaryHospital } from '../../support/builders/assistance.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  await ctx.engine.start(0);
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

describe('a tertiary TCM hospital', () => {
  it('is registered at the district where it stands', async () => {
    const f = await ctx.services.facilities.create(SYSTEM_ACTOR, { code: 'TTH-T-1', name: '云南省中医医院', type: 'TERTIARY_TCM_HOSPITAL', divisionCode: WUHUA, ownership: 'PUBLIC', opened: '1950-01-01' });
    expect(f).toMatchObject({ type: 'TERTIARY_TCM_HOSPITAL', divisionCode: WUHUA });
  });

  it('files no GTCM_ANNUAL report (E1407)', async () => {
    const f = await createTestTertiaryHospital(ctx, { divisionCode: WUHUA });
    await expect(ctx.services.reports.save(SYSTEM_ACTOR, 'GTCM_ANNUAL', '2024', f.code, { physicians: 300 })).rejects.toMatchObject({ code: 'E1407' });
  });

  it('is not expected by completeness', async () => {
    const before = (await ctx.services.completeness.summary(SYSTEM_ACTOR, 'GTCM_ANNUAL', '2024', FUMIN.slice(0, 4))).area.expected;
    await createTestTertiaryHospital(ctx, { divisionCode: WUHUA });
    expect((await ctx.services.completeness.summary(SYSTEM_ACTOR, 'GTCM_ANNUAL', '2024', FUMIN.slice(0, 4))).area.expected).toBe(before);
  });

  it('is not counted among county TCM hospitals', async () => {
    await createTestTertiaryHospital(ctx, { divisionCode: WUHUA });
    await ctx.engine.sync();
    const [row] = await ctx.services.analytics.values(SYSTEM_ACTOR, { indicators: ['county_hospital_paired_rate'], periods: ['2024'], area: WUHUA });
    expect(row?.denominator ?? 0).toBe(0);
  });
});
