/**
 * One county through the 示范县 review, on a store without demo data: the nation opens a cycle;
 * 富民县 enrols, self-assesses and submits; the province reviews (one item far from the county's
 * score is flagged) and recommends; the nation returns it once with a reason, reviews and passes it
 * into publicity; an objection is recorded and resolved; naming after the publicity period grants
 * the title, which the 14th indicator counts. Refusals on the way, and scope from the other side.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import type { ManualClock } from '../../../src/server/platform/clock.js';
import { allItems } from '../../../src/domain/evaluation/standard.js';
import { createTestActor, createTestFacility, FUMIN, WUHUA } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let fumin: Actor;
let wuhua: Actor;
let kunming: Actor;
let yunnan: Actor;
let nation: Actor;
let viewer: Actor;
let id: number;

const CYCLE = 'DEMO-2022-2024';
const selfScores = [
  { item: 'A1', points: 5 },
  { item: 'A2', points: 5 },
  { item: 'A3', points: 4 },
  { item: 'F1', points: 9 },
  { item: 'V2', veto: false },
];

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  // 富民县's public county TCM hospital: B1 full; nothing else is reported, so the other automatic items do not apply.
  await createTestFacility(ctx, { type: 'COUNTY_TCM_HOSPITAL', divisionCode: FUMIN, ownership: 'PUBLIC' });
  fumin = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  wuhua = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
  kunming = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '5301' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  viewer = await createTestActor(ctx, { role: 'VIEWER', scopeCode: 'CN' });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

const r = () => ctx.services.reviews;

describe('a cycle', () => {
  it('is opened by the nation only', async () => {
    const c = { code: CYCLE, standard: 'DEMO_COUNTY', name: '2022—2024年度示范县创建', firstYear: 2022, lastYear: 2024, assessmentYear: '2024', applyFrom: '2025-01-01', applyTo: '2025-03-31', publicityDays: 7 };
    await expect(r().createCycle(yunnan, { ...c, code: 'NOPE' })).rejects.toMatchObject({ code: 'E2102' });
    expect(await r().createCycle(nation, c)).toMatchObject({ code: CYCLE, standard: 'DEMO_COUNTY', publicityDays: 7 });
    await expect(r().createCycle(nation, c)).rejects.toMatchObject({ code: 'E7014' });
  });
});

describe('enrolment', () => {
  it('a county enrols itself once; another county cannot enrol it; a township is no subject', async () => {
    await expect(r().enrol(wuhua, CYCLE, FUMIN)).rejects.toMatchObject({ code: 'E2102' });
    const [township] = await ctx.store.repos.divisions.children(FUMIN);
    await expect(r().enrol(kunming, CYCLE, township.code)).rejects.toMatchObject({ code: 'E7013' });
    const app = await r().enrol(fumin, CYCLE, FUMIN);
    expect(app).toMatchObject({ subjectCode: FUMIN, subjectName: '富民县', stage: 'SELF' });
    id = app.id;
    await expect(r().enrol(yunnan, CYCLE, FUMIN)).rejects.toMatchObject({ code: 'E7005' });
  });

  it('the province sees it in its list, the other county does not, and cannot open it', async () => {
    expect((await r().list(yunnan, CYCLE)).map((a) => a.subjectCode)).toEqual([FUMIN]);
    expect(await r().list(wuhua, CYCLE)).toEqual([]);
    await expect(r().view(wuhua, id)).rejects.toMatchObject({ code: 'E7004' });
  });
});

describe('self-assessment', () => {
  it('scores manual items by their rules; automatic items are not typed in', async () => {
    await expect(r().score(fumin, id, [{ item: 'A3', points: 2.3 }])).rejects.toMatchObject({ code: 'E7007' });
    await expect(r().score(fumin, id, [{ item: 'A1', points: 3 }])).rejects.toMatchObject({ code: 'E7007' });
    await expect(r().score(fumin, id, [{ item: 'B1', points: 8 }])).rejects.toMatchObject({ code: 'E7015' });
    await expect(r().score(yunnan, id, [{ item: 'A1', points: 5 }])).rejects.toMatchObject({ code: 'E7006' });
  });

  it('cannot be submitted with items unscored, then goes to the province (no city pre-review in this standard)', async () => {
    await r().score(fumin, id, selfScores.slice(0, 2));
    await expect(r().submit(fumin, id, 'pass')).rejects.toMatchObject({ code: 'E7008' });
    const view = await r().score(fumin, id, selfScores);
    expect(view.items.find((i) => i.code === 'B2')).toMatchObject({ automatic: true });
    expect(view.totals.SELF?.missing).toEqual([]);
    expect((await r().submit(fumin, id, 'pass')).stage).toBe('PROVINCE');
    await expect(r().score(fumin, id, selfScores)).rejects.toMatchObject({ code: 'E7006' });
  });
});

describe('provincial and national review', () => {
  it('the province’s scores stand beside the county’s, and a gap over 2 points is flagged', async () => {
    await expect(r().score(kunming, id, selfScores)).rejects.toMatchObject({ code: 'E7006' });
    const view = await r().score(yunnan, id, selfScores.map((s) => (s.item === 'F1' ? { item: 'F1', points: 5 } : s)));
    expect(view.items.find((i) => i.code === 'F1')!.stages).toMatchObject({ SELF: { points: 9 }, PROVINCE: { points: 5 } });
    expect(view.gaps).toEqual([{ item: 'F1', from: 'SELF', to: 'PROVINCE', difference: -4 }]);
    expect(view.totals.PROVINCE!.total).toBeLessThan(view.totals.SELF!.total);
    expect((await r().submit(yunnan, id, 'pass', '推荐')).stage).toBe('NATIONAL');
  });

  it('the nation returns it with a reason, one stage back; a return needs the reason', async () => {
    await expect(r().returnApplication(nation, id, '  ')).rejects.toMatchObject({ code: 'E7012' });
    expect(await r().returnApplication(nation, id, '请补充满意度调查报告')).toMatchObject({ stage: 'PROVINCE', decisionNote: '请补充满意度调查报告' });
    expect((await r().submit(yunnan, id, 'pass')).stage).toBe('NATIONAL');
  });

  it('a viewer cannot decide; the nation passes it into publicity for the cycle’s seven days', async () => {
    await expect(r().submit(viewer, id, 'pass')).rejects.toMatchObject({ code: 'E2101' });
    await r().score(nation, id, selfScores);
    expect(await r().submit(nation, id, 'pass')).toMatchObject({ stage: 'PUBLICITY', publicityUntil: '2025-01-22' });
  });
});

describe('publicity and naming', () => {
  it('an objection is recorded; naming waits for the end of publicity and for every objection resolved', async () => {
    const o = await r().object(nation, id, '群众反映满意度调查样本不足');
    await expect(r().name(nation, id)).rejects.toMatchObject({ code: 'E7010' });
    (ctx.clock as ManualClock).advanceMinutes(8 * 24 * 60);
    await expect(r().name(nation, id)).rejects.toMatchObject({ code: 'E7009' });
    await expect(r().resolve(yunnan, o.id, '已核实')).rejects.toMatchObject({ code: 'E7006' });
    expect(await r().resolve(nation, o.id, '经核实，调查样本符合要求')).toMatchObject({ resolution: '经核实，调查样本符合要求', resolvedBy: nation.username });
    expect(await r().name(nation, id)).toMatchObject({ stage: 'NAMED', namedYear: 2025 });
  });

  it('naming grants the title from the naming year, and the 14th indicator counts it', async () => {
    expect(await ctx.store.repos.titles.list({ level: 3, code: FUMIN }, 'DEMO_COUNTY')).toEqual([{ divisionCode: FUMIN, title: 'DEMO_COUNTY', granted: 2025, withdrawn: null, source: CYCLE }]);
    const [row] = await ctx.services.analytics.values(SYSTEM_ACTOR, { periods: ['2025'], area: FUMIN, indicators: ['demonstration_county_share'] });
    expect([row.numerator, row.denominator]).toEqual([1, 1]);
  });

  it('every step is in the audit log under the county', async () => {
    const { items } = await ctx.services.audit.list(SYSTEM_ACTOR, { entity: 'eval_application', entityKey: String(id) }, 1, 100);
    expect(new Set(items.map((e) => e.action))).toEqual(new Set(['enrol', 'score', 'submit', 'return', 'object', 'resolve', 'name']));
  });
});

describe('the national review passes only what the standard passes', () => {
  it('a fired veto keeps it from publicity (E7016); rejecting it needs a note', async () => {
    const [other] = (await ctx.store.repos.divisions.children('5301')).filter((d) => d.code !== FUMIN && d.code !== WUHUA);
    const app = await r().enrol(kunming, CYCLE, other.code);
    const mine = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: other.code });
    await r().score(mine, app.id, selfScores);
    await r().submit(mine, app.id, 'pass');
    await r().score(yunnan, app.id, selfScores);
    await r().submit(yunnan, app.id, 'pass');
    await r().score(nation, app.id, [...selfScores.filter((s) => s.item !== 'V2'), { item: 'V2', veto: true }]);
    await expect(r().submit(nation, app.id, 'pass')).rejects.toMatchObject({ code: 'E7016' });
    await expect(r().submit(nation, app.id, 'reject')).rejects.toMatchObject({ code: 'E7012' });
    expect(await r().submit(nation, app.id, 'reject', '存在重大医疗安全事故')).toMatchObject({ stage: 'REJECTED', decisionNote: '存在重大医疗安全事故' });
  });
});

describe('the results of the cycle', () => {
  it('rank the applications by their last stage’s total, each stage’s total beside it', async () => {
    const rows = await ctx.services.results.results(nation, CYCLE);
    expect(rows[0].application).toMatchObject({ subjectCode: FUMIN, stage: 'NAMED' });
    expect(Object.keys(rows[0].totals).sort()).toEqual(['NATIONAL', 'PROVINCE', 'SELF']);
    expect(rows[0].totals.NATIONAL!.passed).toBe(true);
    expect(rows.map((x) => x.application.stage)).toContain('REJECTED');
  });

  it('the naming list as a file, and a county sees only its own', async () => {
    const file = await ctx.services.results.resultsFile(nation, CYCLE, 'NAMED', 'csv');
    let text = '';
    for await (const chunk of file.body as AsyncIterable<Buffer | string>) text += chunk.toString();
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('rank,province,code,name,stage,SELF,PROVINCE,NATIONAL,passed,note');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual([FUMIN]);
    expect(await ctx.services.results.results(wuhua, CYCLE)).toEqual([]);
  });

  it('the naming list as rows for the printed 公文: rank, province, unit, totals, passed', async () => {
    const { rows, passLine } = await ctx.services.results.ranking(nation, CYCLE, 'NAMED');
    expect(rows.map((x) => [x.rank, x.provinceName, x.subjectCode, x.passed])).toEqual([[1, '云南省', FUMIN, true]]);
    expect(rows[0].totals.NATIONAL).toBeGreaterThanOrEqual(passLine);
  });

  it('the score sheet as a file: every item, each stage’s score, the totals last; another county gets nothing', async () => {
    const [app] = await ctx.services.results.results(nation, CYCLE, 'NAMED');
    const file = await ctx.services.results.sheetFile(yunnan, app.application.id, 'csv');
    let text = '';
    for await (const chunk of file.body as AsyncIterable<Buffer | string>) text += chunk.toString();
    const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('item,name,kind,max,auto,basis,SELF,PROVINCE,NATIONAL,evidence');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['item', ...allItems(ctx.services.standards.get('DEMO_COUNTY')).map((i) => i.code), '总分']);
    expect(lines.at(-1)!.split(',').slice(6, 9).every((v) => Number(v) > 0)).toBe(true);
    await expect(ctx.services.results.sheetFile(wuhua, app.application.id, 'csv')).rejects.toMatchObject({ code: 'E7004' });
  });

  it('counts the applications by stage per province for the nation, per city for a province', async () => {
    const all = await ctx.services.results.overview(nation, CYCLE);
    expect(all.rows.map((x) => [x.code, x.name])).toEqual([['53', '云南省']]);
    expect(all.rows[0].counts.NAMED).toBe(1);
    expect(all.rows[0].total).toBe(Object.values(all.totals).reduce((n, v) => n + (v ?? 0), 0));
    const yunnanView = await ctx.services.results.overview(yunnan, CYCLE);
    expect(yunnanView.rows.map((x) => x.code)).toEqual(['5301']);
  });
});
