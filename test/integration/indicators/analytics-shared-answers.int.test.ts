/**
 * Shared answers: sessions asking the engine the same question between two changes share one
 * computation — and a change (here a report stored through the repository, as an import on
 * another node would) is in the very next answer, never hidden behind the shared one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area } from '../../../src/domain/scope.js';
import { childrenOf, createTestFacility, createTestReport, villageOf } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
const FUMIN: Area = { level: 3, code: '530124' } as Area;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.engine.start(0);
}, 120_000);
afterAll(async () => ctx?.dispose());

const vcService = () => ctx.metadata.indicator('vc_tcm_service');
const fuminRow = async () => (await ctx.engine.values([vcService()], ['2024'], FUMIN, 3)).find((r) => r.area === '530124');

describe('shared analytics answers', () => {
  it('gives callers asking the same question between changes one answer, computed once', async () => {
    const [a, b] = await Promise.all([ctx.engine.values([vcService()], ['2024'], FUMIN, 3), ctx.engine.values([vcService()], ['2024'], FUMIN, 3)]);
    expect(b).toBe(a);
    expect(await ctx.engine.values([vcService()], ['2024'], FUMIN, 3)).toBe(a);
  });

  it('answers afresh once a report is stored, with the report counted', async () => {
    const before = (await fuminRow())!;
    const townships = await childrenOf(ctx, '530124');
    const clinic = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, townships[0]) });
    await createTestReport(ctx, { facility: clinic, period: '2024', values: { provides_tcm: true, physicians: 1, visits: 10 } });
    const after = (await fuminRow())!;
    expect(after.denominator).toBe(before.denominator + 1);
    expect(after.numerator).toBe(before.numerator + 1);
  });

  it('keeps different questions apart', async () => {
    const county = await ctx.engine.values([vcService()], ['2024'], FUMIN, 3);
    const townships = await ctx.engine.values([vcService()], ['2024'], FUMIN, 4);
    expect(townships).not.toBe(county);
    expect(new Set(townships.map((r) => r.area)).size).toBeGreaterThan(1);
  });
});
