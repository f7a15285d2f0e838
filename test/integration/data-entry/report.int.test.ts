/**
 * Reports (data values) over HTTP: the applicable elements per facility type, save and read
 * back, every value check (E1401–E1405, E1002), delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createTestFacility } from '../../support/builders/index.js';
import { client, login, type Client, expectError } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let wuhua: Client;
let admin: Client;
/** Fresh facilities without demo reports. */
let chc: string;
let vc: string;
let cth: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  wuhua = client(app, await login(app, 'wuhua'));
  admin = client(app, await login(app, 'admin'));
  chc = (await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102006', code: 'RPT-CHC', opened: '2015-01-01' })).code;
  const village = (await ctx.store.repos.divisions.children('530124103'))[0].code;
  vc = (await createTestFacility(ctx, { type: 'VC', divisionCode: village, code: 'RPT-VC', opened: '2015-01-01' })).code;
  cth = (await createTestFacility(ctx, { type: 'COUNTY_TCM_HOSPITAL', divisionCode: '530124', code: 'RPT-CTH', opened: '2015-01-01' })).code;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const url = (code: string, period = '2024', ds = 'GTCM_ANNUAL') => `/api/reports/${ds}/${period}/${code}`;
const stored = (code: string, period = '2024') => ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period, facilityCode: code });


describe('elements per facility type', () => {
  it('a village clinic has has_tcm_pavilion and provides_tcm but not has_tcm_hall', async () => {
    const r = await admin.get(url(vc));
    expect(r.status).toBe(200);
    expect(r.body.report).toBeNull();
    expect(r.body.elements).toEqual(expect.arrayContaining(['has_tcm_pavilion', 'provides_tcm', 'technique_categories', 'physicians']));
    expect(r.body.elements).not.toContain('has_tcm_hall');
    expect(r.body.elements).not.toContain('elderly_residents');
  });

  it('a CHC has has_tcm_hall and the elderly/children elements but not has_tcm_pavilion', async () => {
    const r = await wuhua.get(url(chc));
    expect(r.body.elements).toEqual(expect.arrayContaining(['has_tcm_hall', 'elderly_residents', 'children_due', 'technique_categories']));
    expect(r.body.elements).not.toContain('has_tcm_pavilion');
  });

  it('a county TCM hospital has only the staff and visit elements', async () => {
    const r = await admin.get(url(cth));
    expect([...r.body.elements].sort()).toEqual(['physicians', 'tcm_nondrug_visits', 'tcm_physicians', 'tcm_visits', 'visits']);
  });
});

describe('save and read back', () => {
  const values = {
    has_tcm_hall: true,
    technique_categories: ['ACUPUNCTURE', 'MOXIBUSTION', 'CUPPING', 'TUINA'],
    physicians: 12,
    tcm_physicians: 3,
    visits: 20000,
    tcm_visits: 4500,
    tcm_education_sessions: 6,
  };

  it('PUT stores the values and GET returns them with who and when', async () => {
    const put = await wuhua.put(url(chc), { values });
    expect(put.status).toBe(200);
    expect(put.body.report).toMatchObject({ facilityCode: chc, dataSet: 'GTCM_ANNUAL', period: '2024', values, updatedBy: 'wuhua' });
    const got = await wuhua.get(url(chc));
    expect(got.body.report).toMatchObject({ facilityCode: chc, period: '2024', values, updatedBy: 'wuhua', updatedAt: ctx.clock.now().toISOString() });
    expect((await stored(chc))!.values).toEqual(values);
  });

  it('a second PUT replaces the values (removed elements are gone)', async () => {
    const next = { has_tcm_hall: false, physicians: 13 };
    expect((await admin.put(url(chc), { values: next })).status).toBe(200);
    const got = await wuhua.get(url(chc));
    expect(got.body.report.values).toEqual(next);
    expect(got.body.report.updatedBy).toBe('admin');
  });

  it('stores booleans, integers and a multi-select on a village clinic', async () => {
    const v = { has_tcm_pavilion: true, provides_tcm: true, technique_categories: ['GUASHA'], physicians: 1, tcm_physicians: 0 };
    expect((await admin.put(url(vc, '2023'), { values: v })).status).toBe(200);
    expect((await admin.get(url(vc, '2023'))).body.report.values).toEqual(v);
  });
});

