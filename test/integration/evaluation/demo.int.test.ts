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
