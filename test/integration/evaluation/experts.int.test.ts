/**
 * Review experts: the nation keeps the pool and assigns experts at the national review; an expert
 * of the unit's own province, or one who declared a conflict with it, is refused — and a province
 * reaches neither the pool nor the assignment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { createTestActor, createTestFacility, FUMIN } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let nation: Actor;
let yunnan: Actor;
let appId: number;
const scores = [{ item: 'A1', points: 5 }, { item: 'A2', points: 5 }, { item: 'A3', points: 4 }, { item: 'F1', points: 9 }, { item: 'V2', veto: false }];

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  // The fixture store holds 云南省 only: the experts' other provinces.
  await ctx.store.repos.divisions.insertMany([
    { code: '11', name: '北京市', level: 1, parentCode: null, kind: 'PROVINCE' },
    { code: '44', name: '广东省', level: 1, parentCode: null, kind: 'PROVINCE' },
  ]);
  await createTestFacility(ctx, { type: 'COUNTY_TCM_HOSPITAL', divisionCode: FUMIN, ownership: 'PUBLIC' });
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  const fumin = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  const r = ctx.services.reviews;
  await r.createCycle(nation, { code: 'EXP-2025', standard: 'DEMO_COUNTY', name: '专家测试周期', firstYear: 2022, lastYear: 2024, assessmentYear: '2024', applyFrom: '2025-01-01', applyTo: '2025-12-31' });
  appId = (await r.enrol(fumin, 'EXP-2025', FUMIN)).id;
  await r.score(fumin, appId, scores);
  await r.submit(fumin, appId, 'pass');
  await r.score(yunnan, appId, scores);
  await r.submit(yunnan, appId, 'pass');
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

const x = () => ctx.services.experts;

describe('the expert pool', () => {
  it('is kept by the nation; a province reaches neither the pool nor its contacts', async () => {
    await x().add(nation, { name: '李明', provinceCode: '11', specialty: '中医内科', contact: '010-1234' });
    await expect(x().add(yunnan, { name: '王芳', provinceCode: '53', specialty: '针灸' })).rejects.toMatchObject({ code: 'E2102' });
    await expect(x().list(yunnan)).rejects.toMatchObject({ code: 'E2102' });
    expect((await x().list(nation)).map((e) => [e.name, e.provinceCode])).toEqual([['李明', '11']]);
  });

  it('refuses a province that is not one', async () => {
    await expect(x().add(nation, { name: '赵强', provinceCode: '99', specialty: '中药' })).rejects.toMatchObject({ code: 'E1101' });
  });
});

describe('assignment at the national review', () => {
  it('an expert of the unit’s own province is refused, in words', async () => {
    const local = await x().add(nation, { name: '王芳', provinceCode: '53', specialty: '针灸' });
    const err = await x().assign(nation, appId, local.id).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E7018' });
  });

  it('an expert who declared a conflict with the unit is refused', async () => {
    const e = await x().add(nation, { name: '陈刚', provinceCode: '44', specialty: '中医管理' });
    await expect(x().declareConflict(nation, e.id, FUMIN, ' ')).rejects.toMatchObject({ code: 'E7012' });
    await x().declareConflict(nation, e.id, FUMIN, '曾在富民县卫生健康局任职');
    await expect(x().assign(nation, appId, e.id)).rejects.toMatchObject({ code: 'E7019' });
  });

  it('another province’s expert is assigned and shows on the application', async () => {
    const [beijing] = (await x().list(nation)).filter((e) => e.provinceCode === '11');
    const assigned = await x().assign(nation, appId, beijing.id);
    expect(assigned.map((a) => a.expert.name)).toEqual(['李明']);
    expect((await ctx.services.reviews.view(yunnan, appId)).experts).toEqual([{ id: beijing.id, name: '李明', provinceCode: '11', specialty: '中医内科' }]);
    await expect(x().assign(yunnan, appId, beijing.id)).rejects.toMatchObject({ code: 'E2102' });
  });
});
