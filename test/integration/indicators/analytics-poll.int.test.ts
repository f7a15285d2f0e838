/**
 * The engine's poll for changes: a failing catch-up (the store unreachable) is logged once, the
 * poll backs off (1 s, doubling, at most 30 s) instead of retrying four times a second, and the
 * recovery is logged once, after which it polls at its own pace again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalyticsEngine } from '../../../src/server/modules/indicators/engine/analytics-engine.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let engine: AnalyticsEngine;
const logs: string[] = [];

beforeEach(async () => {
  ctx = await createTestContext({ demo: false });
  engine = new AnalyticsEngine(ctx.store, ctx.metadata, { file: null });
  logs.length = 0;
  engine.setLogger((msg) => logs.push(msg));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await engine.start(250);
});

afterEach(async () => {
  engine.stop();
  vi.useRealTimers();
  await ctx?.dispose();
});

/**
 * Makes the next `n` catch-ups fail, the later ones succeed at once (the poll's pace is the
 * subject, not the catch-up: a real one waits on the store's I/O, which fake timers do not
 * advance), and counts every attempt.
 */
function failing(n: number): { attempts: () => number } {
  let calls = 0;
  vi.spyOn(engine, 'sync').mockImplementation(() => (++calls <= n ? Promise.reject(new Error('connection terminated')) : Promise.resolve()));
  return { attempts: () => calls };
}

describe('the analytics poll', () => {
  it('polls every 250 ms while the store answers', async () => {
    const f = failing(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(f.attempts()).toBe(4);
  });

  it('backs off after a failure: the attempts of one minute are few, not 240', async () => {
    const f = failing(Infinity);
    await vi.advanceTimersByTimeAsync(60_000);
    // at 0.25 s, then 1 s, 2 s, 4 s, 8 s and 16 s later (31.25 s); the next waits 30 s (61.25 s).
    expect(f.attempts()).toBe(6);
  });

  it('logs the failure once, however often it fails, and says what failed', async () => {
    failing(Infinity);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(logs.filter((m) => m.includes('backing off'))).toHaveLength(1);
  });

  it('logs the recovery once and returns to its own pace', async () => {
    const f = failing(3);
    await vi.advanceTimersByTimeAsync(250 + 1_000 + 2_000 + 4_000); // three failures, then a success
    expect(logs.filter((m) => m.includes('caught up again'))).toHaveLength(1);
    const before = f.attempts();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(f.attempts() - before).toBe(4);
  });
});
