/**
 * Supervision on a store without demo data: seed 001 becomes the nation's 2025 plan; a task is
 * handed down to 云南省 and on to 昆明市; progress is reported and the lights change with the
 * clock; 销号 by the issuing level; escalation by the job; a rectification item from a gap list is
 * refused closure until new reports lift the indicator; the inbox; and scope from the other side.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import type { Facility } from '../../../src/domain/facility.js';
import { completeValues, createTestActor, createTestFacility, createTestReport, FUMIN, villageOf, WUHUA } from '../../support/builders/index.js';
import { createTestContext, FIXTURE_AREAS, type TestContext } from '../../support/test-context.js';

const SEED_001 = readFileSync(new URL('../../../programs/grassroots-tcm/policies/2024-中医医政工作要点.txt', import.meta.url), 'utf8');
let ctx: TestContext;
let nation: Actor;
let yunnan: Actor;
let guizhou: Actor;
let kunming: Actor;
let fumin: Actor;
let wuhua: Actor;
let viewer: Actor;

const DAY = 1440;
const plans = () => ctx.services.supervisionPlans;
const tasks = () => ctx.services.supervisionTasks;
const rects = () => ctx.services.rectification;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, areas: [...FIXTURE_AREAS, '520102'] }); // 昆明市's three counties and 贵阳市南明区
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  guizhou = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '52' });
  kunming = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '5301' });
  fumin = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  wuhua = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
  viewer = await createTestActor(ctx, { role: 'VIEWER', scopeCode: 'CN' });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

/** A published plan of seed 001 issued by the nation for `year`, and its task （九）. */
async function publishedTask(year = 2025) {
  const p = await plans().create(nation, { title: `${year} 年中医医政工作要点`, year, office: '医政司', text: SEED_001 });
  const { tasks: made } = await plans().publish(nation, p.id, { cadence: 'monthly' });
  return { plan: p, task: made.find((t) => t.number === '（九）')!, all: made };
}

describe('a plan from a policy text', () => {
  it('is a draft holding the 13 parsed items; publishing turns them into 13 tasks led by the nation', async () => {
    const p = await plans().create(nation, { title: '2025 年中医医政工作要点', year: 2025, office: '医政司', text: SEED_001 });
    expect(p).toMatchObject({ status: 'draft', areaCode: 'CN' });
    expect(p.items).toHaveLength(13);
    const { plan, tasks: made } = await plans().publish(nation, p.id);
    expect(plan.status).toBe('published');
    expect(made.map((t) => t.number)).toEqual(p.items.map((i) => i.number));
    expect(made[0]).toMatchObject({ leadArea: 'CN', issuerArea: 'CN', leadOffice: '医政司', state: 'not_started', dueDate: '2025-12-31' });
  });

  it('the user fixes the tree before publishing: a re-levelled item gets its path from its new parent', async () => {
    const p = await plans().create(nation, { title: '修订', year: 2025, text: SEED_001 });
    const items = p.items.map((i, k) => (k === 1 ? { ...i, level: 2 } : i));
    const fixed = await plans().updateItems(nation, p.id, items);
    expect(fixed.items[1]).toMatchObject({ level: 2, path: '（一）/（二）' });
    await expect(plans().updateItems(nation, p.id, p.items.map((i, k) => (k === 0 ? { ...i, level: 2 } : i)))).rejects.toMatchObject({ code: 'E1000' });
  });

  it('a published plan keeps its items', async () => {
    const { plan } = await publishedTask();
    await expect(plans().updateItems(nation, plan.id, plan.items)).rejects.toMatchObject({ code: 'E8004' });
  });

  it('a text with no numbered items is refused (E8002), nothing stored', async () => {
    const before = (await plans().list(nation)).length;
    await expect(plans().create(nation, { title: '空', year: 2025, text: '会议强调，要狠抓落实。' })).rejects.toMatchObject({ code: 'E8002' });
    expect((await plans().list(nation)).length).toBe(before);
  });

  it('a viewer cannot make a plan', async () => {
    await expect(plans().create(viewer, { title: 'x', year: 2025, text: SEED_001 })).rejects.toMatchObject({ code: 'E2101' });
  });
});