describe('value checks (nothing is stored when one fails)', () => {
  const untouched = async (code: string, period: string) => expect(await stored(code, period)).toBeNull();

  it('unknown element → 400 E1401', async () => {
    expectError(await admin.put(url(vc, '2022'), { values: { physicians: 2, no_such_element: 1 } }), 400, 'E1401', 'no_such_element');
    await untouched(vc, '2022');
  });

  it('element not applicable to the facility type → 400 E1402', async () => {
    expectError(await admin.put(url(vc, '2022'), { values: { has_tcm_hall: true } }), 400, 'E1402', 'has_tcm_hall');
    expectError(await admin.put(url(chc, '2022'), { values: { has_tcm_pavilion: true } }), 400, 'E1402', 'has_tcm_pavilion');
    await untouched(vc, '2022');
    await untouched(chc, '2022');
  });

  it.each([
    ['physicians', 'ten'],
    ['physicians', 2.5],
    ['physicians', -1],
    ['has_tcm_pavilion', 'yes'],
    ['provides_tcm', 1],
    ['technique_categories', 'ACUPUNCTURE'],
  ])('wrong type %s = %j → 400 E1403', async (element, value) => {
    expectError(await admin.put(url(vc, '2022'), { values: { [element]: value } }), 400, 'E1403', element);
    await untouched(vc, '2022');
  });

  it('unknown technique category → 400 E1404', async () => {
    expectError(await admin.put(url(vc, '2022'), { values: { technique_categories: ['ACUPUNCTURE', 'ASTROLOGY'] } }), 400, 'E1404', 'technique_categories');
    await untouched(vc, '2022');
  });

  it.each(['24', '2024Q1', '202401', 'abcd', '2024-1', '1800'])('malformed period %s → 400 E1002', async (period) => {
    expectError(await admin.put(url(vc, period), { values: { physicians: 1 } }), 400, 'E1002');
    expectError(await admin.get(url(vc, period)), 400, 'E1002');
    await untouched(vc, period);
  });

  it('a facility closed before the period → 400 E1405; the period it closed in is fine', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'RPT-CLOSED', opened: '2010-01-01', closed: '2022-06-30' });
    expectError(await wuhua.put(url('RPT-CLOSED', '2023'), { values: { physicians: 3 } }), 400, 'E1405');
    await untouched('RPT-CLOSED', '2023');
    expect((await wuhua.put(url('RPT-CLOSED', '2022'), { values: { physicians: 3 } })).status).toBe(200);
  });

  it('a facility opened after the period → 400 E1405', async () => {
    await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102007', code: 'RPT-LATE', opened: '2024-03-01' });
    expectError(await wuhua.put(url('RPT-LATE', '2023'), { values: { physicians: 3 } }), 400, 'E1405');
    await untouched('RPT-LATE', '2023');
  });

  it('an unknown data set → 404 E1104; an unknown facility → 404 E1102', async () => {
    expectError(await admin.put(url(vc, '2024', 'NO_SUCH_SET'), { values: {} }), 404, 'E1104');
    expectError(await admin.put(url('NO-SUCH-FAC'), { values: {} }), 404, 'E1102');
  });
});

describe('delete', () => {
  it('DELETE removes the report; GET then returns null; a second DELETE is 404 E1105', async () => {
    expect((await wuhua.put(url(chc, '2021'), { values: { physicians: 4 } })).status).toBe(200);
    expect(await stored(chc, '2021')).not.toBeNull();
    const del = await wuhua.delete(url(chc, '2021'));
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ ok: true });
    expect(await stored(chc, '2021')).toBeNull();
    expect((await wuhua.get(url(chc, '2021'))).body.report).toBeNull();
    expectError(await wuhua.delete(url(chc, '2021')), 404, 'E1105');
  });

  it('deleting one period leaves the other periods of the facility alone', async () => {
    expect((await admin.put(url(cth, '2022'), { values: { physicians: 40 } })).status).toBe(200);
    expect((await admin.put(url(cth, '2023'), { values: { physicians: 41 } })).status).toBe(200);
    expect((await admin.delete(url(cth, '2022'))).status).toBe(200);
    expect((await stored(cth, '2023'))!.values).toEqual({ physicians: 41 });
  });
});
