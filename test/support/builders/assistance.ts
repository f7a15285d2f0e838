/** Typed builders for assistance: tertiary and county TCM hospitals, pairings, teams and tours, capacity units and activities. */
import type { UnitKind } from '../../../src/domain/assistance/assistance.js';
import type { Facility } from '../../../src/domain/facility.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/server/platform/access/actor.js';
import type { NewPairing } from '../../../src/server/modules/assistance/pairing.service.js';
import type { NewActivity, NewUnit } from '../../../src/server/modules/assistance/capacity.service.js';
import type { TourInput } from '../../../src/server/modules/assistance/tour.service.js';
import type { TestContext } from '../test-context.js';
import { createTestFacility } from './facilities.js';

/** A 三级中医医院 in a county-level division (a district of a capital, typically). */
export function createTestTertiaryHospital(ctx: TestContext, f: Partial<Facility> & { divisionCode: string }): Promise<Facility> {
  return createTestFacility(ctx, { name: '测试省中医医院', ...f, type: 'TERTIARY_TCM_HOSPITAL' });
}

/** A 县级中医医院 in a county-level division. */
export function createTestCountyHospital(ctx: TestContext, f: Partial<Facility> & { divisionCode: string }): Promise<Facility> {
  return createTestFacility(ctx, { name: '测试县中医医院', ...f, type: 'COUNTY_TCM_HOSPITAL' });
}

/** A pairing through the service (as the system unless an actor is given): from 2023, open-ended, unless told. */
export function createTestPairing(ctx: TestContext, p: Partial<NewPairing> & { helperCode: string; recipientCode: string }, actor: Actor = SYSTEM_ACTOR) {
  return ctx.services.pairings.create(actor, { startYear: 2023, endYear: null, content: '派驻专家坐诊带教', ...p });
}

/** A capacity unit through the service: a county technique base from 2020 unless told. */
export function createTestUnit(ctx: TestContext, u: Partial<NewUnit> & { areaCode: string; kind?: UnitKind }, actor: Actor = SYSTEM_ACTOR) {
  return ctx.services.capacity.create(actor, { kind: 'TECH_BASE', name: '测试适宜技术推广基地', startYear: 2020, techniques: ['针刺', '艾灸'], ...u });
}

/** A training (or drill) held by a unit, on 2024-05-10 with 40 people unless told. */
export function createTestActivity(ctx: TestContext, unitId: number, a: Partial<NewActivity> = {}, actor: Actor = SYSTEM_ACTOR) {
  return ctx.services.capacity.addActivity(actor, unitId, { kind: 'TRAINING', day: '2024-05-10', topic: '针刺', people: 40, ...a });
}

/** A medical team led by the hospital, and a tour of it visiting the counties given. */
export async function createTestTour(ctx: TestContext, leadCode: string, t: Partial<TourInput> & { counties: string[] }, actor: Actor = SYSTEM_ACTOR) {
  const team = await ctx.services.tours.createTeam(actor, { name: `国家中医医疗队（${leadCode}）`, leadCode });
  const tour = await ctx.services.tours.createTour(actor, team.id, {
    startDate: '2024-06-01', endDate: '2024-06-10', note: '巡回诊疗', ...t,
    stops: t.stops ?? t.counties.map((c) => ({ countyCode: c, visits: 500, freeClinics: 3, trained: 60 })),
  });
  return { team, tour };
}
