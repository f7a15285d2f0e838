/**
 * The approval service on a SQLite store (no HTTP): each level approves only what waits for it,
 * a return needs a reason, an approval locks the report from its level down, approve-all stays
 * in the caller's scope. Every test makes its own facilities and reports with the builders;
 * the approve-all tests each use a period of their own, since they act on a whole area.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import { childrenOf, completeValues, createTestActor, createTestFacility, createTestReport, FUMIN, PANLONG, WUHUA, type TestReport } from '../../../../test/support/builders/index.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-context.js';

let ctx: TestContext;
let county: Actor;
let city: Actor;
let province: Actor;
let nation: Actor;
let viewer: Actor;
/** A township of each fixture county, where the CHCs below go. */
const township: Record<string, string> = {};

const DS = 'GTCM_ANNUAL';
const stored = (code: string, period = '2024') => ctx.store.repos.reports.get({ dataSet: DS, period, facilityCode: code });
const approvals = () => ctx.services.approvals;

/** A new CHC of a county (五华区 by default) with a report in the given state. */
async function reportIn(state: Omit<TestReport, 'facility' | 'period'> & { period?: string; county?: string } = {}) {
  const facility = await createTestFacility(ctx, { type: 'CHC', divisionCode: township[state.county ?? WUHUA] });
  return createTestReport(ctx, { period: '2024', ...state, facility });
}

const auditOf = async (code: string, period = '2024') =>
  (await ctx.store.repos.audit.list({ entity: 'report', entityKey: `${DS}/${period}/${code}` }, { offset: 0, limit: 50 })).items;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, store: 'sqlite' });
  for (const c of [WUHUA, PANLONG, FUMIN]) township[c] = (await childrenOf(ctx, c))[0];
  [county, city, province, nation, viewer] = await Promise.all([
    createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA }),
    createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '5301' }),
    createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' }),
    createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' }),
    createTestActor(ctx, { role: 'VIEWER', scopeCode: 'CN' }),
  ]);
});

afterAll(async () => ctx?.dispose());