describe('handing a task down', () => {
  it('to 云南省 and on to 昆明市; the parent rolls up its children', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    expect(yn).toMatchObject({ leadArea: '53', issuerArea: 'CN', parentId: task.id, state: 'not_started' });
    const [km] = await tasks().cascade(yunnan, yn!.id, ['5301']);
    expect(km).toMatchObject({ leadArea: '5301', issuerArea: '53', parentId: yn!.id });
    const d = await tasks().detail(nation, task.id);
    expect(d.rollup.total).toBe(1);
    expect(d.childTasks.map((c) => c.leadArea)).toEqual(['53']);
  });

  it('to every province when no area is named', async () => {
    const { task } = await publishedTask();
    const made = await tasks().cascade(nation, task.id, []);
    expect(made.map((t) => t.leadArea).sort()).toEqual((await ctx.store.repos.divisions.children(null)).map((d) => d.code).sort());
    expect(made.length).toBe(2);
  });

  it('refuses an area that is not below the lead, and an area handed to already', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    await expect(tasks().cascade(nation, task.id, ['53'])).rejects.toMatchObject({ code: 'E8011' });
    await expect(tasks().cascade(yunnan, yn!.id, ['5201'])).rejects.toMatchObject({ code: 'E8010' });
  });

  it('another province cannot hand down, nor read, 云南省’s task', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    await expect(tasks().cascade(guizhou, yn!.id, ['5201'])).rejects.toMatchObject({ code: 'E8005' });
    await expect(tasks().detail(guizhou, yn!.id)).rejects.toMatchObject({ code: 'E8005' });
    expect((await tasks().list(guizhou)).some((t) => t.id === yn!.id)).toBe(false);
  });
});

