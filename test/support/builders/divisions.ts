/**
 * The fixture hierarchy (test-context.ts: FIXTURE_AREAS) is real NBS data and every test
 * context holds it, so tests look divisions up rather than make them.
 */
import type { TestContext } from '../test-context.js';

/** The three fixture counties of 昆明市 (5301) in 云南省 (53). */
export const WUHUA = '530102'; // 五华区
export const PANLONG = '530103'; // 盘龙区
export const FUMIN = '530124'; // 富民县

/** The codes of a division's children, in code order (a county's townships, a township's villages). */
export async function childrenOf(ctx: TestContext, parentCode: string): Promise<string[]> {
  const children = await ctx.store.repos.divisions.children(parentCode);
  if (children.length === 0) throw new Error(`the fixture hierarchy has no division below ${parentCode}`);
  return children.map((d) => d.code).sort();
}

/** The `index`-th village of a township: where a VC or a CHSS goes. */
export async function villageOf(ctx: TestContext, townshipCode: string, index = 0): Promise<string> {
  const villages = await childrenOf(ctx, townshipCode);
  if (index >= villages.length) throw new Error(`township ${townshipCode} has ${villages.length} villages, not ${index + 1}`);
  return villages[index];
}
