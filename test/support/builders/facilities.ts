/** Typed builder for facilities. */
import type { Facility, FacilityType } from '../../../src/domain/facility.js';
import type { TestContext } from '../test-context.js';

let seq = 0;

/**
 * Stores a facility directly through the repository (bypassing scope: it is test set-up). The
 * division must be of the level the type belongs to (a CHC or THC in a township, a VC or CHSS in
 * a village: see villageOf); the code is unique unless given.
 */
export async function createTestFacility(ctx: TestContext, f: Partial<Facility> & { type: FacilityType; divisionCode: string }): Promise<Facility> {
  const n = ++seq;
  const facility: Facility = {
    code: f.code ?? `T${f.type}-${n}-${Math.random().toString(36).slice(2, 6)}`,
    name: f.name ?? `测试机构${n}`,
    type: f.type,
    divisionCode: f.divisionCode,
    ownership: f.ownership ?? 'PUBLIC',
    opened: f.opened ?? '2000-01-01',
    closed: f.closed ?? null,
    attributes: f.attributes ?? {},
  };
  await ctx.store.repos.facilities.insert(facility, ctx.clock.now().toISOString());
  return facility;
}
