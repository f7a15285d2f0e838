/** Typed builders for projects and funds: a county TCM hospital to be a subject, a project in a given status. */
import type { NewProjectBody } from '../../../src/domain/api/projects-funds.js';
import type { ProjectAction } from '../../../src/domain/funds/project.js';
import type { Facility } from '../../../src/domain/facility.js';
import type { Actor } from '../../../src/server/platform/access/actor.js';
import type { TestContext } from '../test-context.js';
import { createTestFacility } from './facilities.js';

/** An open public county TCM hospital in the county. */
export function createCountyHospital(ctx: TestContext, county: string, name = '测试县中医医院'): Promise<Facility> {
  return createTestFacility(ctx, { type: 'COUNTY_TCM_HOSPITAL', divisionCode: county, name });
}

const PATH: Record<'DECLARED' | 'APPROVED' | 'BUILDING' | 'ACCEPTANCE', ProjectAction[]> = { DECLARED: [], APPROVED: ['approve'], BUILDING: ['approve', 'start'], ACCEPTANCE: ['approve', 'start', 'apply_acceptance'] };

/**
 * A project declared by `owner` and moved to `status` (approval by `manager`), through the
 * services as users would. Defaults: 两专科一中心, started 2024-03-01.
 */
export async function createTestProject(
  ctx: TestContext,
  who: { owner: Actor; manager: Actor },
  p: Partial<NewProjectBody> & { subjectCode: string; status?: keyof typeof PATH },
) {
  const { status = 'DECLARED', ...body } = p;
  let view = await ctx.services.projects.create(who.owner, { type: 'TWO_SPECIALTIES_ONE_CENTRE', startDate: '2024-03-01', ...body });
  for (const action of PATH[status]) view = await ctx.services.projects.transition(action === 'approve' ? who.manager : who.owner, view.id, { action });
  return view;
}
