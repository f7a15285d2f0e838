/**
 * `gtcm init --demo --years …`: the demo's reports cover the years asked (ten for the long-trend
 * benchmark), and bad years are refused before anything is
 * stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import { parseDemoYears } from '../../../src/server/platform/init/init.service.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext | null = null;
afterEach(async () => {
  await ctx?.dispose();
  ctx = null;
});

describe('demo years', () => {
  it('reads a range and a list, sorted and without repeats', () => {
    expect(parseDemoYears('2015-2024')).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(parseDemoYears('2024,2019, 2019')).toEqual([2019, 2024]);
  });

  it('refuses years outside the demo range with E1003 and text that is not years with E1000', () => {
    const code = (t: string) => {
      try {
        parseDemoYears(t);
        return null;
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(code('2010-2024')).toBe('E1003');
    expect(code('2025')).toBe('E1003');
    expect(code('last ten')).toBe('E1000');
  });

  it('stores reports for exactly the years asked', async () => {
    ctx = await createTestContext({ init: false });
    await ctx.services.init.init({ demo: true, seed: 1, areas: ['530124'], years: [2016, 2020, 2024] });
    const periods = (await ctx.store.repos.reports.periods()).filter((p) => p.dataSet === 'GTCM_ANNUAL').map((p) => p.period).sort();
    expect(periods).toEqual(['2016', '2020', '2024']);
    expect(JSON.parse((await ctx.store.repos.state.get('demo'))!).years).toEqual([2016, 2020, 2024]);
  });
});
