/**
 * The on-site review: the nation draws a cycle's sample among the applications at the national
 * review (every risky unit, then some at random, reproducibly by seed); the assigned experts fill
 * the checklist; a sampled unit passes only with its checklist complete; review groups are
 * assigned whole or not at all. Tested from the other side: a province draws nothing, an expert
 * not assigned and a county record no finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { allItems } from '../../../src/domain/evaluation/standard.js';
import { createNationalApplication, createTestActor, createTestCycle, createTestUser, FUMIN, manualScores, WUHUA } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

const PANLONG = '530103';
let ctx: TestContext;
let nation: Actor;
let yunnan: Actor;
let cycle: string;
const ids: Record<string, number> = {};
const full = manualScores;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  await ctx.store.repos.divisions.insertMany([
    { code: '11', name: '北京市', level: 1, parentCode: null, kind: 'PROVINCE' },
    { code: '44', name: '广东省', level: 1, parentCode: null, kind: 'PROVINCE' },
  ]);
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  const c = await createTestCycle(ctx);
  cycle = c.code;
  ids.fumin = (await createNationalApplication(ctx, c, FUMIN, 10, 0)).id; // self 10 on F1 and 5 on A3, province 0 on both: a gap of 15
  ids.wuhua = (await createNationalApplication(ctx, c, WUHUA, 9, 9)).id;
  ids.panlong = (await createNationalApplication(ctx, c, PANLONG, 8, 8)).id;
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

const o = () => ctx.services.onsite;

describe('drawing the sample', () => {
  it('takes the unit whose self total is far above the province’s, saying by how much', async () => {
    const drawn = await o().draw(nation, cycle, { random: 0, seed: 1 });
    expect(drawn.map((d) => [d.subjectCode, d.reasons])).toEqual([[FUMIN, ['GAP']]]);
    expect(drawn[0].detail).toMatch(/^自评 [\d.]+ 分，省评 [\d.]+ 分，差 [\d.]+ 分$/);
  });

  it('adds units at random from the rest; the same seed draws the same', async () => {
    const a = await o().draw(nation, cycle, { random: 1, seed: 42 });
    const b = await o().draw(nation, cycle, { random: 1, seed: 42 });
    expect(a.map((d) => d.subjectCode)).toEqual(b.map((d) => d.subjectCode));
    expect(a.filter((d) => d.reasons.includes('RANDOM'))).toHaveLength(1);
    expect(a.map((d) => d.subjectCode)).toContain(FUMIN);
  });

  it('a province draws nothing', async () => {
    await expect(o().draw(yunnan, cycle, { random: 1 })).rejects.toMatchObject({ code: 'E2102' });
  });
});

describe('the checklist', () => {
  let expertUser: Actor;
  let otherExpertUser: Actor;

  beforeAll(async () => {
    await o().draw(nation, cycle, { random: 0, seed: 1 });
    const u1 = await createTestUser(ctx, { role: 'VIEWER', scopeCode: 'CN' });
    const u2 = await createTestUser(ctx, { role: 'VIEWER', scopeCode: 'CN' });
    const e1 = await ctx.services.experts.add(nation, { name: '李明', provinceCode: '11', specialty: '中医内科', username: u1.username });
    await ctx.services.experts.add(nation, { name: '周华', provinceCode: '44', specialty: '针灸', username: u2.username });
    await ctx.services.experts.assign(nation, ids.fumin, e1.id);
    expertUser = await ctx.services.auth.actorFor(u1.username);
    otherExpertUser = await ctx.services.auth.actorFor(u2.username);
  });

  it('lists every item with its review methods', async () => {
    const c = await o().checklist(expertUser, ids.fumin);
    expect(c.canCheck).toBe(true);
    expect(c.items.find((i) => i.code === 'F1')!.methods).toEqual(['INTERVIEW', 'DOCUMENTS']);
    expect(c.items.find((i) => i.code === 'D1')!.methods).toContain('SKILLS');
  });

  it('an assigned expert records findings', async () => {
    const c = await o().check(expertUser, ids.fumin, [{ item: 'A1', result: 'MET' }, { item: 'F1', result: 'PARTLY', note: '抽查 30 户，满意度调查记录不全' }]);
    expect(c.items.filter((i) => i.check).map((i) => [i.code, i.check!.result, i.check!.checkedBy])).toEqual([['A1', 'MET', expertUser.username], ['F1', 'PARTLY', expertUser.username]]);
  });

  it('a finding short of 符合 needs a note', async () => {
    await expect(o().check(expertUser, ids.fumin, [{ item: 'A2', result: 'NOT_MET' }])).rejects.toMatchObject({ code: 'E7012' });
  });

  it('an expert not assigned to it, and the county itself, record nothing', async () => {
    await expect(o().check(otherExpertUser, ids.fumin, [{ item: 'A1', result: 'MET' }])).rejects.toMatchObject({ code: 'E7023' });
    const fumin = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
    await expect(o().check(fumin, ids.fumin, [{ item: 'A1', result: 'MET' }])).rejects.toMatchObject({ code: 'E7023' });
    const wuhua = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
    await expect(o().checklist(wuhua, ids.fumin)).rejects.toMatchObject({ code: 'E7004' });
  });

  it('a unit not in the sample has no checklist to fill', async () => {
    await expect(o().check(nation, ids.wuhua, [{ item: 'A1', result: 'MET' }])).rejects.toMatchObject({ code: 'E7021' });
  });

  it('once findings exist the sample is not drawn again', async () => {
    await expect(o().draw(nation, cycle, { random: 2 })).rejects.toMatchObject({ code: 'E7022' });
  });

  it('a sampled unit passes the national review only with its checklist complete', async () => {
    await ctx.services.reviews.score(nation, ids.fumin, full(10));
    await expect(ctx.services.reviews.submit(nation, ids.fumin, 'pass')).rejects.toMatchObject({ code: 'E7024' });
    const std = ctx.services.standards.get('DEMO_COUNTY');
    await o().check(nation, ids.fumin, allItems(std).map((i) => ({ item: i.code, result: 'MET' as const })));
    // With the checklist complete, what decides is the standard's total (this county, with no facilities of its own in the store, falls short).
    await expect(ctx.services.reviews.submit(nation, ids.fumin, 'pass')).rejects.toMatchObject({ code: 'E7016' });
  });
});

describe('review groups', () => {
  it('a group with a member of the unit’s own province is refused whole', async () => {
    await ctx.services.experts.add(nation, { name: '张伟', provinceCode: '11', specialty: '中药', group: '第一组' });
    await ctx.services.experts.add(nation, { name: '王芳', provinceCode: '53', specialty: '针灸', group: '第一组' });
    await expect(ctx.services.experts.assignGroup(nation, ids.wuhua, '第一组')).rejects.toMatchObject({ code: 'E7018' });
    expect(await ctx.store.repos.experts.assignments(ids.wuhua)).toEqual([]);
  });

  it('a group of other provinces is assigned, every member', async () => {
    await ctx.services.experts.add(nation, { name: '赵强', provinceCode: '11', specialty: '中医管理', group: '第二组' });
    await ctx.services.experts.add(nation, { name: '钱丽', provinceCode: '44', specialty: '中医内科', group: '第二组' });
    const a = await ctx.services.experts.assignGroup(nation, ids.wuhua, '第二组');
    expect(a.map((x) => x.expert.name).sort()).toEqual(['赵强', '钱丽'].sort());
  });
});