describe('progress and lights', () => {
  it('change with the clock: green, yellow when a monthly report is overdue, green after it, blue near the due date, red past it', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53'], { dueDate: '2025-03-20' });
    const light = async () => (await tasks().detail(yunnan, yn!.id)).light;
    expect(await light()).toBe('green'); // 2025-01-15
    ctx.clock.advanceMinutes(22 * DAY); // 2025-02-06: January's report is overdue
    expect(await light()).toBe('yellow');
    const r = await tasks().report(yunnan, yn!.id, { text: '已印发实施方案', percent: 30, period: '2025-01' });
    expect(r.late).toBe(true);
    expect(await light()).toBe('green');
    ctx.clock.advanceMinutes(29 * DAY); // 2025-03-07: February's is overdue too
    await tasks().report(yunnan, yn!.id, { text: '完成调研', percent: 60 });
    ctx.clock.advanceMinutes(7 * DAY); // 2025-03-14
    expect(await light()).toBe('blue');
    ctx.clock.advanceMinutes(7 * DAY); // 2025-03-21
    expect(await light()).toBe('red');
    ctx.clock.advanceMinutes(-65 * DAY);
  });

  it('yellow when behind the planned progress of its milestones', async () => {
    const { task } = await publishedTask();
    await tasks().update(nation, task.id, { milestones: [{ title: '印发方案', plannedDate: '2025-01-10', weight: 40 }, { title: '完成', plannedDate: '2025-11-30', weight: 60 }], cadence: null });
    expect((await tasks().detail(nation, task.id)).lightInfo).toMatchObject({ light: 'yellow', planned: 40 });
    await tasks().report(nation, task.id, { text: '方案已印发', percent: 40 });
    expect((await tasks().detail(nation, task.id)).light).toBe('green');
  });

  it('a co-owner (协办) reads the task from then on; another county still does not', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    await expect(tasks().detail(fumin, yn!.id)).rejects.toMatchObject({ code: 'E8005' });
    await tasks().update(nation, yn!.id, { coOwners: [{ areaCode: FUMIN, office: '中医科' }] });
    await tasks().report(yunnan, yn!.id, { text: '推进中', percent: 20 }); // later writes keep the co-owner
    expect((await tasks().list(fumin)).some((t) => t.id === yn!.id)).toBe(true);
    expect((await tasks().detail(fumin, yn!.id)).coOwners).toEqual([{ areaCode: FUMIN, office: '中医科' }]);
    expect((await tasks().list(wuhua)).some((t) => t.id === yn!.id)).toBe(false);
  });

  it('a county cannot report on 昆明市’s task; the viewer neither', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    const [km] = await tasks().cascade(yunnan, yn!.id, ['5301']);
    await expect(tasks().report(wuhua, km!.id, { text: 'x', percent: 10 })).rejects.toMatchObject({ code: 'E8005' });
    await expect(tasks().report(viewer, km!.id, { text: 'x', percent: 10 })).rejects.toMatchObject({ code: 'E8006' });
  });

  it('done by the owner, closed (销号) by the issuing level only; reopened with a reason', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    await tasks().complete(yunnan, yn!.id, '全部完成');
    await expect(tasks().verify(yunnan, yn!.id, '')).rejects.toMatchObject({ code: 'E8007' });
    expect((await tasks().verify(nation, yn!.id, '核验通过')).state).toBe('closed');
    expect((await tasks().reopen(nation, yn!.id, '材料不全')).state).toBe('in_progress');
  });

  it('延期 by the issuing level with a reason, the old date in the audit log', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    await expect(tasks().extend(yunnan, yn!.id, '2026-03-31', '疫情')).rejects.toMatchObject({ code: 'E8007' });
    await expect(tasks().extend(nation, yn!.id, '2026-03-31', '')).rejects.toMatchObject({ code: 'E7012' });
    const d = await tasks().extend(nation, yn!.id, '2026-03-31', '配套资金未到位');
    expect(d.dueDate).toBe('2026-03-31');
    const log = await ctx.services.audit.list(nation, { entity: 'sup_task', entityKey: String(yn!.id) }, 1, 50);
    expect(log.items.some((e) => JSON.stringify(e.before).includes('2025-12-31') && JSON.stringify(e.after).includes('2026-03-31'))).toBe(true);
  });

  it('催办 notifies the owner’s administrators, who see it unread', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    const before = await ctx.services.notifications.unread(yunnan);
    expect((await tasks().remind(nation, yn!.id, '请于本周内报送进展')).notified).toBeGreaterThan(0);
    const n = await ctx.services.notifications.list(yunnan);
    expect(n.unread).toBe(before + 1);
    expect(n.items[0]).toMatchObject({ kind: 'reminder', body: '请于本周内报送进展' });
    await ctx.services.notifications.markRead(yunnan, [n.items[0]!.id]);
    expect(await ctx.services.notifications.unread(yunnan)).toBe(before);
  });

  it('a task red for N days is escalated once by the job: the level above is told', async () => {
    const { task } = await publishedTask(2024); // due 2024-12-31: red since 2025-01-01
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    const [km] = await tasks().cascade(yunnan, yn!.id, ['5301']);
    expect((await tasks().detail(kunming, km!.id)).light).toBe('red');
    const n = await tasks().escalateDue(7);
    expect(n).toBeGreaterThan(0);
    expect((await tasks().detail(kunming, km!.id)).escalatedAt).not.toBeNull();
    expect((await ctx.services.notifications.list(yunnan)).items.some((i) => i.kind === 'escalated' && i.link.endsWith(`/${km!.id}`))).toBe(true);
    const again = await tasks().escalateDue(7);
    expect((await tasks().detail(kunming, km!.id)).events.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    expect(again).toBeLessThan(n);
  });
});

