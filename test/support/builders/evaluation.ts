/** Typed builders for evaluation: a cycle of the example standard open today, and an application enrolled in it. */
import type { NewCycle } from '../../../src/server/modules/evaluation/review.service.js';
import type { Application, Cycle } from '../../../src/server/modules/evaluation/evaluation.repository.js';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import type { TestContext } from '../test-context.js';
import { createTestActor } from './users.js';

let cycles = 0;

/** A DEMO_COUNTY cycle (assessment year 2024) whose application window holds the test clock's day. */
export async function createTestCycle(ctx: TestContext, over: Partial<NewCycle> = {}): Promise<Cycle> {
  const nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
  const code = over.code ?? `T-${++cycles}`;
  return ctx.services.reviews.createCycle(nation, { code, standard: 'DEMO_COUNTY', name: `测试周期 ${code}`, firstYear: 2022, lastYear: 2024, assessmentYear: '2024', applyFrom: '2025-01-01', applyTo: '2025-12-31', ...over });
}

/** The county's application in the cycle, enrolled by the county itself (at self-assessment). */
export async function createTestApplication(ctx: TestContext, cycle: Cycle, subjectCode: string, by?: Actor): Promise<Application> {
  const actor = by ?? (await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: subjectCode }));
  return ctx.services.reviews.enrol(actor, cycle.code, subjectCode);
}

/** Every manual item of DEMO_COUNTY scored: F1 and A3 as given, the rest full, no veto. */
export const manualScores = (f1: number, a3 = 5) => [{ item: 'A1', points: 5 }, { item: 'A2', points: 5 }, { item: 'A3', points: a3 }, { item: 'F1', points: f1 }, { item: 'V2', veto: false }];

/**
 * The county's application, self-assessed (F1 = self) and passed by its province (F1 and A3 as
 * the province scores them: `province`, A3 full unless the province gives 0): at the national review.
 */
export async function createNationalApplication(ctx: TestContext, cycle: Cycle, subjectCode: string, self = 9, province = 9): Promise<Application> {
  const county = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: subjectCode });
  const provinceActor = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: subjectCode.slice(0, 2) });
  const r = ctx.services.reviews;
  const app = await r.enrol(county, cycle.code, subjectCode);
  await r.score(county, app.id, manualScores(self));
  await r.submit(county, app.id, 'pass');
  await r.score(provinceActor, app.id, manualScores(province, province ? 5 : 0));
  return r.submit(provinceActor, app.id, 'pass');
}
