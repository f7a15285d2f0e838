/** The demo's assistance on the fixture (云南省, three counties of 昆明市): tertiary hospitals in 昆明’s districts, pairings, tours, bases with trainings; the indicators see them; loading again adds nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { NATION_AREA } from '../../../src/domain/scope.js';
import { loadAssistanceDemo } from '../../../src/server/modules/assistance/assistance.demo.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  await ctx.engine.start(0);
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

const countOf = async (type: 'TERTIARY_TCM_HOSPITAL' | 'COUNTY_TCM_HOSPITAL') => {
  let n = 0;
  for await (const _ of ctx.store.repos.facilities.iterate({ area: NATION_AREA, types: [type] })) n++;
  return n;
};

describe('the assistance demo', () => {
  it('registers tertiary TCM hospitals in the capital’s districts', async () => {
    const list = [];
    for await (const f of ctx.store.repos.facilities.iterate({ area: NATION_AREA, types: ['TERTIARY_TCM_HOSPITAL'] })) list.push(f);
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.every((f) => f.divisionCode.startsWith('5301'))).toBe(true);
  });

  it('pairs county TCM hospitals, with yearly figures and assessments', async () => {
    const { items } = await ctx.services.pairings.list(SYSTEM_ACTOR, {}, 1, 200);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((p) => p.lastAssessment !== null)).toBe(true);
  });

  it('holds tours visiting the fixture’s counties and bases with 2023–2024 trainings', async () => {
    const tours = await ctx.services.tours.tours(SYSTEM_ACTOR);
    expect(tours).toHaveLength(12);
    const units = await ctx.services.capacity.list(SYSTEM_ACTOR, { kind: 'TECH_BASE' }, 1, 200);
    expect(units.items.some((u) => u.areaCode === '53' && u.trainings > 0)).toBe(true);
  });

  it('reaches county_hospital_paired_rate for 云南省', async () => {
    await ctx.engine.sync();
    const [row] = await ctx.services.analytics.values(SYSTEM_ACTOR, { indicators: ['county_hospital_paired_rate'], periods: ['2024'], area: '53' });
    expect(row!.numerator).toBeGreaterThan(0);
  });

  it('is idempotent: loading it again adds nothing', async () => {
    const before = [await countOf('TERTIARY_TCM_HOSPITAL'), (await ctx.services.pairings.list(SYSTEM_ACTOR, {}, 1, 1)).total, (await ctx.services.capacity.list(SYSTEM_ACTOR, {}, 1, 1)).total];
    await loadAssistanceDemo(ctx.store, ctx.clock, 1, () => {});
    expect([await countOf('TERTIARY_TCM_HOSPITAL'), (await ctx.services.pairings.list(SYSTEM_ACTOR, {}, 1, 1)).total, (await ctx.services.capacity.list(SYSTEM_ACTOR, {}, 1, 1)).total]).toEqual(before);
  });
});