describe('approve, one level at a time', () => {
  it('the county approves a submitted report at level 3, naming itself and the time', async () => {
    const r = await reportIn({ status: 'SUBMITTED' });
    ctx.clock.advanceMinutes(1);
    expect(await approvals().approve(county, DS, '2024', [r.facilityCode])).toBe(1);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, approvedBy: county.username, approvedAt: ctx.clock.now().toISOString(), values: r.values });
  });

  it('the city approves a county-approved report at level 2', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3 });
    expect(await approvals().approve(city, DS, '2024', [r.facilityCode])).toBe(1);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'APPROVED', approvalLevel: 2, approvedBy: city.username });
  });

  it('the province approves a city-approved report at level 1', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 2 });
    expect(await approvals().approve(province, DS, '2024', [r.facilityCode])).toBe(1);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'APPROVED', approvalLevel: 1, approvedBy: province.username });
  });

  it('the nation accepts a province-approved report at level 0', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 1 });
    expect(await approvals().approve(nation, DS, '2024', [r.facilityCode])).toBe(1);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'APPROVED', approvalLevel: 0, approvedBy: nation.username });
  });

  it('a level above the one the report waits for is refused (E5101) and nothing changes', async () => {
    const r = await reportIn({ status: 'SUBMITTED' });
    await expect(approvals().approve(city, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E5101' });
    await expect(approvals().approve(province, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E5101' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('the same level cannot approve twice (E5101)', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3 });
    await expect(approvals().approve(county, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E5101' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('a nationally accepted report waits for no one: the nation cannot approve it again (E5101)', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 0 });
    await expect(approvals().approve(nation, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E5101' });
  });

  it('a draft cannot be approved (E5101)', async () => {
    const r = await reportIn({ status: 'DRAFT' });
    await expect(approvals().approve(county, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E5101' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('approving several is all-or-nothing: one draft among them and the submitted one stays submitted', async () => {
    const submitted = await reportIn({ status: 'SUBMITTED' });
    const draft = await reportIn({ status: 'DRAFT' });
    await expect(approvals().approve(county, DS, '2024', [submitted.facilityCode, draft.facilityCode])).rejects.toMatchObject({ code: 'E5101' });
    expect(await stored(submitted.facilityCode)).toEqual(submitted);
    expect(await stored(draft.facilityCode)).toEqual(draft);
  });

  it('a facility without a report for the period is refused (E1105)', async () => {
    const f = await createTestFacility(ctx, { type: 'CHC', divisionCode: township[WUHUA] });
    await expect(approvals().approve(county, DS, '2024', [f.code])).rejects.toMatchObject({ code: 'E1105' });
  });

  it('a report of another county is refused (E2102) and stays submitted', async () => {
    const r = await reportIn({ status: 'SUBMITTED', county: PANLONG });
    await expect(approvals().approve(county, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E2102' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('a viewer cannot approve (E2101)', async () => {
    const r = await reportIn({ status: 'SUBMITTED' });
    await expect(approvals().approve(viewer, DS, '2024', [r.facilityCode])).rejects.toMatchObject({ code: 'E2101' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('an approval is audited with the state before and after', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3 });
    await approvals().approve(city, DS, '2024', [r.facilityCode]);
    expect(await auditOf(r.facilityCode)).toEqual([
      expect.objectContaining({ actor: city.username, action: 'approve', before: { status: 'APPROVED', approvalLevel: 3 }, after: { status: 'APPROVED', approvalLevel: 2 } }),
    ]);
  });
});

describe('return', () => {
  it('with a reason: RETURNED, the approval cleared, the reason (trimmed) kept', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 0 });
    expect(await approvals().return(nation, DS, '2024', [r.facilityCode], '  医师数与上年差异过大，请核实 ')).toBe(1);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'RETURNED', approvalLevel: null, approvedBy: null, approvedAt: null, returnReason: '医师数与上年差异过大，请核实', values: r.values });
  });

  it('the county returns a submitted report', async () => {
    const r = await reportIn({ status: 'SUBMITTED' });
    expect(await approvals().return(county, DS, '2024', [r.facilityCode], '请补充中医类别医师数')).toBe(1);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'RETURNED', returnReason: '请补充中医类别医师数' });
  });

  it.each([[''], ['   ']])('is refused without a reason (E5103, reason %j) and nothing changes', async (reason) => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 0 });
    await expect(approvals().return(nation, DS, '2024', [r.facilityCode], reason)).rejects.toMatchObject({ code: 'E5103', detail: { field: 'reason' } });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('is refused below the approving level: the county cannot return what the city approved (E5104)', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 2 });
    await expect(approvals().return(county, DS, '2024', [r.facilityCode], '县级要求退回')).rejects.toMatchObject({ code: 'E5104' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('a draft cannot be returned (E5104)', async () => {
    const r = await reportIn({ status: 'DRAFT' });
    await expect(approvals().return(nation, DS, '2024', [r.facilityCode], '无需退回')).rejects.toMatchObject({ code: 'E5104' });
  });

  it('is audited with the reason', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3 });
    await approvals().return(province, DS, '2024', [r.facilityCode], '请核实');
    expect(await auditOf(r.facilityCode)).toEqual([
      expect.objectContaining({ actor: province.username, action: 'return', before: { status: 'APPROVED', approvalLevel: 3 }, after: { status: 'RETURNED', reason: '请核实' } }),
    ]);
  });
});

describe('locks', () => {
  it('the county cannot change a report it approved (E5102); the values stay', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3, values: { physicians: 5, visits: 100 } });
    await expect(ctx.services.reports.save(county, DS, '2024', r.facilityCode, { physicians: 6, visits: 100 })).rejects.toMatchObject({ code: 'E5102' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('the county sees the approved report as locked, with the reason in Chinese', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3 });
    expect(await ctx.services.reports.get(county, DS, '2024', r.facilityCode)).toMatchObject({ locked: true, lockedReason: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('a level above the approval may still correct the values; the approval stays', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 3, values: { physicians: 5, visits: 100 } });
    await ctx.services.reports.save(province, DS, '2024', r.facilityCode, { physicians: 6, visits: 100 });
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, values: { physicians: 6, visits: 100 } });
  });

  it('the approving level itself cannot correct them (E5102)', async () => {
    const r = await reportIn({ status: 'APPROVED', approvalLevel: 1 });
    await expect(ctx.services.reports.save(province, DS, '2024', r.facilityCode, { physicians: 7 })).rejects.toMatchObject({ code: 'E5102' });
    expect(await stored(r.facilityCode)).toEqual(r);
  });

  it('a returned report is unlocked: the county saves a draft that keeps the reason', async () => {
    const r = await reportIn({ status: 'RETURNED', returnReason: '请核实医师数' });
    expect((await ctx.services.reports.get(county, DS, '2024', r.facilityCode)).locked).toBe(false);
    const { report } = await ctx.services.reports.save(county, DS, '2024', r.facilityCode, { physicians: 4, visits: 100 });
    expect(report).toMatchObject({ status: 'DRAFT', returnReason: '请核实医师数', values: { physicians: 4, visits: 100 } });
  });

  it('resubmitting a returned report clears the reason', async () => {
    const r = await reportIn({ status: 'RETURNED', returnReason: '请核实医师数', values: completeValues(ctx, 'CHC') });
    await ctx.services.reports.submit(county, DS, '2024', r.facilityCode);
    expect(await stored(r.facilityCode)).toMatchObject({ status: 'SUBMITTED', returnReason: null, values: r.values });
  });
});

