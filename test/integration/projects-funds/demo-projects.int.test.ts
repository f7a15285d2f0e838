/** The demo's projects and funds: projects of the facility types, funded and partly spent, self-evaluated, and the indicators that read them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { loadProjectsFundsDemo } from '../../../src/server/modules/projects-funds/projects-funds.demo.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

describe('the demo', () => {
  it('holds projects of the types whose subjects the store has, each in a province it manages', async () => {
    const ps = await ctx.store.repos.projects.projects(null);
    expect(new Set(ps.map((p) => p.type))).toEqual(new Set(['TWO_SPECIALTIES_ONE_CENTRE', 'TCM_SPECIALTY', 'TCM_HALL', 'FAMOUS_DOCTOR_HALL']));
    expect(ps.every((p) => p.areaCode.startsWith(p.managerArea))).toBe(true);
  });

  it('allocates each province\'s funds to its projects and spends part of them, never beyond the demo\'s day', async () => {
    const ex = await ctx.services.funds.execution(SYSTEM_ACTOR, { area: '53', year: 2024 });
    expect(Number(ex.total.allocated)).toBeGreaterThan(0);
    expect(ex.total.rate).toBeGreaterThan(0);
    expect(ex.total.rate).toBeLessThanOrEqual(1);
    const today = ctx.clock.now().toISOString().slice(0, 10);
    expect((await ctx.store.repos.projects.spendings(null)).every((s) => s.spentOn <= today)).toBe(true);
  });

  it('feeds fund_execution_rate and project_on_schedule_rate', async () => {
    await ctx.services.engine.sync();
    const rows = await ctx.services.analytics.values(SYSTEM_ACTOR, { indicators: ['fund_execution_rate', 'project_on_schedule_rate'], periods: ['2024'], area: '53' });
    expect(rows.find((r) => r.indicator === 'fund_execution_rate')?.denominator).toBeGreaterThan(0);
    expect(rows.find((r) => r.indicator === 'project_on_schedule_rate')?.denominator).toBeGreaterThan(0);
  });

  it('is idempotent: loading it again adds nothing', async () => {
    const before = (await ctx.store.repos.projects.projects(null)).length;
    await loadProjectsFundsDemo(ctx.services, ctx.store, ctx.clock, 1, () => {});
    expect((await ctx.store.repos.projects.projects(null)).length).toBe(before);
  });
});
