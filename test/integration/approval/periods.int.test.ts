/**
 * Reporting periods (GET /api/periods, PeriodService): the periods to pick from come from the
 * metadata (firstPeriod) and the calendar in Beijing time, plus any period holding reports; the
 * period being collected is the last ended one; figure pages open on the newest period whose
 * reporting in the caller's scope is complete enough — a handful of early reports does not flip them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { createTestActor, createTestFacility, createTestReport, createTestUserSession, testApp } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let nation: Actor;
let county: Actor;
beforeEach(async () => {
  ctx = await createTestContext({ demo: false }); // the clock stands at 2025-01-15; no facility, no report
  nation = await createTestActor(ctx, { role: 'VIEWER', scopeCode: 'CN' });
  county = await createTestActor(ctx, { role: 'VIEWER', scopeCode: '530102' });
});
afterEach(async () => {
  await ctx?.dispose();
});

const codes = (a: { periods: { code: string }[] }) => a.periods.map((p) => p.code);
const aYear = 365 * 24 * 60;

/** `n` village clinics of 五华区 (or of 富民县), open since 2010. */
async function clinics(n: number, county = '530102'): Promise<Facility[]> {
  const township = county === '530102' ? '530102001' : '530124001';
  return Promise.all(Array.from({ length: n }, () => createTestFacility(ctx, { type: 'THC', divisionCode: township, opened: '2010-01-01' })));
}

async function reportAll(fs: Facility[], period: string) {
  for (const f of fs) await createTestReport(ctx, { facility: f, period });
}

describe('the periods to pick from', () => {
  it('run from the first period of the metadata to the last ended year', async () => {
    const a = await ctx.services.periods.list(nation);
    expect(a).toMatchObject({ dataSet: 'GTCM_ANNUAL', periodType: 'YEARLY', collecting: '2024' });
    expect(codes(a)).toEqual(['2021', '2022', '2023', '2024']);
  });

  it('move on with the calendar, with no code or list to change', async () => {
    ctx.clock.advanceMinutes(aYear);
    const a = await ctx.services.periods.list(nation);
    expect(a.collecting).toBe('2025');
    expect(codes(a).at(-1)).toBe('2025');
  });

  it('carry their deadline from the metadata (3 months after the period) and are open up to the collecting one', async () => {
    const a = await ctx.services.periods.list(nation);
    expect(a.periods.find((p) => p.code === '2024')).toMatchObject({ code: '2024', deadline: '2025-03-31', open: true, hasData: false });
  });

  it('include a period that holds reports although it lies before the first period', async () => {
    const [f] = await clinics(1);
    await createTestReport(ctx, { facility: f, period: '2019' });
    expect(codes(await ctx.services.periods.list(nation))).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('refuse an unknown data set (E1104)', async () => {
    await expect(ctx.services.periods.list(nation, 'NOPE')).rejects.toMatchObject({ code: 'E1104' });
  });
});

describe('where figure pages open', () => {
  it('on the newest period whose reporting is complete', async () => {
    const fs = await clinics(4);
    await reportAll(fs, '2022');
    await reportAll(fs, '2023');
    expect((await ctx.services.periods.list(nation)).figures).toBe('2023');
  });

  it('not on a period with a handful of early reports: the previous one, the newer marked with its completeness', async () => {
    const fs = await clinics(10);
    await reportAll(fs, '2023');
    await reportAll(fs.slice(0, 1), '2024'); // 1 of 10 before the deadline of 2025-03-31
    const a = await ctx.services.periods.list(nation);
    expect(a.figures).toBe('2023');
    expect(a.periods.find((p) => p.code === '2024')?.completeness).toBeCloseTo(0.1);
  });

  it('on a period past its deadline with half the threshold reached', async () => {
    const fs = await clinics(10);
    await reportAll(fs, '2023');
    await reportAll(fs.slice(0, 5), '2024');
    ctx.clock.advanceMinutes(90 * 24 * 60); // 2025-04-15: the deadline of 2024 has passed
    expect((await ctx.services.periods.list(nation)).figures).toBe('2024');
  });

  it("by the completeness in the caller's own scope: a county that has reported opens on the new year", async () => {
    const own = await clinics(4, '530102');
    const other = await clinics(20, '530124');
    await reportAll([...own, ...other], '2023');
    await reportAll(own, '2024');
    expect((await ctx.services.periods.list(county)).figures).toBe('2024');
    expect((await ctx.services.periods.list(nation)).figures).toBe('2023');
  });

  it('on the newest period with reports when none is complete enough', async () => {
    const fs = await clinics(10);
    await reportAll(fs.slice(0, 1), '2022');
    expect((await ctx.services.periods.list(nation)).figures).toBe('2022');
  });

  it('on the collecting period while no report exists', async () => {
    expect((await ctx.services.periods.list(nation)).figures).toBe('2024');
  });
});

describe('GET /api/periods', () => {
  it('answers any logged-in user, with the threshold', async () => {
    const app = await testApp(ctx);
    try {
      const { client } = await createTestUserSession(ctx, app, { role: 'VIEWER', scopeCode: '530102' });
      const r = await client.get('/api/periods');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ collecting: '2024', completenessEnough: 0.8, today: '2025-01-15' });
      expect(codes(r.body)).toEqual(['2021', '2022', '2023', '2024']);
    } finally {
      await app.close();
    }
  });
});
