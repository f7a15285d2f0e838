/**
 * Assistance at service level on a store without demo data: pairings of a tertiary TCM hospital
 * (五华区) with county TCM hospitals (富民县), their annual assessment, tours of a medical team,
 * capacity units with trainings and drills, the county page — scope from the other side (盘龙区,
 * 贵州省), and the facts reaching the indicators at the next sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../src/domain/facility.js';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import { createTestActor, FUMIN, PANLONG, WUHUA } from '../../support/builders/index.js';
import { createTestActivity, createTestCountyHospital, createTestPairing, createTestTertiaryHospital, createTestTour, createTestUnit } from '../../support/builders/assistance.js';
import { createTestContext, FIXTURE_AREAS, type TestContext } from '../../support/test-context.js';

const NANMING = '520102'; // 贵阳市南明区
let ctx: TestContext;
let nation: Actor;
let yunnan: Actor;
let guizhou: Actor;
let fumin: Actor;
let panlong: Actor;
let wuhua: Actor;
let viewer: Actor;
let tertiary: Facility;
let guizhouTertiary: Facility;

const pairings = () => ctx.services.pairings;
const tours = () => ctx.services.tours;
const capacity = () => ctx.services.capacity;
const code = (e: unknown) => (e as { code?: string }).code;
async function refused(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return code(e);
  }
  return undefined;
}
const countyHospital = () => createTestCountyHospital(ctx, { divisionCode: FUMIN });

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, areas: [...FIXTURE_AREAS, NANMING] });
  nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  yunnan = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  guizhou = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '52' });
  fumin = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  panlong = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: PANLONG });
  wuhua = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA });
  viewer = await createTestActor(ctx, { role: 'VIEWER', scopeCode: 'CN' });
  tertiary = await createTestTertiaryHospital(ctx, { divisionCode: WUHUA, name: '云南省中医医院' });
  guizhouTertiary = await createTestTertiaryHospital(ctx, { divisionCode: NANMING, name: '贵州省中医医院' });
}, 120_000);
afterAll(async () => {
  await ctx?.dispose();
});

describe('a pairing', () => {
  it('is stored with both hospitals and listed for the county and for the helper’s district', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code }, yunnan);
    expect(p).toMatchObject({ helperName: '云南省中医医院', recipientCode: h.code, areaCode: FUMIN, helperArea: WUHUA, status: 'ACTIVE', writable: true });
    expect((await pairings().list(fumin, {}, 1, 50)).items.map((x) => x.id)).toContain(p.id);
    expect((await pairings().list(wuhua, {}, 1, 50)).items.map((x) => x.id)).toContain(p.id);
  });

  it('refuses a helper that is not a tertiary TCM hospital (E8602)', async () => {
    const h = await countyHospital();
    const other = await countyHospital();
    expect(await refused(createTestPairing(ctx, { helperCode: other.code, recipientCode: h.code }))).toBe('E8602');
  });

  it('refuses a receiving hospital that is not a county TCM hospital (E8603)', async () => {
    expect(await refused(createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: guizhouTertiary.code }))).toBe('E8603');
  });

  it('refuses a second pairing of the same hospitals over overlapping years (E8605)', async () => {
    const h = await countyHospital();
    await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code, startYear: 2021, endYear: 2023 });
    expect(await refused(createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code, startYear: 2023 }))).toBe('E8605');
  });

  it('refuses an end year before the start year (E8604)', async () => {
    const h = await countyHospital();
    expect(await refused(createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code, startYear: 2024, endYear: 2022 }))).toBe('E8604');
  });

  it('keeps each year’s staff sent, specialties and clinics', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    const v = await pairings().saveYear(fumin, p.id, 2024, { staffSent: 12, specialties: ['针灸科', '针灸科', '康复科'], clinics: ['名医工作室'] });
    expect(v.years).toEqual([expect.objectContaining({ year: 2024, staffSent: 12, specialties: ['针灸科', '康复科'], clinics: ['名医工作室'], score: null })]);
    expect([v.staffSentTotal, v.specialtiesBuilt, v.clinicsBuilt]).toEqual([12, 2, 1]);
  });

  it('is changed by the county’s level and the change audited', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    const v = await pairings().update(fumin, p.id, { endYear: 2025, content: '共建中医经典病房' });
    expect(v).toMatchObject({ endYear: 2025, content: '共建中医经典病房' });
    const { items } = await ctx.store.repos.audit.list({ entity: 'asst_pairing', entityKey: String(p.id) }, { offset: 0, limit: 10 });
    expect(items.map((e) => e.action).sort()).toEqual(['create', 'update']);
  });
});

describe('the annual assessment', () => {
  it('stores the score with its band per year, keeps the year’s figures, and is audited', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    await pairings().saveYear(yunnan, p.id, 2023, { staffSent: 8, specialties: [], clinics: [] });
    await pairings().assess(yunnan, p.id, { year: 2023, score: 92 });
    const v = await pairings().assess(yunnan, p.id, { year: 2024, score: 79.5, comment: '需加强' });
    expect(v.years.map((y) => [y.year, y.score, y.band, y.staffSent])).toEqual([[2023, 92, 'EXCELLENT', 8], [2024, 79.5, 'FAIR', 0]]);
    expect(v.lastAssessment).toMatchObject({ year: 2024, band: 'FAIR', comment: '需加强', assessedBy: yunnan.username });
    const { items } = await ctx.store.repos.audit.list({ entity: 'asst_pairing_year', entityKey: `${p.id}/2024` }, { offset: 0, limit: 10 });
    expect(items[0]).toMatchObject({ action: 'score', after: { score: 79.5, band: 'FAIR' } });
  });

  it('refuses a score above 100 (E8606)', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    expect(await refused(pairings().assess(yunnan, p.id, { year: 2024, score: 101 }))).toBe('E8606');
  });

  it('refuses a year outside the pairing (E8604)', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code, startYear: 2023 });
    expect(await refused(pairings().assess(yunnan, p.id, { year: 2022, score: 80 }))).toBe('E8604');
  });

  it('is refused to a viewer (E2101)', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    expect(await refused(pairings().assess(viewer, p.id, { year: 2024, score: 80 }))).toBe('E2101');
  });
});

describe('pairings from the other side', () => {
  it('another county neither lists, reads, changes nor assesses 富民县’s pairing (E8601)', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    expect((await pairings().list(panlong, {}, 1, 200)).items.map((x) => x.id)).not.toContain(p.id);
    expect(await refused(pairings().get(panlong, p.id))).toBe('E8601');
    expect(await refused(pairings().update(panlong, p.id, { content: 'x' }))).toBe('E8601');
    expect(await refused(pairings().assess(panlong, p.id, { year: 2024, score: 60 }))).toBe('E8601');
    expect(await refused(pairings().saveYear(panlong, p.id, 2024, { staffSent: 1, specialties: [], clinics: [] }))).toBe('E8601');
  });

  it('another province cannot pair two hospitals outside it (E2102)', async () => {
    const h = await countyHospital();
    expect(await refused(createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code }, guizhou))).toBe('E2102');
  });

  it('a cross-province pairing is seen by the helper’s province, not by a third area', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: guizhouTertiary.code, recipientCode: h.code }, guizhou);
    expect((await pairings().get(guizhou, p.id)).helperArea).toBe(NANMING);
    expect(await refused(pairings().get(wuhua, p.id))).toBe('E8601');
  });
});

describe('tours of a medical team', () => {
  it('list the counties visited with their services and the totals', async () => {
    const { tour } = await createTestTour(ctx, tertiary.code, { counties: [FUMIN, NANMING] }, nation);
    expect(tour.stops.map((s) => [s.countyCode, s.visits])).toEqual([[NANMING, 500], [FUMIN, 500]]);
    expect(tour.totals).toEqual({ visits: 1000, freeClinics: 6, trained: 120 });
    expect(tour.stops.find((s) => s.countyCode === FUMIN)!.placeName).toBe('云南省富民县');
  });

  it('show a visited county only its own stop, and another county nothing (E8608)', async () => {
    const { tour } = await createTestTour(ctx, tertiary.code, { counties: [FUMIN, NANMING] }, nation);
    const seen = (await tours().tours(guizhou)).find((t) => t.id === tour.id);
    expect(seen?.stops.map((s) => s.countyCode)).toEqual([NANMING]);
    expect(seen?.writable).toBe(false);
    expect((await tours().tours(panlong)).map((t) => t.id)).not.toContain(tour.id);
    expect(await refused(tours().tour(panlong, tour.id))).toBe('E8608');
  });

  it('are changed only by the team’s area: a visited province is refused (E8615)', async () => {
    const { tour } = await createTestTour(ctx, tertiary.code, { counties: [NANMING] }, nation);
    expect(await refused(tours().updateTour(guizhou, tour.id, { startDate: '2024-06-01', endDate: '2024-06-02', stops: [{ countyCode: NANMING }] }))).toBe('E8615');
  });

  it('refuse a stop that is not a county-level division (E8609)', async () => {
    const { team } = await createTestTour(ctx, tertiary.code, { counties: [FUMIN] });
    expect(await refused(tours().createTour(nation, team.id, { startDate: '2024-07-01', endDate: '2024-07-03', stops: [{ countyCode: '5301' }] }))).toBe('E8609');
  });

  it('refuse an end date before the start (E8610)', async () => {
    const { team } = await createTestTour(ctx, tertiary.code, { counties: [FUMIN] });
    expect(await refused(tours().createTour(nation, team.id, { startDate: '2024-07-03', endDate: '2024-07-01', stops: [{ countyCode: FUMIN }] }))).toBe('E8610');
  });

  it('need a team led by a tertiary TCM hospital (E8602)', async () => {
    const h = await countyHospital();
    expect(await refused(tours().createTeam(nation, { name: '医疗队', leadCode: h.code }))).toBe('E8602');
  });
});

describe('capacity units', () => {
  it('a technique base at county level is stored with its techniques; its trainings are counted', async () => {
    const u = await createTestUnit(ctx, { areaCode: FUMIN, techniques: ['针刺', '艾灸', '针刺'] }, fumin);
    await createTestActivity(ctx, u.id, { people: 30 }, fumin);
    const d = await capacity().get(fumin, u.id);
    expect(d).toMatchObject({ kind: 'TECH_BASE', level: 3, techniques: ['针刺', '艾灸'], trainings: 1, people: 30, areaName: '云南省富民县' });
    expect(d.activities).toHaveLength(1);
  });

  it('a technique base at city level is refused (E8612)', async () => {
    expect(await refused(createTestUnit(ctx, { areaCode: '5301' }))).toBe('E8612');
  });

  it('a drill is recorded by a rescue team and refused for a technique base (E8613)', async () => {
    const team = await createTestUnit(ctx, { kind: 'RESCUE_TEAM', name: '云南省中医紧急医学救援队', areaCode: '53' }, yunnan);
    expect((await createTestActivity(ctx, team.id, { kind: 'DRILL', topic: '实战演练', people: 80 }, yunnan)).kind).toBe('DRILL');
    const base = await createTestUnit(ctx, { areaCode: FUMIN });
    expect(await refused(createTestActivity(ctx, base.id, { kind: 'DRILL', topic: '实战演练' }))).toBe('E8613');
  });

  it('each kind is listed by kind, with the counts of every kind', async () => {
    await createTestUnit(ctx, { kind: 'REHAB_CENTER', name: '富民县中医医院中医康复中心', areaCode: FUMIN, status: 'BUILDING' });
    await createTestUnit(ctx, { kind: 'EPIDEMIC_BASE', name: '国家中医疫病防治基地', areaCode: '53' });
    const r = await capacity().list(yunnan, { kind: 'REHAB_CENTER' }, 1, 50);
    expect(r.items.every((u) => u.kind === 'REHAB_CENTER')).toBe(true);
    expect(r.items.some((u) => u.status === 'BUILDING')).toBe(true);
    expect(r.counts.EPIDEMIC_BASE).toBeGreaterThan(0);
  });

  it('another county neither lists, reads nor adds to 富民县’s unit (E8611)', async () => {
    const u = await createTestUnit(ctx, { areaCode: FUMIN });
    expect((await capacity().list(panlong, {}, 1, 200)).items.map((x) => x.id)).not.toContain(u.id);
    expect(await refused(capacity().get(panlong, u.id))).toBe('E8611');
    expect(await refused(createTestActivity(ctx, u.id, {}, panlong))).toBe('E8611');
    expect(await refused(capacity().update(panlong, u.id, { name: 'x' }))).toBe('E8611');
  });

  it('a county cannot register a unit in another county (E2102)', async () => {
    expect(await refused(createTestUnit(ctx, { areaCode: FUMIN }, panlong))).toBe('E2102');
  });
});

describe('the county page', () => {
  it('gathers the county’s pairings, the tours that visited it and its units', async () => {
    const h = await countyHospital();
    const p = await createTestPairing(ctx, { helperCode: tertiary.code, recipientCode: h.code });
    await pairings().saveYear(yunnan, p.id, 2024, { staffSent: 7, specialties: ['康复科'], clinics: [] });
    const page = await ctx.services.assistanceCounties.page(yunnan, FUMIN);
    expect(page.county).toMatchObject({ code: FUMIN, name: '富民县', designated: false });
    expect(page.pairings.map((x) => x.id)).toContain(p.id);
    expect(page.pairings.every((x) => x.areaCode === FUMIN)).toBe(true);
    expect(page.tours.length).toBeGreaterThan(0);
    expect(page.tours.every((t) => t.stops.some((s) => s.countyCode === FUMIN))).toBe(true);
    expect(page.units.every((u) => u.areaCode.startsWith(FUMIN))).toBe(true);
    expect(page.figures.staffSent).toBeGreaterThanOrEqual(7);
  });

  it('is refused to another county (E2102), and for a division that is not a county (E8617)', async () => {
    expect(await refused(ctx.services.assistanceCounties.page(panlong, FUMIN))).toBe('E2102');
    expect(await refused(ctx.services.assistanceCounties.page(yunnan, '530124001'))).toBe('E8617');
  });
});
