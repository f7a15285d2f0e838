/** The demo carries the 2022—2024 cycle in progress: each demo user finds work waiting at its own level. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ areas: ['530102', '530124'] });
}, 180_000);
afterAll(async () => {
  await ctx?.dispose();
});

const actor = (u: string) => ctx.services.auth.actorFor(u);

describe('the demo cycle', () => {
  it('wuhua finds its self-assessment begun and is the one to act on it', async () => {
    const [app] = await ctx.services.reviews.list(await actor('wuhua'), 'DEMO-2022-2024');
    expect(app).toMatchObject({ subjectCode: '530102', stage: 'SELF' });
    const view = await ctx.services.reviews.view(await actor('wuhua'), app.id);
    expect(view.canAct).toBe(true);
    expect(view.items.filter((i) => i.stages.SELF).map((i) => i.code)).toEqual(['A1', 'A2']);
  });

  it('yunnan finds 富民县 waiting for the provincial review, self-assessed', async () => {
    const apps = await ctx.services.reviews.list(await actor('yunnan'), 'DEMO-2022-2024', 'PROVINCE');
    expect(apps.map((a) => a.subjectName)).toEqual(['富民县']);
    const view = await ctx.services.reviews.view(await actor('yunnan'), apps[0].id);
    expect(view.canAct).toBe(true);
    expect(view.totals.SELF?.missing).toEqual([]);
  });

  it('neither holds the title from before: they are creating', async () => {
    expect(await ctx.store.repos.titles.list({ level: 2, code: '5301' }, 'DEMO_COUNTY')).toEqual([]);
  });
});

describe('the demo’s on-site review', () => {
  let other: TestContext;
  beforeAll(async () => {
    // Two provinces whose demo units reach the national review (浙江, 山东), and 北京 for the expert pool.
    other = await createTestContext({ areas: ['110101', '330102', '370102'] });
  }, 180_000);
  afterAll(async () => {
    await other?.dispose();
  });

  it('the demo user expert finds a sampled unit assigned to them, its checklist begun, and may go on with it', async () => {
    const expert = await other.services.auth.actorFor('expert');
    const sample = await other.services.onsite.sample(expert, 'DEMO-2022-2024');
    expect(sample.length).toBeGreaterThan(0);
    const begun = sample.find((s) => s.checked > 0)!;
    const list = await other.services.onsite.checklist(expert, begun.applicationId);
    expect(list.canCheck).toBe(true);
    const after = await other.services.onsite.check(expert, begun.applicationId, [{ item: 'F1', result: 'MET' }]);
    expect(after.items.filter((i) => i.check).length).toBe(begun.checked + 1);
  });

  it('the provincial reviewer yn_review acts on yunnan’s applications', async () => {
    const apps = await ctx.services.reviews.list(await actor('yn_review'), 'DEMO-2022-2024', 'PROVINCE');
    expect((await ctx.services.reviews.view(await actor('yn_review'), apps[0].id)).canAct).toBe(true);
  });
});
