/** The demo's supervision: the 2024 plan handed down with lights of every colour, and an inbox with entries for every demo user. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/server/platform/init/init.service.js';
import { resolveScope } from '../../../src/server/platform/access/scope.service.js';
import type { Role } from '../../../src/domain/user.js';
import { loadSupervisionDemo } from '../../../src/server/modules/supervision/supervision.demo.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

describe('the demo', () => {
  it('carries seed 001’s 13 work points as the nation’s 2024 plan, handed down, with lights of every colour', async () => {
    const [plan] = (await ctx.store.repos.supervision.plans(null)).filter((p) => p.year === 2024);
    expect(plan?.items).toHaveLength(13);
    const views = await ctx.services.supervisionTasks.views(ctx.store.repos, await ctx.store.repos.supervision.tasks(null, { planId: plan!.id }));
    expect(new Set(views.map((v) => v.light))).toEqual(new Set(['red', 'yellow', 'blue', 'green', 'done']));
    expect(views.some((v) => v.leadArea === '530102')).toBe(true);
  });

  it('gives every demo user an inbox with entries', async () => {
    for (const u of DEMO_USERS) {
      const { scope } = await resolveScope(ctx.store.repos, u.scopeCode);
      const inbox = await ctx.services.inbox.summary({ username: u.username, role: u.role as Role, scope });
      expect(inbox.entries.length, u.username).toBeGreaterThan(0);
    }
  });

  it('is idempotent: loading it again adds nothing', async () => {
    const before = (await ctx.store.repos.supervision.tasks(null)).length;
    await loadSupervisionDemo(ctx.services, ctx.store, ctx.clock, 1, () => {});
    expect((await ctx.store.repos.supervision.tasks(null)).length).toBe(before);
  });
});
