/**
 * Data entry: a draft is saved with its rule errors and warnings reported (not blocking);
 * submitting is blocked by an error rule (E5001) and by warnings without a comment (E5002, a
 * value more than 3× or under ⅓ of the previous year's), allowed with a comment; validation
 * without saving; the value history per field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import type { Report } from '../../../src/server/modules/data-entry/report.repository.js';
import { createTestFacility } from '../../support/builders/index.js';
import { client, login, type Client, expectError } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let wuhua: Client;
const F = 'ES-CHC';
const url = (code = F, period = '2024') => `/api/reports/GTCM_ANNUAL/${period}/${code}`;
const stored = (code = F, period = '2024') => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });

/** The required elements of the CHC's form these tests do not vary (has_tcm_hall, tcm_physicians as last year). */
const REST = { has_tcm_hall: true, tcm_physicians: 2 };
/** The required elements of a village clinic's form besides physicians and provides_tcm. */
const VC_REST = { has_tcm_pavilion: false, tcm_physicians: 0, visits: 10, tcm_visits: 2 };

/** The previous year's accepted report: physicians 10, visits 1000, tcm_visits 200. */
const PREVIOUS = { physicians: 10, tcm_physicians: 2, visits: 1000, tcm_visits: 200 };

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  wuhua = client(app, await login(app, 'wuhua'));
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: F, opened: '2010-01-01' });
  const at = '2024-03-01T00:00:00.000Z';
  const prev: Report = {
    dataSet: 'GTCM_ANNUAL', period: '2023', facilityCode: F, values: PREVIOUS, status: 'APPROVED', approvalLevel: 0, submittedAt: at, comment: null, returnReason: null,
    approvedAt: at, approvedBy: 'nation', createdAt: at, updatedAt: at, updatedBy: 'test',
  };
  await ctx.store.repos.reports.upsert(prev);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});


