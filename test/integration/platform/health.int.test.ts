/**
 * The load balancer's checks on either store: live answers for the process; ready answers 200
 * with the store's round trip, no pending migration and the analytics engine's state and lag.
 * (Not ready while the database is down: db-faults.int.test.ts, through a proxy.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { testApp } from '../../support/builders/index.js';
import { createTestContext, STORE, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await testApp(ctx);
});

afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

describe('health checks', () => {
  it('live names the process without touching the store, and needs no login', async () => {
    const r = await app.inject({ url: '/api/health/live' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, pid: process.pid });
  });

  it('ready reports the store, the migrations and an engine not yet started', async () => {
    const r = await app.inject({ url: '/api/health/ready' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ready: true, store: { dialect: STORE, ok: true }, migrations: { ok: true, pending: [] }, analytics: { state: 'starting' } });
  });

  it('ready gives the engine lag once it has caught up', async () => {
    await ctx.engine.start(0);
    await ctx.engine.sync();
    const body = (await app.inject({ url: '/api/health/ready' })).json();
    expect(body.analytics.state).toBe('ready');
    expect(body.analytics.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(body.analytics.lagSeconds).toBeLessThan(60);
  });
});
