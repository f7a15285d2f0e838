/**
 * Assistance over HTTP: pairings, assessments, tours, units and the county page through the
 * routes, with the shared schemas validating; scope from the other side (盘龙区 reading and
 * writing 富民县’s records) and a viewer refused writing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { createTestUserSession, testApp, FUMIN, PANLONG, WUHUA } from '../../support/builders/index.js';
import { createTestCountyHospital, createTestTertiaryHospital } from '../../support/builders/assistance.js';
import { expectError, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let yunnan: Client;
let fumin: Client;
let panlong: Client;
let viewer: Client;
let helperCode: string;

async function newPairing(c: Client = yunnan) {
  const h = await createTestCountyHospital(ctx, { divisionCode: FUMIN });
  const r = await c.post('/api/assistance/pairings', { helperCode, recipientCode: h.code, startYear: 2023, content: '派驻专家' });
  expect(r.status).toBe(201);
  return r.body as { id: number };
}
async function newUnit(body: Record<string, unknown> = {}) {
  const r = await fumin.post('/api/assistance/units', { kind: 'TECH_BASE', name: '富民县适宜技术推广基地', areaCode: FUMIN, startYear: 2021, techniques: ['艾灸'], ...body });
  expect(r.status).toBe(201);
  return r.body as { id: number };
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await testApp(ctx);
  yunnan = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: '53' })).client;
  fumin = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: FUMIN })).client;
  panlong = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: PANLONG })).client;
  viewer = (await createTestUserSession(ctx, app, { role: 'VIEWER', scopeCode: 'CN' })).client;
  helperCode = (await createTestTertiaryHospital(ctx, { divisionCode: WUHUA, name: '云南省中医医院' })).code;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('pairings over HTTP', () => {
  it('are created, listed for the county, and assessed with a band', async () => {
    const p = await newPairing();
    const list = await fumin.get('/api/assistance/pairings?pageSize=50');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
    const a = await fumin.post(`/api/assistance/pairings/${p.id}/assessments`, { year: 2024, score: 88 });
    expect(a.status).toBe(200);
    expect(a.body.lastAssessment).toMatchObject({ year: 2024, score: 88, band: 'GOOD' });
  });

  it('keep a year’s figures by PUT', async () => {
    const p = await newPairing();
    const r = await fumin.put(`/api/assistance/pairings/${p.id}/years/2024`, { staffSent: 9, specialties: ['针灸科'] });
    expect(r.status).toBe(200);
    expect(r.body.years[0]).toMatchObject({ year: 2024, staffSent: 9, specialties: ['针灸科'], clinics: [] });
  });

  it('refuse a score of 120 with E8606', async () => {
    const p = await newPairing();
    expectError(await fumin.post(`/api/assistance/pairings/${p.id}/assessments`, { year: 2024, score: 120 }), 400, 'E8606', 'score');
  });

  it('are not listed, read, changed or assessed by another county (404 E8601)', async () => {
    const p = await newPairing();
    const list = await panlong.get('/api/assistance/pairings?pageSize=200');
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(p.id);
    expectError(await panlong.get(`/api/assistance/pairings/${p.id}`), 404, 'E8601');
    expectError(await panlong.patch(`/api/assistance/pairings/${p.id}`, { content: '改' }), 404, 'E8601');
    expectError(await panlong.post(`/api/assistance/pairings/${p.id}/assessments`, { year: 2024, score: 70 }), 404, 'E8601');
  });

  it('refuse a list narrowed to an area outside the scope (403 E2102)', async () => {
    expectError(await panlong.get(`/api/assistance/pairings?area=${FUMIN}`), 403, 'E2102');
  });

  it('refuse a viewer creating one (403 E2101)', async () => {
    const h = await createTestCountyHospital(ctx, { divisionCode: FUMIN });
    expectError(await viewer.post('/api/assistance/pairings', { helperCode, recipientCode: h.code, startYear: 2023, content: 'x' }), 403, 'E2101');
  });
});

describe('tours over HTTP', () => {
  it('are created for a team and read by the visited county, not by another county (404 E8608)', async () => {
    const team = await yunnan.post('/api/assistance/teams', { name: '国家中医医疗队（云南）', leadCode: helperCode });
    expect(team.status).toBe(201);
    const tour = await yunnan.post('/api/assistance/tours', { teamId: team.body.id, startDate: '2024-05-01', endDate: '2024-05-08', stops: [{ countyCode: FUMIN, visits: 800, freeClinics: 4, trained: 90 }] });
    expect(tour.status).toBe(201);
    expect((await fumin.get(`/api/assistance/tours/${tour.body.id}`)).body.totals).toEqual({ visits: 800, freeClinics: 4, trained: 90 });
    expectError(await panlong.get(`/api/assistance/tours/${tour.body.id}`), 404, 'E8608');
    expect((await panlong.get('/api/assistance/tours')).body.items.map((t: { id: number }) => t.id)).not.toContain(tour.body.id);
  });

  it('refuse a stop code that is not six digits (400)', async () => {
    const r = await yunnan.post('/api/assistance/tours', { teamId: 1, startDate: '2024-05-01', endDate: '2024-05-08', stops: [{ countyCode: '53' }] });
    expect(r.status).toBe(400);
  });
});

describe('units over HTTP', () => {
  it('are created with their trainings, and the detail lists them', async () => {
    const u = await newUnit();
    expect((await fumin.post(`/api/assistance/units/${u.id}/activities`, { kind: 'TRAINING', day: '2024-04-02', topic: '艾灸', people: 35 })).status).toBe(201);
    const d = await fumin.get(`/api/assistance/units/${u.id}`);
    expect(d.body).toMatchObject({ trainings: 1, people: 35 });
    expect(d.body.activities[0]).toMatchObject({ kind: 'TRAINING', topic: '艾灸' });
  });

  it('are listed by kind with the counts of every kind', async () => {
    await newUnit({ kind: 'REHAB_CENTER', name: '富民县中医医院中医康复中心', status: 'BUILDING', techniques: [] });
    const r = await yunnan.get('/api/assistance/units?kind=REHAB_CENTER');
    expect(r.status).toBe(200);
    expect(r.body.items.every((u: { kind: string }) => u.kind === 'REHAB_CENTER')).toBe(true);
    expect(r.body.counts.REHAB_CENTER).toBeGreaterThan(0);
  });

  it('are not read, changed or their activities deleted by another county (404 E8611)', async () => {
    const u = await newUnit();
    const a = await fumin.post(`/api/assistance/units/${u.id}/activities`, { kind: 'TRAINING', day: '2024-04-02', topic: '艾灸', people: 35 });
    expectError(await panlong.get(`/api/assistance/units/${u.id}`), 404, 'E8611');
    expectError(await panlong.patch(`/api/assistance/units/${u.id}`, { name: '改' }), 404, 'E8611');
    expectError(await panlong.delete(`/api/assistance/units/${u.id}/activities/${a.body.id}`), 404, 'E8611');
    expect((await fumin.get(`/api/assistance/units/${u.id}`)).body.activities).toHaveLength(1);
  });
});

describe('the county page over HTTP', () => {
  it('answers the county’s level and above, and refuses another county (403 E2102)', async () => {
    const r = await yunnan.get(`/api/assistance/counties/${FUMIN}`);
    expect(r.status).toBe(200);
    expect(r.body.county).toMatchObject({ code: FUMIN, name: '富民县' });
    expectError(await panlong.get(`/api/assistance/counties/${FUMIN}`), 403, 'E2102');
  });
});