describe('drafts and submission', () => {
  it('PUT saves a draft even when an error rule fails; the violation comes back in validation', async () => {
    const r = await wuhua.put(url(), { values: { ...REST, physicians: 11, visits: 400, tcm_visits: 500 } });
    expect(r.status).toBe(200);
    expect(r.body.validation.errors).toEqual([
      { rule: 'R_TCM_VISITS', elements: ['tcm_visits', 'visits'], severity: 'ERROR', message: '中医诊疗人次不能大于总诊疗人次', messageEn: 'TCM visits cannot exceed total visits' },
    ]);
    expect(r.body.report).toMatchObject({ status: 'DRAFT', submittedAt: null, values: { physicians: 11, visits: 400, tcm_visits: 500 } });
    expect(await stored()).toMatchObject({ status: 'DRAFT', values: { physicians: 11, visits: 400, tcm_visits: 500 } });
  });

  it('submit is blocked by the error rule: 400 E5001, the report stays a draft', async () => {
    const before = await stored();
    const r = await wuhua.post(`${url()}/submit`, {});
    expectError(r, 400, 'E5001');
    expect(r.body.error.violations.map((v: any) => v.rule)).toEqual(['R_TCM_VISITS']);
    expect(await stored()).toEqual(before);
  });

  it('submit with values that still break a rule is blocked and stores none of the new values', async () => {
    const before = await stored();
    expectError(await wuhua.post(`${url()}/submit`, { values: { ...REST, physicians: 12, visits: 100, tcm_visits: 300 } }), 400, 'E5001');
    expect(await stored()).toEqual(before);
  });

  it('a value more than 3× last year\'s is a warning: the draft saves, submit without a comment → 400 E5002', async () => {
    const values = { ...REST, physicians: 40, visits: 1100, tcm_visits: 250 };
    const put = await wuhua.put(url(), { values });
    expect(put.status).toBe(200);
    expect(put.body.validation.errors).toEqual([]);
    expect(put.body.validation.warnings).toEqual([expect.objectContaining({ rule: 'W_CHANGE', elements: ['physicians'], severity: 'WARNING' })]);
    expect(put.body.validation.warnings[0].message).toContain('40');
    const blocked = await wuhua.post(`${url()}/submit`, {});
    expectError(blocked, 400, 'E5002');
    expect(blocked.body.error.violations.map((v: any) => v.rule)).toEqual(['W_CHANGE']);
    expectError(await wuhua.post(`${url()}/submit`, { comment: '   ' }), 400, 'E5002');
    expect(await stored()).toMatchObject({ status: 'DRAFT', submittedAt: null, comment: null });
  });

  it('a value under ⅓ of last year\'s warns too', async () => {
    const r = await wuhua.post('/api/reports/validate', { dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: F, values: { physicians: 3 } });
    expect(r.body.validation.warnings.map((w: any) => w.elements)).toEqual([['physicians']]);
  });

  it('with a comment the warning does not block: SUBMITTED, submittedAt now, the comment kept', async () => {
    ctx.clock.advanceMinutes(10);
    const r = await wuhua.post(`${url()}/submit`, { comment: '新增分院，医师增加' });
    expect(r.status).toBe(200);
    const now = ctx.clock.now().toISOString();
    expect(r.body.report).toMatchObject({ status: 'SUBMITTED', submittedAt: now, comment: '新增分院，医师增加' });
    expect(await stored()).toMatchObject({ status: 'SUBMITTED', submittedAt: now, comment: '新增分院，医师增加', values: { physicians: 40, visits: 1100, tcm_visits: 250 } });
  });

  it('submit with values in one call saves and submits (admin; for wuhua a 530124 facility is 403)', async () => {
    await createTestFacility(ctx, { type: 'VC', divisionCode: (await ctx.store.repos.divisions.children('530124103'))[0].code, code: 'ES-VC', opened: '2010-01-01' });
    const r = await wuhua.post(`${url('ES-VC')}/submit`, { values: { physicians: 1 } });
    expectError(r, 403, 'E2102'); // a 530124 facility is outside wuhua's county
    const admin = client(app, await login(app, 'admin'));
    const ok = await admin.post(`${url('ES-VC')}/submit`, { values: { ...VC_REST, physicians: 1, provides_tcm: true } });
    expect(ok.status).toBe(200);
    expect(ok.body.validation).toEqual({ errors: [], warnings: [] });
    expect(await stored('ES-VC')).toMatchObject({ status: 'SUBMITTED', values: { physicians: 1, provides_tcm: true } });
  });
});

describe('required elements', () => {
  it('an empty report cannot be submitted: E5001 lists every required element of the form', async () => {
    await createTestFacility(ctx, { type: 'VC', divisionCode: '530102001001', code: 'ES-EMPTY', opened: '2010-01-01' });
    const r = await wuhua.post(`${url('ES-EMPTY')}/submit`, { values: {} });
    expectError(r, 400, 'E5001');
    expect(r.body.error.violations.filter((v: any) => v.rule === 'REQUIRED').map((v: any) => v.elements[0])).toEqual([
      'has_tcm_pavilion', 'provides_tcm', 'physicians', 'tcm_physicians', 'visits', 'tcm_visits',
    ]);
    expect(await stored('ES-EMPTY')).toBeNull();
  });

  it('a draft may be incomplete: it saves, naming what is still to fill', async () => {
    await createTestFacility(ctx, { type: 'VC', divisionCode: '530102001001', code: 'ES-PART', opened: '2010-01-01' });
    const r = await wuhua.put(url('ES-PART'), { values: { physicians: 1, visits: 10 } });
    expect(r.status).toBe(200);
    expect(r.body.validation.errors.map((v: any) => v.message)).toEqual(['必填项未填：设置中医阁', '必填项未填：能够提供中医药服务', '必填项未填：中医类别执业(助理)医师数', '必填项未填：中医诊疗人次']);
  });
});

