/**
 * Between cycles: named units whose automatic total for a later year falls below the pass line
 * are listed before their re-review; a failed re-review withdraws the title with the year, and the
 * 14th indicator stops counting it. On a store without demo data: 富民县 (named 2022, weak data)
 * and 五华区 (named 2022, one health centre meeting every automatic item) hold the title.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { completeValues, createTestActor, createTestFacility, createTestReport, FUMIN, WUHUA } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let nation: Actor;
let yunnan: Actor;
let wuhua: Actor;
const SIX = ['ACUPUNCTURE', 'MOXIBUSTION', 'GUASHA', 'CUPPING', 'TUINA', 'BONE_SETTING'];

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  const [w1] = (await ctx.store.repos.divisions.children(WUHUA)).map((d) => d.code);
  const chc = await createTestFacility(ctx, { type: 'CHC', divisionCode: w1 });
  await createTestReport(ctx, {
    facility: chc, period: '2024',
    values: completeValues(ctx, 'CHC', { has_tcm_hall: true, physicians: 10, tcm_physicians: 3, technique_categories: SIX, visits: 100, tcm_visits: 35, elderly_residents: 100, elderly_tcm_managed: 80, children_due: 50, children_tcm_managed: 40, tcm_education_sessions: 1 }),
  });
  const [f1] = (await ctx.store.repos.divisions.children(FUMIN)).map((d) => d.code);
  const thc = await createTestFacility(ctx, { type: 'THC', divisionCode: f1 });
  await createTestReport(ctx, { facility: thc, period: '2024', values: completeValues(ctx, 'THC', { has_tcm_hall: false, physicians: 10, tcm_physicians: 1, visits: 100, tcm_visits: 10 }) });
  await ctx.store.repos.titles.upsertMany([
    { divisionCode: FUMIN, title: 'DEMO_COUNTY', granted: 2022, withdrawn: null, source: 'DEMO-2019-2021' },
    { divisionCode: WUHUA, title: 'DEMO_COUNTY', granted: 2022, withdrawn: null, source: 'DEMO-2019-2021' },
  ]);
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  wuhua = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

const w = () => ctx.services.titleWatch;

describe('early warning', () => {
  it('lists the holder whose automatic total is below the pass line, and not the one that meets every item', async () => {
    const a = await w().earlyWarning(yunnan, 'DEMO_COUNTY', '2024', '5301');
    expect(a.holders).toBe(2);
    expect(a.items.map((i) => i.subjectCode)).toEqual([FUMIN]);
    expect(a.items[0]).toMatchObject({ subjectName: '富民县', granted: 2022, reviewDue: 2025, withdrawn: null, passLine: 85 });
    expect(a.items[0].automaticTotal).toBeLessThan(85);
  });

  it('a county sees its own area only', async () => {
    await expect(w().earlyWarning(wuhua, 'DEMO_COUNTY', '2024', FUMIN)).rejects.toMatchObject({ code: 'E2102' });
    expect((await w().earlyWarning(wuhua, 'DEMO_COUNTY', '2024')).items).toEqual([]);
  });
});

describe('re-review', () => {
  it('is the nation’s, with a note, for a unit holding the title', async () => {
    await expect(w().reReview(yunnan, 'DEMO_COUNTY', FUMIN, 2025, false, '复审未通过')).rejects.toMatchObject({ code: 'E2102' });
    await expect(w().reReview(nation, 'DEMO_COUNTY', FUMIN, 2025, false, ' ')).rejects.toMatchObject({ code: 'E7012' });
    const [other] = (await ctx.store.repos.divisions.children('5301')).filter((d) => d.code !== FUMIN && d.code !== WUHUA);
    await expect(w().reReview(nation, 'DEMO_COUNTY', other.code, 2025, false, '复审未通过')).rejects.toMatchObject({ code: 'E7017' });
  });

  it('a failed re-review withdraws the title with the year, and the 14th indicator stops counting it from then', async () => {
    expect(await w().reReview(nation, 'DEMO_COUNTY', FUMIN, 2025, false, '复审总分低于合格线')).toMatchObject({ divisionCode: FUMIN, granted: 2022, withdrawn: 2025 });
    const count = async (period: string) => (await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: [period], area: FUMIN, indicators: ['demonstration_county_share'] }))[0].numerator;
    expect(await count('2024')).toBe(1);
    expect(await count('2025')).toBe(0);
    const { items } = await ctx.services.audit.list(SYSTEM_ACTOR, { entity: 'division_title' }, 1, 10);
    expect(items.map((e) => e.action)).toContain('withdraw');
  });

  it('a passed re-review keeps the title', async () => {
    expect(await w().reReview(nation, 'DEMO_COUNTY', WUHUA, 2025, true, '复审通过')).toMatchObject({ divisionCode: WUHUA, withdrawn: null });
  });
});
