/**
 * Reporting periods (GET /api/periods, PeriodService): the periods to pick from come from the
 * metadata (firstPeriod) and the calendar in Beijing time, plus any period holding reports; the
 * period being collected is the last ended one; figure pages open on the latest period with data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestFacility, createTestReport, createTestUserSession, testApp } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ demo: false }); // the clock stands at 2025-01-15
});
afterEach(async () => {
  await ctx?.dispose();
});

const codes = (a: { periods: { code: string }[] }) => a.periods.map((p) => p.code);
const aYear = 365 * 24 * 60;

describe('the reporting periods of the default data set', () => {
  it('run from the first period of the metadata to the last ended year', async () => {
    const a = await ctx.services.periods.list();
    expect(a).toMatchObject({ dataSet: 'GTCM_ANNUAL', periodType: 'YEARLY', collecting: '2024' });
    expect(codes(a)).toEqual(['2021', '2022', '2023', '2024']);
  });

  it('move on with the calendar, with no code or list to change', async () => {
    ctx.clock.advanceMinutes(aYear);
    const a = await ctx.services.periods.list();
    expect(a.collecting).toBe('2025');
    expect(codes(a).at(-1)).toBe('2025');
  });

  it('carry their deadline from the metadata (3 months after the period) and are open up to the collecting one', async () => {
    const a = await ctx.services.periods.list();
    expect(a.periods.find((p) => p.code === '2024')).toEqual({ code: '2024', deadline: '2025-03-31', open: true, hasData: false });
  });

  it('open figure pages on the latest period holding reports', async () => {
    const f = await createTestFacility(ctx, { type: 'VC', divisionCode: '530102001001' });
    await createTestReport(ctx, { facility: f, period: '2022' });
    const a = await ctx.services.periods.list();
    expect(a.figures).toBe('2022');
    expect(a.periods.filter((p) => p.hasData).map((p) => p.code)).toEqual(['2022']);
  });

  it('open figure pages on the collecting period while no report exists', async () => {
    expect((await ctx.services.periods.list()).figures).toBe('2024');
  });

  it('include a period that holds reports although it lies before the first period', async () => {
    const f = await createTestFacility(ctx, { type: 'VC', divisionCode: '530102001001', opened: '2010-01-01' });
    await createTestReport(ctx, { facility: f, period: '2019' });
    expect(codes(await ctx.services.periods.list())).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('are answered over HTTP to any logged-in user', async () => {
    const app = await testApp(ctx);
    try {
      const { client } = await createTestUserSession(ctx, app, { role: 'VIEWER', scopeCode: '530102' });
      const r = await client.get('/api/periods');
      expect(r.status).toBe(200);
      expect(r.body.collecting).toBe('2024');
      expect(codes(r.body)).toEqual(['2021', '2022', '2023', '2024']);
    } finally {
      await app.close();
    }
  });

  it('refuse an unknown data set (E1104)', async () => {
    await expect(ctx.services.periods.list('NOPE')).rejects.toMatchObject({ code: 'E1104' });
  });
});
