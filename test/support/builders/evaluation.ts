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