describe('approve-all', () => {
  it('approves every report waiting for the county in its county, and counts them', async () => {
    const period = '2031';
    const waiting = [await reportIn({ period }), await reportIn({ period })];
    const draft = await reportIn({ period, status: 'DRAFT' });
    const approved = await reportIn({ period, status: 'APPROVED', approvalLevel: 3 });
    expect(await approvals().approveAll(county, DS, period)).toBe(2);
    for (const r of waiting) expect(await stored(r.facilityCode, period)).toMatchObject({ status: 'APPROVED', approvalLevel: 3, approvedBy: county.username, values: r.values });
    expect(await stored(draft.facilityCode, period)).toEqual(draft);
    expect(await stored(approved.facilityCode, period)).toEqual(approved);
  });

  it('leaves the submitted reports of other counties alone', async () => {
    const period = '2032';
    const others = [await reportIn({ period, county: PANLONG }), await reportIn({ period, county: FUMIN })];
    expect(await approvals().approveAll(county, DS, period)).toBe(0);
    for (const r of others) expect(await stored(r.facilityCode, period)).toEqual(r);
  });

  it('at the city approves only what the county approved, not what waits for the county', async () => {
    const period = '2033';
    const countyApproved = await reportIn({ period, status: 'APPROVED', approvalLevel: 3, county: FUMIN });
    const submitted = await reportIn({ period, county: PANLONG });
    expect(await approvals().approveAll(city, DS, period)).toBe(1);
    expect(await stored(countyApproved.facilityCode, period)).toMatchObject({ status: 'APPROVED', approvalLevel: 2, approvedBy: city.username });
    expect(await stored(submitted.facilityCode, period)).toEqual(submitted);
  });

  it('with an area inside the scope approves only that area', async () => {
    const period = '2034';
    const [t1, t2] = await childrenOf(ctx, WUHUA);
    const inside = await createTestReport(ctx, { period, facility: await createTestFacility(ctx, { type: 'CHC', divisionCode: t1 }) });
    const beside = await createTestReport(ctx, { period, facility: await createTestFacility(ctx, { type: 'CHC', divisionCode: t2 }) });
    expect(await approvals().approveAll(county, DS, period, t1)).toBe(1);
    expect((await stored(inside.facilityCode, period))!.status).toBe('APPROVED');
    expect(await stored(beside.facilityCode, period)).toEqual(beside);
  });

  it('with an area outside the scope is refused (E2102) and approves nothing', async () => {
    const period = '2035';
    const r = await reportIn({ period, county: PANLONG });
    await expect(approvals().approveAll(county, DS, period, PANLONG)).rejects.toMatchObject({ code: 'E2102' });
    expect(await stored(r.facilityCode, period)).toEqual(r);
  });

  it('writes one audit record per approved report, marked as bulk', async () => {
    const period = '2036';
    const rs = [await reportIn({ period }), await reportIn({ period })];
    await approvals().approveAll(county, DS, period);
    for (const r of rs)
      expect(await auditOf(r.facilityCode, period)).toEqual([
        expect.objectContaining({ actor: county.username, action: 'approve', before: { approvalLevel: null }, after: { status: 'APPROVED', approvalLevel: 3, bulk: true } }),
      ]);
  });
});

describe('the work list', () => {
  it('offers the county to approve and return a submitted report of its county', async () => {
    const r = await reportIn({ period: '2037' });
    const { items } = await approvals().list(county, { dataSet: DS, period: '2037', status: 'SUBMITTED' }, 1, 100);
    expect(items.find((i) => i.facilityCode === r.facilityCode)).toMatchObject({ status: 'SUBMITTED', approvalLevel: null, canApprove: true, canReturn: true });
  });

  it('shows the province a submitted report without offering to approve it', async () => {
    const r = await reportIn({ period: '2038' });
    const { items } = await approvals().list(province, { dataSet: DS, period: '2038', area: WUHUA, status: 'SUBMITTED' }, 1, 100);
    expect(items.find((i) => i.facilityCode === r.facilityCode)).toMatchObject({ canApprove: false, canReturn: true });
  });

  it('`waiting` lists only what waits for the caller’s level', async () => {
    const period = '2039';
    const forCity = await reportIn({ period, status: 'APPROVED', approvalLevel: 3 });
    await reportIn({ period });
    await reportIn({ period, status: 'APPROVED', approvalLevel: 2 });
    const { items, total } = await approvals().list(city, { dataSet: DS, period, waiting: true }, 1, 100);
    expect(total).toBe(1);
    expect(items.map((i) => i.facilityCode)).toEqual([forCity.facilityCode]);
  });
});
