/**
 * GET /api/analytics/status: while the tables build, the engine says so with the share of rows
 * read (rising to 100) — what the waiting pages show instead of a bare spinner — and answers at
 * once; built, it is ready.
 */
import { setImmediate as turn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsEngine } from '../../../src/server/modules/indicators/engine/analytics-engine.js';
import { createTestUserSession, testApp } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ areas: ['530102'] });
});
afterAll(async () => {
  await ctx?.dispose();
});

describe('the engine while it builds', () => {
  it('says it is building, with a share of rows read that rises to 100, then that it is ready', async () => {
    const engine = new AnalyticsEngine(ctx.store, ctx.metadata, { file: null });
    const seen: { state: string; percent: number | null }[] = [];
    let done = false;
    const started = engine.start(0).then(() => (done = true));
    while (!done) {
      seen.push(engine.status());
      await turn();
    }
    await started;
    const building = seen.filter((s) => s.state === 'building');
    expect(building.length).toBeGreaterThan(0);
    const shares = building.map((s) => s.percent!);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(engine.status()).toMatchObject({ state: 'ready', percent: 100 });
    engine.stop();
  });

  it('is answered over HTTP to an official', async () => {
    const app = await testApp(ctx);
    try {
      const { client } = await createTestUserSession(ctx, app, { role: 'VIEWER', scopeCode: '530102' });
      await ctx.engine.start(0);
      const r = await client.get('/api/analytics/status');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ state: 'ready', percent: 100 });
    } finally {
      await app.close();
    }
  });
});
