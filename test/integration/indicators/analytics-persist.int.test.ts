/**
 * The engine's tables persist in a DuckDB file with their watermark: a new process on the same
 * store only catches up (and sees what was written while it was down); a file from another
 * store, ahead of the store (a restored backup), or unreadable is not trusted — the engine
 * rebuilds, or keeps its tables in memory — and the values always equal the reference.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, rmSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalyticsEngine } from '../../../src/server/modules/indicators/engine/analytics-engine.js';
import { createContext, type AppContext } from '../../../src/server/platform/context.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { aligned, countsOf, reference, snapshot } from '../../support/analytics-reference.js';
import { createTestFacility } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const PERIODS = ['2023', '2024'];
const open: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0).reverse()) await c.dispose();
});

async function fresh(): Promise<TestContext> {
  const ctx = await createTestContext({ areas: ['530124'] });
  open.push(ctx);
  return ctx;
}

/** A second process on the same store: a new context over the same configuration. */
async function reopened(ctx: TestContext): Promise<{ ctx: AppContext; log: string[] }> {
  const again = await createContext(ctx.config, { clock: ctx.clock });
  open.push({ dispose: () => again.close() });
  const log: string[] = [];
  again.engine.setLogger((msg) => log.push(msg));
  return { ctx: again, log };
}

async function expectReference(ctx: AppContext & Pick<TestContext, 'store'>) {
  const rows = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: PERIODS, level: 'township' });
  const ref = reference(await snapshot(ctx as TestContext, PERIODS), PERIODS, 4);
  const { actual, expected } = aligned(countsOf(rows), ref);
  expect(actual).toEqual(expected);
}

async function addVillageClinic(ctx: AppContext & { clock: TestContext['clock'] }) {
  const [township] = await ctx.store.repos.divisions.children('530124');
  const [village] = (await ctx.store.repos.divisions.children(township.code)).map((d) => d.code);
  const f = await createTestFacility(ctx as TestContext, { type: 'VC', divisionCode: village });
  await ctx.services.reports.save(SYSTEM_ACTOR, 'GTCM_ANNUAL', '2024', f.code, { provides_tcm: true, visits: 10, tcm_visits: 5 });
  return f;
}

/** Another process that opens the DuckDB file and keeps it (and its lock) until killed. */
async function holdDuckDbFile(file: string): Promise<ChildProcess> {
  const code = `import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(${JSON.stringify(file)}); await i.connect(); console.log('holding'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('holding') && resolve());
    child.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
  });
  return child;
}

describe('a persisted engine', () => {
  it('a restart opens the file and catches up with what was written meanwhile', async () => {
    const ctx = await fresh();
    await ctx.engine.start(0);
    expect(existsSync(ctx.config.analyticsFile!)).toBe(true);
    await ctx.engine.values([], ['2024'], { level: 0, code: 'CN' }, 0); // ready
    const before = (await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], area: '530124', indicators: ['vc_tcm_service'] }))[0];
    ctx.engine.stop();

    await addVillageClinic(ctx); // written while no engine runs

    const b = await reopened(ctx);
    expect(await b.ctx.engine.persisted()).toBe(true);
    const after = (await b.ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2024'], area: '530124', indicators: ['vc_tcm_service'] }))[0];
    expect(b.log.some((l) => l.includes('analytics tables opened'))).toBe(true);
    expect(b.log.some((l) => l.includes('rebuilt'))).toBe(false);
    expect([after.numerator, after.denominator]).toEqual([before.numerator + 1, before.denominator + 1]);
    await expectReference(b.ctx);
  });

  it('beside another process holding the file (the CLI beside a running server): a copy is read and only caught up, then removed', async () => {
    const ctx = await fresh();
    await ctx.engine.start(0);
    ctx.engine.stop();
    await addVillageClinic(ctx); // written after the file's watermark
    const file = ctx.config.analyticsFile!;
    const holder = await holdDuckDbFile(file);
    try {
      const b = await reopened(ctx);
      await b.ctx.engine.start(0);
      expect(b.log.some((l) => l.includes('reading a copy'))).toBe(true);
      expect(b.log.some((l) => l.includes('analytics tables opened'))).toBe(true);
      expect(b.log.some((l) => l.includes('rebuilt') || l.includes('using memory'))).toBe(false);
      await expectReference(b.ctx);
      b.ctx.engine.stop();
      expect(readdirSync(dirname(file)).filter((n) => n.startsWith(`${basename(file)}.copy-`))).toEqual([]);
    } finally {
      holder.kill();
    }
  });

  it('a file built from another store is rebuilt', async () => {
    const one = await fresh();
    await one.engine.start(0);
    one.engine.stop();
    const two = await fresh();
    copyFileSync(one.config.analyticsFile!, two.config.analyticsFile!);
    const b = await reopened(two);
    expect(await b.ctx.engine.persisted()).toBe(false);
    await b.ctx.engine.start(0);
    expect(b.log.some((l) => l.includes('does not fit'))).toBe(true);
    expect(b.log.some((l) => l.includes('rebuilt'))).toBe(true);
    await expectReference(b.ctx);
  });

  it('a file ahead of the store (a restored backup) is rebuilt', async () => {
    const ctx = await fresh();
    await ctx.engine.start(0);
    ctx.engine.stop();
    // The store goes back in time (as after restoring an older backup): its change counter (on
    // PostgreSQL its sequence) falls below the file's watermark. No service does this, so the
    // test reaches the store's connection.
    const db = (ctx.store as unknown as { database: { db: Parameters<ReturnType<typeof sql>['execute']>[0] } }).database.db;
    if (ctx.store.dialect === 'postgres') await sql`select setval('change_seq', 1)`.execute(db);
    else await sql`update change_counter set value = 1 where id = 1`.execute(db);
    const b = await reopened(ctx);
    expect(await b.ctx.engine.persisted()).toBe(false);
    await b.ctx.engine.start(0);
    expect(b.log.some((l) => l.includes('rebuilt'))).toBe(true);
    await expectReference(b.ctx);
  });

  it('an unreadable file leaves the engine in memory, with a log line, and the values right', async () => {
    const ctx = await fresh();
    writeFileSync(ctx.config.analyticsFile!, 'not a duckdb file '.repeat(1000));
    const b = await reopened(ctx);
    await b.ctx.engine.start(0);
    expect(b.log.some((l) => l.includes('using memory'))).toBe(true);
    await expectReference(b.ctx);
  });

  it('a build left behind by a process that died is removed; a live one is left alone', async () => {
    const ctx = await fresh();
    const file = ctx.config.analyticsFile!;
    // This context's engine started at init (the demo's evaluation scores from it): stopped and its file removed, the next start builds anew.
    ctx.engine.stop();
    rmSync(file, { force: true });
    const dead = `${file}.building-999999999`;
    const live = `${file}.building-${process.ppid}`;
    writeFileSync(dead, 'half a build');
    writeFileSync(live, 'another process building');
    const b = await reopened(ctx);
    await b.ctx.engine.start(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(file)).toBe(true);
  });

  it('without a file (GTCM_ANALYTICS_FILE=memory) nothing is written to the data directory', async () => {
    const ctx = await fresh();
    // The demo's engine (started at init for the evaluation's demo) wrote its file: stopped and removed, it is out of the way.
    ctx.engine.stop();
    rmSync(ctx.config.analyticsFile!, { force: true });
    const engine = new AnalyticsEngine(ctx.store, ctx.metadata, { file: null });
    await engine.start(0);
    expect(await engine.persisted()).toBe(false);
    expect(existsSync(ctx.config.analyticsFile!)).toBe(false);
    engine.stop();
  });
});