describe('a rectification item from a gap list', () => {
  let clinics: Facility[] = [];
  beforeAll(async () => {
    const [t1] = (await ctx.store.repos.divisions.children(FUMIN)).map((d) => d.code);
    clinics = [];
    for (let i = 0; i < 5; i++) {
      const f = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, t1!, i) });
      clinics.push(f);
      await createTestReport(ctx, { facility: f, period: '2024', values: completeValues(ctx, 'VC', { provides_tcm: i < 2 }) });
    }
  });

  it('lists 富民县 short of 村卫生室中医药服务提供率; one item each, owned by the county', async () => {
    const g = await rects().gapCandidates(kunming, { indicator: 'vc_tcm_service', period: '2024', level: 'county' });
    expect(g.items.map((i) => i.areaCode)).toContain(FUMIN);
    const [item] = await rects().fromGaps(kunming, { indicator: 'vc_tcm_service', period: '2024', level: 'county' }, { codes: [FUMIN], deadline: '2025-06-30' });
    expect(item).toMatchObject({ areaCode: FUMIN, issuerArea: '5301', indicator: 'vc_tcm_service', threshold: 0.8, state: 'open', source: 'gap' });
    expect(item!.problem).toContain('40.0%');
  });

  it('is refused closure while the live value misses the threshold, with the value now; closes once new reports lift it', async () => {
    const [item] = await rects().fromGaps(kunming, { indicator: 'vc_tcm_service', period: '2024', level: 'county' }, { codes: [FUMIN], deadline: '2025-06-30' });
    await expect(rects().submit(wuhua, item!.id, '已整改')).rejects.toMatchObject({ code: 'E8013' });
    await rects().submit(fumin, item!.id, '已为 3 个村卫生室配备中医药服务');
    await expect(rects().verify(kunming, item!.id, true, '')).rejects.toMatchObject({ code: 'E8014', message: expect.stringContaining('40.0%') });
    for (const f of clinics.slice(2, 4)) await createTestReport(ctx, { facility: f, period: '2024', values: completeValues(ctx, 'VC', { provides_tcm: true }) });
    const closed = await rects().verify(kunming, item!.id, true, '数据已达标');
    expect(closed.state).toBe('closed');
  });

  it('the issuing level may send it back with a note; the owner cannot verify its own item', async () => {
    const [item] = await rects().create(kunming, { areaCode: FUMIN, problem: '中医馆标识不规范', requirement: '统一标识', deadline: '2025-04-30' }).then((x) => [x]);
    await rects().submit(fumin, item!.id, '已更换');
    await expect(rects().verify(fumin, item!.id, true, '')).rejects.toMatchObject({ code: 'E8007' });
    await expect(rects().verify(kunming, item!.id, false, '')).rejects.toMatchObject({ code: 'E7012' });
    expect((await rects().verify(kunming, item!.id, false, '照片不清晰')).state).toBe('open');
  });

  it('another county neither reads nor lists it', async () => {
    const item = await rects().create(kunming, { areaCode: FUMIN, problem: '问题', requirement: '要求', deadline: '2025-04-30' });
    await expect(rects().detail(wuhua, item.id)).rejects.toMatchObject({ code: 'E8013' });
    expect((await rects().list(wuhua)).some((r) => r.id === item.id)).toBe(false);
    await expect(rects().create(wuhua, { areaCode: FUMIN, problem: 'x', requirement: 'y', deadline: '2025-04-30' })).rejects.toMatchObject({ code: 'E2102' });
  });

  it('a supervision visit’s findings become items of the visited county', async () => {
    const { visit, items } = await rects().visit(kunming, { areaCode: FUMIN, visitDate: '2025-01-10', team: '市卫健委督导组', summary: '督导检查', findings: [{ problem: '中药饮片台账不全', requirement: '建立台账', deadline: '2025-03-31' }] });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'visit', sourceRef: String(visit.id), areaCode: FUMIN });
  });
});

describe('the inbox (我的待办)', () => {
  it('shows the county its open rectification items and the city what waits for its 销号', async () => {
    const item = await rects().create(kunming, { areaCode: FUMIN, problem: '待办测试问题', requirement: '要求', deadline: '2025-02-28' });
    expect((await ctx.services.inbox.entries(fumin)).some((e) => e.kind === 'rect' && e.link.endsWith(`/${item.id}`))).toBe(true);
    await rects().submit(fumin, item.id, '完成');
    expect((await ctx.services.inbox.entries(kunming)).some((e) => e.kind === 'rect_verify' && e.link.endsWith(`/${item.id}`))).toBe(true);
    expect((await ctx.services.inbox.entries(wuhua)).some((e) => e.link.endsWith(`/rect/${item.id}`))).toBe(false);
  });

  it('shows a province the tasks it leads, with their lights', async () => {
    const { task } = await publishedTask();
    const [yn] = await tasks().cascade(nation, task.id, ['53']);
    const e = (await ctx.services.inbox.entries(yunnan)).find((x) => x.link === `/supervision/tasks/${yn!.id}`);
    expect(e).toMatchObject({ kind: 'task', deadline: '2025-12-31' });
    expect((await ctx.services.inbox.entries(guizhou)).some((x) => x.link === `/supervision/tasks/${yn!.id}`)).toBe(false);
  });
});