describe('POST /api/reports/validate', () => {
  it('returns errors and warnings for the values without saving anything', async () => {
    const before = await stored();
    const r = await wuhua.post('/api/reports/validate', { dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: F, values: { ...REST, physicians: 50, tcm_physicians: 60, visits: 1000, tcm_visits: 200 } });
    expect(r.status).toBe(200);
    expect(r.body.validation.errors.map((e: any) => e.rule)).toEqual(['R_TCM_PHYSICIANS']);
    expect(r.body.validation.warnings.map((w: any) => w.elements[0]).sort()).toEqual(['physicians', 'tcm_physicians']);
    expect(await stored()).toEqual(before);
  });

  it('clean values validate clean; a type error is refused (400 E1403); another county\'s facility is 403', async () => {
    expect((await wuhua.post('/api/reports/validate', { dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: F, values: { ...REST, physicians: 11, tcm_physicians: 3, visits: 1000, tcm_visits: 200 } })).body.validation).toEqual({ errors: [], warnings: [] });
    expectError(await wuhua.post('/api/reports/validate', { dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: F, values: { physicians: 'ten' } }), 400, 'E1403');
    expectError(await wuhua.post('/api/reports/validate', { dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: 'CHC-530103001', values: { physicians: 1 } }), 403, 'E2102');
  });
});

describe('value history', () => {
  it('after two saves the newest entry shows before → after for the changed element only', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: 'ES-HIST', opened: '2010-01-01' });
    expect((await wuhua.put(url('ES-HIST'), { values: { physicians: 5, visits: 100 } })).status).toBe(200);
    ctx.clock.advanceMinutes(3);
    expect((await wuhua.put(url('ES-HIST'), { values: { physicians: 6, visits: 100 } })).status).toBe(200);
    const r = await wuhua.get(`${url('ES-HIST')}/history`);
    expect(r.status).toBe(200);
    const items = r.body.items as { at: string; actor: string; action: string; element: string; before: unknown; after: unknown }[];
    expect(items[0]).toEqual({ at: ctx.clock.now().toISOString(), actor: 'wuhua', action: 'update', element: 'physicians', before: 5, after: 6 });
    expect(items.filter((i) => i.action === 'update')).toHaveLength(1);
    expect(items.filter((i) => i.action === 'create').map((i) => [i.element, i.before, i.after]).sort()).toEqual([
      ['physicians', null, 5],
      ['visits', null, 100],
    ]);
  });

  it('a removed value shows after null; another county\'s history is 403', async () => {
    ctx.clock.advanceMinutes(3);
    expect((await wuhua.put(url('ES-HIST'), { values: { physicians: 6 } })).status).toBe(200);
    const items = (await wuhua.get(`${url('ES-HIST')}/history`)).body.items;
    expect(items[0]).toMatchObject({ action: 'update', element: 'visits', before: 100, after: null });
    expectError(await wuhua.get(`${url('CHC-530103001')}/history`), 403, 'E2102');
  });
});

describe('a facility reporter', () => {
  it('enters and submits for its own facility, cannot approve, and is locked out once the county approved', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: 'ES-REP', opened: '2010-01-01' });
    expect((await wuhua.post('/api/users', { username: 'rep-es', password: 'Report@2024', role: 'FACILITY_REPORTER', scopeCode: 'ES-REP' })).status).toBe(201);
    const rep = client(app, await login(app, 'rep-es', 'Report@2024'));
    expect((await rep.put(url('ES-REP'), { values: { ...REST, physicians: 4, visits: 300, tcm_visits: 60 } })).status).toBe(200);
    expect((await rep.post(`${url('ES-REP')}/submit`, {})).status).toBe(200);
    expectError(await rep.post('/api/approvals/approve', { period: '2024', facilityCodes: ['ES-REP'] }), 403, 'E2101');
    expectError(await rep.put(url(F), { values: { physicians: 4 } }), 403, 'E2102');
    expect((await wuhua.post('/api/approvals/approve', { period: '2024', facilityCodes: ['ES-REP'] })).status).toBe(200);
    expectError(await rep.put(url('ES-REP'), { values: { physicians: 5 } }), 409, 'E5102');
    expect(await stored('ES-REP')).toMatchObject({ status: 'APPROVED', approvalLevel: 3, values: { physicians: 4 } });
  });
});
