/**
 * Jobs are claimed from the job table with a row lock: two nodes on one store, polling together,
 * run each job exactly once; the schedule survives a restart (it is in the table, not a timer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../../src/server/platform/context.js';
import { nextSlot } from '../../../src/server/platform/jobs/job-runner.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let a: TestContext;
let b: AppContext;
const runs: { node: string; at: string }[] = [];

beforeAll(async () => {
  a = await createTestContext({ demo: false, init: false });
  b = await createContext(a.config, { clock: a.clock }); // a second node on the same store
  for (const [ctx, node] of [[a, 'A'], [b, 'B']] as const)
    ctx.services.jobs.register({
      kind: 'test.count',
      everyMinutes: 1,
      run: async (now) => {
        runs.push({ node, at: now.toISOString() });
        await new Promise((r) => setTimeout(r, 20)); // long enough for the other node to try the same job
        return 'ok';
      },
    });
}, 120_000);
afterAll(async () => {
  await b?.close();
  await a?.dispose();
});

describe('jobs on two nodes', () => {
  it('each due job runs exactly once, whichever node claims it', async () => {
    for (let m = 0; m < 10; m++) await a.store.repos.jobs.schedule('test.count', new Date(Date.UTC(2025, 0, 14, 0, m)).toISOString());
    const [ra, rb] = await Promise.all([a.services.jobs.runDue(), b.services.jobs.runDue()]);
    const ranIds = [...ra, ...rb].map((j) => j.id);
    expect(new Set(ranIds).size).toBe(ranIds.length);
    expect(runs.length).toBe(ranIds.length);
    const jobs = (await a.store.repos.jobs.list('test.count')).filter((j) => j.runAt < '2025-01-15');
    expect(jobs).toHaveLength(10);
    expect(jobs.every((j) => j.state === 'done' && j.attempts === 1)).toBe(true);
  });

  it('scheduling the same slot on both nodes leaves one row', async () => {
    const slot = nextSlot(a.clock.now(), 1440);
    await Promise.all([a.store.repos.jobs.schedule('test.daily', slot), b.store.repos.jobs.schedule('test.daily', slot)]);
    expect((await a.store.repos.jobs.list('test.daily')).length).toBe(1);
  });

  it('a job left running by a node that died is claimed again after its lease', async () => {
    await a.store.repos.jobs.schedule('test.count', '2025-01-01T05:00:00.000Z');
    const claimed = await a.store.repos.jobs.claim('dead-node', a.clock.now().toISOString(), '2000-01-01T00:00:00.000Z');
    expect(claimed?.runAt).toBe('2025-01-01T05:00:00.000Z');
    expect((await b.services.jobs.runDue()).some((j) => j.id === claimed!.id)).toBe(false);
    a.clock.advanceMinutes(31);
    expect((await b.services.jobs.runDue()).some((j) => j.id === claimed!.id)).toBe(true);
  });

  it('finished runs older than a week are forgotten when the kind runs again; newer ones kept', async () => {
    await a.store.repos.jobs.schedule('test.count', '2024-12-01T00:00:00.000Z');
    await a.services.jobs.runDue(); // runs the old slot; the prune after it keeps what ran within the week
    const runAts = (await a.store.repos.jobs.list('test.count')).map((j) => j.runAt);
    expect(runAts.some((r) => r < '2025-01-08')).toBe(false);
    expect(runAts.some((r) => r >= '2025-01-08')).toBe(true);
  });

  it('the supervision kinds are registered on every node', () => {
    for (const ctx of [a, b]) expect(ctx.services.jobs.registered).toEqual(expect.arrayContaining(['supervision.escalate', 'supervision.remind', 'notify.outbound', 'test.count']));
  });
});
