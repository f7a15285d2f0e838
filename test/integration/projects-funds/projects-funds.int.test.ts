/**
 * Projects and funds on a store without demo data: a 两专科一中心 project for 富民县's county TCM
 * hospital through its lifecycle, its 绩效目标表 read live, self-evaluation and acceptance by the
 * evaluation engine; funds allocated by factors (as the CLI computes them) and line by line, spent,
 * executed against 序时进度; the facts in the indicators; and scope from the other side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import type { Facility } from '../../../src/domain/facility.js';
import { allocate } from '../../../src/domain/funds/allocation.js';
import { childrenOf, completeValues, createCountyHospital, createTestActor, createTestFacility, createTestProject, createTestReport, FUMIN, PANLONG, WUHUA } from '../../support/builders/index.js';
import { createTestContext, FIXTURE_AREAS, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let nation: Actor;
let yunnan: Actor;
let guizhou: Actor;
let fumin: Actor;
let wuhua: Actor;
let viewer: Actor;
let hospital: Facility;
let wuhuaHospital: Facility;
const projects = () => ctx.services.projects;
const funds = () => ctx.services.funds;
const managed = () => ({ owner: fumin, manager: yunnan });

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, areas: [...FIXTURE_AREAS, '520102'] });
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  guizhou = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '52' });
  fumin = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  wuhua = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
  viewer = await createTestActor(ctx, { role: 'VIEWER', scopeCode: 'CN' });
  hospital = await createCountyHospital(ctx, FUMIN, '富民县中医医院');
  wuhuaHospital = await createCountyHospital(ctx, WUHUA, '五华区中医医院');
  await createTestReport(ctx, { facility: hospital, period: '2024', values: completeValues(ctx, 'COUNTY_TCM_HOSPITAL', { tcm_visits: 700, visits: 1000, tcm_physicians: 6, physicians: 10, tcm_nondrug_visits: 300 }) });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

describe('a project', () => {
  it('is declared for a county TCM hospital with the type\'s milestones, 绩效目标表 and the province as manager', async () => {
    const p = await projects().create(fumin, { type: 'TWO_SPECIALTIES_ONE_CENTRE', subjectCode: hospital.code, startDate: '2024-03-01', budget: { CENTRAL: '3000000', COUNTY: '500000.5' } });
    expect(p).toMatchObject({ status: 'DECLARED', areaCode: FUMIN, managerArea: '53', endDate: '2026-03-01', budgetTotal: '3500000.50', name: '富民县中医医院县级中医医院“两专科一中心”建设' });
    expect(p.milestones.map((m) => [m.code, m.plannedDate])).toEqual([['PLAN', '2024-05-01'], ['SPEC1', '2025-01-01'], ['SPEC2', '2025-07-01'], ['CENTRE', '2026-01-01']]);
    const d = await projects().detail(fumin, p.id);
    expect(d.targets).toHaveLength(7);
    expect(d.acceptanceStandard).toBe('COUNTY_HOSPITAL_TWO_ONE');
  });

  it('refuses a subject the type does not take: a township health centre for 两专科一中心, a county off the 三区三州 list for a 县域医疗中心', async () => {
    const [township] = await childrenOf(ctx, PANLONG);
    const thc = await createTestFacility(ctx, { type: 'THC', divisionCode: township! });
    await expect(projects().create(yunnan, { type: 'TWO_SPECIALTIES_ONE_CENTRE', subjectCode: thc.code, startDate: '2024-01-01' })).rejects.toMatchObject({ code: 'E8523' });
    await expect(projects().create(fumin, { type: 'COUNTY_MEDICAL_CENTRE', subjectCode: FUMIN, startDate: '2024-01-01' })).rejects.toMatchObject({ code: 'E8523' });
  });

  it('goes 申报 → 立项 (by the province) → 建设中 → 验收 (by the county), each step by its own level', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code });
    await expect(projects().transition(fumin, p.id, { action: 'approve' })).rejects.toMatchObject({ code: 'E8525' });
    expect((await projects().transition(yunnan, p.id, { action: 'approve' })).status).toBe('APPROVED');
    await expect(projects().transition(fumin, p.id, { action: 'apply_acceptance' })).rejects.toMatchObject({ code: 'E8524' });
    expect((await projects().transition(fumin, p.id, { action: 'start' })).status).toBe('BUILDING');
    expect((await projects().transition(fumin, p.id, { action: 'apply_acceptance' })).status).toBe('ACCEPTANCE');
  });

  it('is terminated only with a reason, and then takes no further step', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'BUILDING' });
    await expect(projects().transition(yunnan, p.id, { action: 'terminate', reason: ' ' })).rejects.toMatchObject({ code: 'E8526' });
    const t = await projects().transition(yunnan, p.id, { action: 'terminate', reason: '选址调整' });
    expect(t).toMatchObject({ status: 'TERMINATED', terminatedReason: '选址调整', light: 'done' });
    await expect(projects().transition(yunnan, p.id, { action: 'terminate', reason: 'again' })).rejects.toMatchObject({ code: 'E8524' });
  });

  it('turns yellow when milestones fall behind, and green again when the report says they were done on time', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'BUILDING', startDate: '2024-10-01' });
    // 2025-01-15: PLAN (2024-12-01) is due, and the 2024Q4 report (due 2025-01-05); nothing reported.
    expect(p.light).toBe('yellow');
    expect(p.onSchedule).toBe(false);
    const after = await projects().report(fumin, p.id, { period: '2024Q4', percent: 45, text: '建设方案已批复', milestonesDone: [{ code: 'PLAN', doneDate: '2024-11-20' }] });
    expect(after).toMatchObject({ light: 'green', onSchedule: true, percent: 45 });
  });

  it('reads a bound leaf of the 绩效目标表 live: the county\'s 中医馆设置率 from the reports', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'BUILDING' });
    const [township] = await childrenOf(ctx, FUMIN);
    for (const hall of [true, false]) {
      const f = await createTestFacility(ctx, { type: 'THC', divisionCode: township! });
      await createTestReport(ctx, { facility: f, period: '2024', values: completeValues(ctx, 'THC', { has_tcm_hall: hall }) });
    }
    const leaf = (await projects().detail(fumin, p.id)).targets.find((t) => t.indicator === 'tcm_hall_coverage')!;
    expect(leaf).toMatchObject({ actual: 50, target: 100, completion: 0.5, live: { period: '2024', areaCode: FUMIN } });
  });

  it('self-evaluates from the 绩效目标表 and the execution rate into a band (优 ≥ 90 … 差 < 60)', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'BUILDING' });
    const leaves = (await projects().detail(fumin, p.id)).targets.map((l) => ({ ...l, actual: l.indicator ? null : l.target }));
    await projects().setTargets(fumin, p.id, { leaves: leaves.filter((l) => !l.indicator) });
    await funds().manualBatch(yunnan, { fund: '中央财政中医药资金', year: 2025, kind: 'FORMAL', docNo: `云财社〔2025〕${p.id}号`, lines: [{ projectId: p.id, amount: '100000' }] });
    await funds().spend(fumin, { projectId: p.id, spentOn: '2025-01-10', amount: '50000', purpose: '设备采购' });
    const e = await projects().selfEvaluate(fumin, p.id, 2024);
    // Every leaf met (90 points) and half the money spent (5 of 10).
    expect(e).toMatchObject({ score: 95, band: 'EXCELLENT', budget: { rate: 0.5, points: 5 } });
    expect((await projects().detail(fumin, p.id)).lastBand).toBe('EXCELLENT');
  });

  it('is accepted by the province through the evaluation engine: automatic items from the hospital\'s report, manual ones scored, 完成 when it passes', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'ACCEPTANCE' });
    const sheet = await projects().acceptanceSheet(yunnan, p.id);
    expect(sheet).toMatchObject({ standard: 'COUNTY_HOSPITAL_TWO_ONE', period: '2024', passLine: 80 });
    expect(sheet.items.find((i) => i.item === 'Q1')).toMatchObject({ automatic: true, points: 20, value: 0.7 });
    await expect(projects().accept(fumin, p.id, { entries: [] })).rejects.toMatchObject({ code: 'E8525' });
    await expect(projects().accept(yunnan, p.id, { entries: [{ item: 'S1', points: 28 }] })).rejects.toMatchObject({ code: 'E8528' });
    const done = await projects().accept(yunnan, p.id, { entries: [{ item: 'S1', points: 28 }, { item: 'S2', points: 10 }, { item: 'C1', points: 20 }, { item: 'V1', veto: false }] });
    expect(done.status).toBe('COMPLETED');
    expect(done.acceptances[0]).toMatchObject({ passed: true, standard: 'COUNTY_HOSPITAL_TWO_ONE' });
    expect(done.acceptances[0]!.total).toBeGreaterThanOrEqual(80);
  });

  it('fails acceptance on a veto and stays in 验收', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'ACCEPTANCE' });
    const d = await projects().accept(yunnan, p.id, { entries: [{ item: 'S1', points: 30 }, { item: 'S2', points: 10 }, { item: 'C1', points: 20 }, { item: 'V1', veto: true }] });
    expect(d.status).toBe('ACCEPTANCE');
    expect(d.acceptances[0]).toMatchObject({ passed: false });
  });
});

describe('the inbox', () => {
  it('holds a declared project for the province to approve, then for the county to start', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code });
    const titles = async (a: Actor) => (await ctx.services.inbox.entries(a)).filter((e) => e.link === `/projects/${p.id}`).map((e) => e.title.split('：')[0]);
    expect(await titles(yunnan)).toEqual(['待立项']);
    expect(await titles(fumin)).toEqual([]);
    await projects().transition(yunnan, p.id, { action: 'approve' });
    expect(await titles(yunnan)).toEqual([]);
    expect(await titles(fumin)).toEqual(['待开工']);
    expect(await titles(wuhua)).toEqual([]);
  });
});

describe('funds', () => {
  const factorRows = [
    { areaCode: WUHUA, factors: { 机构数: '12', 缺口: '0.2' } },
    { areaCode: PANLONG, factors: { 机构数: '8', 缺口: '0.5' } },
    { areaCode: FUMIN, factors: { 机构数: '20', 缺口: '0.3' } },
  ];

  it('previews an allocation by factors exactly as the CLI rule computes it, with bands given', async () => {
    const bands = { [WUHUA]: 'EXCELLENT', [FUMIN]: 'POOR' } as const;
    const p = await funds().preview(yunnan, { area: '5301', total: '1000000.01', columns: ['机构数', '缺口'], rows: factorRows, weights: { 机构数: '0.6', 缺口: '0.4' }, bands });
    const expected = allocate({ total: '1000000.01', columns: ['机构数', '缺口'], areas: factorRows.map((r) => ({ code: r.areaCode, factors: r.factors })), weights: { 机构数: '0.6', 缺口: '0.4' }, bands });
    expect(p.rows.map((r) => [r.areaCode, r.amount, r.band])).toEqual(expected.map((r) => [r.areaCode, r.amount, r.band]));
    expect(p.rows.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0)).toBe(100000001);
  });

  it('stores a batch by factors with its basis, and refuses the same document number twice', async () => {
    const body = { area: '5301', total: '600000', columns: ['机构数', '缺口'], rows: factorRows, weights: { 机构数: '0.5', 缺口: '0.5' }, performance: false, fund: '中央财政转移支付', year: 2025, kind: 'ADVANCE' as const, docNo: '云财社〔2024〕88号' };
    const b = await funds().allocateByFactors(yunnan, body);
    expect(b).toMatchObject({ method: 'FACTOR', total: '600000.00', allocated: '600000.00', kind: 'ADVANCE' });
    expect(b.allocations.map((a) => a.areaCode)).toEqual([WUHUA, PANLONG, FUMIN]);
    await expect(funds().allocateByFactors(yunnan, body)).rejects.toMatchObject({ code: 'E8530' });
  });

  it('takes the areas\' last performance bands from the projects\' self-evaluations when none are given', async () => {
    const p = await funds().preview(yunnan, { area: '53', total: '100', columns: ['x'], rows: [{ areaCode: '5301', factors: { x: '1' } }], weights: { x: '1' } });
    // 富民县's projects self-evaluated 优 above: 昆明市 averages its projects' latest scores.
    expect(p.rows[0]!.band).not.toBeNull();
  });

  it('refuses an area outside the allocating level', async () => {
    await expect(funds().preview(yunnan, { area: '5301', total: '100', columns: ['x'], rows: [{ areaCode: '520102', factors: { x: '1' } }], weights: { x: '1' } })).rejects.toMatchObject({ code: 'E8531' });
  });

  it('builds the factor table from the platform: county TCM hospitals per county', async () => {
    const t = await funds().factorTable(yunnan, { area: '5301', level: 'county', factors: [{ name: '机构数', source: 'FACILITIES_ALL' }] });
    expect(t.columns).toEqual(['机构数']);
    expect(t.rows.find((r) => r.areaCode === WUHUA)?.factors['机构数']).toBe('1');
  });

  it('warns when execution falls behind 序时进度 and clears when spending catches up', async () => {
    const p = await createTestProject(ctx, { owner: wuhua, manager: yunnan }, { subjectCode: wuhuaHospital.code, status: 'BUILDING' });
    await funds().manualBatch(yunnan, { fund: '省级中医药资金', year: 2024, kind: 'FORMAL', docNo: `云财社〔2024〕${p.id}号`, lines: [{ projectId: p.id, amount: '200000' }] });
    await funds().spend(wuhua, { projectId: p.id, year: 2024, spentOn: '2024-06-30', amount: '60000', purpose: '改造' });
    // A 2024 fund seen in 2025: the plan is 100 %, 30 % spent → 严重滞后.
    let d = await projects().detail(wuhua, p.id);
    expect(d.funds).toMatchObject({ allocated: '200000.00', spent: '60000.00', rate: 0.3, planned: 1, warning: 'far_behind' });
    const row = (await funds().execution(yunnan, { area: '5301', year: 2024 })).rows.find((r) => r.areaCode === WUHUA)!;
    expect(row.warning).toBe('far_behind');
    await funds().spend(wuhua, { projectId: p.id, year: 2024, spentOn: '2024-12-20', amount: '130000', purpose: '设备' });
    d = await projects().detail(wuhua, p.id);
    expect(d.funds).toMatchObject({ rate: 0.95, warning: 'ok' });
  });

  it('shows, without a year, the latest year funds were allocated in the area', async () => {
    // 2025-01-15: next year's money handed down in advance (提前下达) is the latest; nothing of it is due yet.
    await funds().manualBatch(yunnan, { fund: '来年资金', year: 2026, kind: 'ADVANCE', docNo: '云财社〔2025〕7号', lines: [{ areaCode: PANLONG, amount: '500' }] });
    const e = await funds().execution(yunnan, { area: PANLONG });
    expect(e).toMatchObject({ year: 2026, total: { allocated: '500.00', spent: '0.00', rate: 0, planned: 0, warning: 'ok' } });
  });

  it('records a reversal as a negative entry, never below zero', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'BUILDING' });
    await funds().spend(fumin, { projectId: p.id, spentOn: '2025-01-02', amount: '100', purpose: '办公' });
    await expect(funds().spend(fumin, { projectId: p.id, spentOn: '2025-01-03', amount: '-100.01', purpose: '冲销' })).rejects.toMatchObject({ code: 'E8533' });
    const r = await funds().spend(fumin, { projectId: p.id, spentOn: '2025-01-03', amount: '-100', purpose: '冲销' });
    expect(r.amount).toBe('-100.00');
  });

  it('writes the ledger of a batch as Excel', async () => {
    const b = await funds().manualBatch(yunnan, { fund: '台账测试资金', year: 2025, kind: 'FORMAL', docNo: '云财社〔2025〕1号', lines: [{ areaCode: FUMIN, amount: '10' }, { areaCode: WUHUA, amount: '20.5' }] });
    const f = await funds().ledger(yunnan, { batch: b.id }, 'xlsx');
    expect(f.fileName).toContain('资金台账');
    const chunks: Buffer[] = [];
    for await (const c of f.body) chunks.push(Buffer.from(c as Buffer));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const kinds = wb.worksheets[0]!.getColumn(2).values.slice(2).map(String);
    expect(kinds.filter((k) => k.startsWith('下达'))).toHaveLength(2);
  });
});

describe('facts in the indicators', () => {
  it('fund_execution_rate and project_on_schedule_rate move at the next sync', async () => {
    const read = async () => {
      await ctx.services.engine.sync();
      return ctx.services.analytics.values(nation, { indicators: ['fund_execution_rate', 'project_on_schedule_rate'], periods: ['2025'], area: '52', level: 'province' });
    };
    const before = await read();
    expect(before.find((r) => r.indicator === 'fund_execution_rate')?.denominator ?? 0).toBe(0);
    const gz = await createCountyHospital(ctx, '520102', '南明区中医医院');
    const gzOwner = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '520102' });
    const p = await createTestProject(ctx, { owner: gzOwner, manager: guizhou }, { subjectCode: gz.code, status: 'BUILDING', startDate: '2025-01-01' });
    await funds().manualBatch(guizhou, { fund: '中央财政中医药资金', year: 2025, kind: 'FORMAL', docNo: '黔财社〔2025〕3号', lines: [{ projectId: p.id, amount: '1000' }] });
    await funds().spend(gzOwner, { projectId: p.id, spentOn: '2025-01-10', amount: '250', purpose: '培训' });
    const after = await read();
    expect(after.find((r) => r.indicator === 'fund_execution_rate')).toMatchObject({ numerator: 250, denominator: 1000, value: 0.25 });
    expect(after.find((r) => r.indicator === 'project_on_schedule_rate')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('expect no report: their rows claim no completeness (the banner reads the reports) yet keep their target status', async () => {
    await ctx.services.engine.sync();
    const rows = await ctx.services.analytics.values(nation, { indicators: ['fund_execution_rate', 'project_on_schedule_rate'], periods: ['2025'], area: '52', level: 'province' });
    for (const r of rows) expect(r).toMatchObject({ expectedReports: 0, reportedReports: 0 });
    expect(rows.find((r) => r.indicator === 'project_on_schedule_rate')).toMatchObject({ target: 0.9, met: true });
  });
});

describe('scope, from the other side', () => {
  it('a county without projects lists none (an empty page reads no rows)', async () => {
    const panlong = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: PANLONG });
    expect(await projects().list(panlong)).toEqual({ items: [], counts: {} });
  });

  it('a county cannot read, move or fund another county\'s project', async () => {
    const p = await createTestProject(ctx, managed(), { subjectCode: hospital.code, status: 'BUILDING' });
    await expect(projects().detail(wuhua, p.id)).rejects.toMatchObject({ code: 'E8522' });
    await expect(projects().report(wuhua, p.id, { percent: 10, text: 'x' })).rejects.toMatchObject({ code: 'E8522' });
    await expect(funds().spend(wuhua, { projectId: p.id, spentOn: '2025-01-02', amount: '1', purpose: 'x' })).rejects.toMatchObject({ code: 'E8522' });
    expect((await projects().list(wuhua)).items.map((x) => x.areaCode).every((a) => a === WUHUA)).toBe(true);
    await expect(projects().list(wuhua, { area: FUMIN })).rejects.toMatchObject({ code: 'E8531' });
  });

  it('another province sees none of 云南\'s projects or batches, and cannot allocate to its counties', async () => {
    expect((await projects().list(guizhou)).items.every((x) => x.areaCode.startsWith('52'))).toBe(true);
    expect((await funds().batches(guizhou)).every((b) => b.fromArea.startsWith('52'))).toBe(true);
    await expect(funds().manualBatch(guizhou, { fund: 'x', year: 2025, kind: 'FORMAL', docNo: 'x1', lines: [{ areaCode: FUMIN, amount: '1' }] })).rejects.toMatchObject({ code: 'E8531' });
  });

  it('a viewer reads but cannot declare a project or book spending', async () => {
    expect((await projects().list(viewer)).items.length).toBeGreaterThan(0);
    await expect(projects().create(viewer, { type: 'TWO_SPECIALTIES_ONE_CENTRE', subjectCode: hospital.code, startDate: '2024-01-01' })).rejects.toMatchObject({ code: 'E2101' });
    await expect(funds().spend(viewer, { areaCode: FUMIN, spentOn: '2025-01-02', amount: '1', purpose: 'x' })).rejects.toMatchObject({ code: 'E2101' });
  });
});
