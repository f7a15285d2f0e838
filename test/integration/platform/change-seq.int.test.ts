/**
 * Writers that do not queue behind one row, and an engine that still misses nothing. On
 * PostgreSQL two transactions take change numbers side by side; the one with the lower numbers
 * may commit last. The engine must apply the later one at once, keep its watermark below the
 * open one, and after both are in, equal a full rebuild. (SQLite has one writer at a time: there
 * the second writer waits, and numbers commit in order — the first test says so.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { childrenOf, createTestFacility, villageOf } from '../../support/builders/index.js';
import { createTestContext, STORE, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.engine.start(0);
}, 120_000);
afterAll(async () => ctx?.dispose());

function reportOf(f: Facility, tcmVisits: number): Report {
  const at = ctx.clock.now().toISOString();
  return {
    dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: f.code, values: { provides_tcm: true, visits: 100, tcm_visits: tcmVisits } as never, status: 'SUBMITTED',
    approvalLevel: null, submittedAt: at, comment: null, returnReason: null, approvedAt: null, approvedBy: null, createdAt: at, updatedAt: at, updatedBy: 'test',
  };
}

let n = 0;
async function testClinic(): Promise<Facility> {
  const townships = await childrenOf(ctx, '530124');
  return createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, townships[n++ % townships.length]) });
}

/** The engine's tcm_visits for the facility's 2024 report (undefined: no report in the tables). */
async function engineVisits(code: string): Promise<unknown> {
  const rows = await ctx.engine.facilityFacts(code);
  return rows.find((r) => r.period === '2024')?.tcm_visits;
}

/** A transaction that writes a report and stays open until `commit()` is called. */
function openWriter(r: Report): { written: Promise<number>; commit: () => void; done: Promise<void> } {
  let commit!: () => void;
  let written!: (seq: number) => void;
  const gate = new Promise<void>((resolve) => (commit = resolve));
  const w = new Promise<number>((resolve) => (written = resolve));
  const done = ctx.store.transaction(async (repos) => {
    await repos.reports.upsert(r);
    written(await repos.changes.current());
    await gate;
  });
  return { written: w, commit, done };
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms))]);
}

const values = () => ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], level: 'township' });

describe.skipIf(STORE !== 'postgres')('change sequence on PostgreSQL', () => {
  it('a second writer commits while the first, holding lower numbers, is still open', async () => {
    const [fa, fb] = [await testClinic(), await testClinic()];
    await ctx.engine.sync();
    const a = openWriter(reportOf(fa, 11));
    await within(a.written, 5_000, 'first writer');
    // Before: the counter row stayed locked until the first writer committed, and this waited.
    await within(ctx.store.transaction((repos) => repos.reports.upsert(reportOf(fb, 22))), 5_000, 'second writer');
    a.commit();
    await a.done;
  });

  it('the engine applies the later commit at once and does not pass the open transaction', async () => {
    const [fa, fb] = [await testClinic(), await testClinic()];
    await ctx.engine.sync();
    const a = openWriter(reportOf(fa, 13));
    const seqA = await a.written;
    await ctx.store.transaction((repos) => repos.reports.upsert(reportOf(fb, 27)));
    await ctx.engine.sync();
    expect(await engineVisits(fb.code)).toBe(27);
    expect(ctx.engine.seq).toBeLessThan(seqA);
    a.commit();
    await a.done;
    await ctx.engine.sync();
    expect(await engineVisits(fa.code)).toBe(13);
    expect(ctx.engine.seq).toBeGreaterThanOrEqual(seqA);
  });

  it('after out-of-order commits the caught-up tables equal a rebuild', async () => {
    const [fa, fb, fc] = [await testClinic(), await testClinic(), await testClinic()];
    await ctx.engine.sync();
    const a = openWriter(reportOf(fa, 31));
    await a.written;
    const b = openWriter(reportOf(fb, 32));
    await b.written;
    await ctx.store.transaction((repos) => repos.reports.upsert(reportOf(fc, 33)));
    await ctx.engine.sync();
    b.commit();
    await b.done;
    await ctx.engine.sync();
    a.commit();
    await a.done;
    await ctx.engine.sync();
    const synced = await values();
    await ctx.engine.rebuild();
    expect(synced).toEqual(await values());
  });

  it('a rolled-back writer does not hold the horizon back', async () => {
    const f = await testClinic();
    await expect(
      ctx.store.transaction(async (repos) => {
        await repos.reports.upsert(reportOf(f, 5));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const handed = await ctx.store.repos.changes.current();
    expect(await ctx.store.repos.changes.horizon()).toBe(handed);
    await ctx.engine.sync();
    expect(ctx.engine.seq).toBe(handed);
    expect(await engineVisits(f.code)).toBeUndefined();
  });
});

describe.skipIf(STORE !== 'sqlite')('change sequence on SQLite', () => {
  it('the horizon is the counter, and the engine reaches it after a write', async () => {
    const f = await testClinic();
    await ctx.store.transaction((repos) => repos.reports.upsert(reportOf(f, 9)));
    const handed = await ctx.store.repos.changes.current();
    expect(await ctx.store.repos.changes.horizon()).toBe(handed);
    await ctx.engine.sync();
    expect(ctx.engine.seq).toBe(handed);
    expect(await engineVisits(f.code)).toBe(9);
  });
});
