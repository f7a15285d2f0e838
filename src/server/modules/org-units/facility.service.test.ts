/**
 * The facility service's scope filter on a SQLite store (no HTTP): a county actor sees only its
 * county's facilities, a facility actor only itself — and a township health centre also the
 * village clinics of its township (乡村一体化). The store holds no demo, so every facility
 * listed is one a test made; each test uses townships no other test uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility } from '../../../domain/facility.js';
import type { Actor } from '../../platform/access/actor.js';
import { childrenOf, createTestActor, createTestFacility, FUMIN, PANLONG, villageOf, WUHUA } from '../../../../test/support/builders/index.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-context.js';

let ctx: TestContext;
let townships: Record<string, string[]>;

const codes = (fs: { code: string }[]) => fs.map((f) => f.code).sort();
const listAs = async (actor: Actor, q: { area?: string; type?: Facility['type'] } = {}) => (await ctx.services.facilities.list(actor, q, 1, 1000)).items;
const reporterOf = (f: Facility) => createTestActor(ctx, { role: 'FACILITY_REPORTER', scopeCode: f.code });

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, store: 'sqlite' });
  townships = {};
  for (const c of [WUHUA, PANLONG, FUMIN]) townships[c] = await childrenOf(ctx, c);
});

afterAll(async () => ctx?.dispose());

describe('a county actor', () => {
  it('lists only the facilities of its county', async () => {
    const own = [await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[WUHUA][0] }), await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, townships[WUHUA][1]) })];
    const other = await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[PANLONG][0] });
    const listed = await listAs(await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: WUHUA }));
    expect(codes(listed)).toEqual(expect.arrayContaining(codes(own)));
    expect(codes(listed)).not.toContain(other.code);
    for (const f of listed) expect(f.divisionCode.startsWith(WUHUA)).toBe(true);
  });

  it('may narrow the list to a township of its county', async () => {
    const [t1, t2] = [townships[WUHUA][2], townships[WUHUA][3]];
    const inT1 = await createTestFacility(ctx, { type: 'THC', divisionCode: t1 });
    await createTestFacility(ctx, { type: 'THC', divisionCode: t2 });
    expect(codes(await listAs(await createTestActor(ctx, { role: 'VIEWER', scopeCode: WUHUA }), { area: t1 }))).toEqual([inT1.code]);
  });

  it('is refused another county’s area (E2102)', async () => {
    const actor = await createTestActor(ctx, { role: 'VIEWER', scopeCode: WUHUA });
    await expect(ctx.services.facilities.list(actor, { area: PANLONG }, 1, 10)).rejects.toMatchObject({ code: 'E2102' });
  });

  it('is refused a facility of another county (E2102), and an unknown one is not found (E1102)', async () => {
    const other = await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[FUMIN][0] });
    const actor = await createTestActor(ctx, { role: 'VIEWER', scopeCode: WUHUA });
    await expect(ctx.services.facilities.get(actor, other.code)).rejects.toMatchObject({ code: 'E2102' });
    await expect(ctx.services.facilities.get(actor, 'NO-SUCH-FAC')).rejects.toMatchObject({ code: 'E1102' });
  });

  it('a province actor lists the facilities of all its counties', async () => {
    const made = [
      await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[WUHUA][4] }),
      await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[PANLONG][1] }),
      await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[FUMIN][1] }),
    ];
    expect(codes(await listAs(await createTestActor(ctx, { role: 'VIEWER', scopeCode: '53' })))).toEqual(expect.arrayContaining(codes(made)));
  });
});

describe('a facility actor', () => {
  it('a community health centre’s reporter lists only its own centre', async () => {
    const t = townships[PANLONG][2];
    const own = await createTestFacility(ctx, { type: 'CHC', divisionCode: t });
    await createTestFacility(ctx, { type: 'CHSS', divisionCode: await villageOf(ctx, t) });
    await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, t) });
    expect(codes(await listAs(await reporterOf(own)))).toEqual([own.code]);
  });

  it('a township health centre’s reporter lists its centre and the village clinics of its township, nothing else', async () => {
    const [t, elsewhere] = [townships[FUMIN][2], townships[FUMIN][3]];
    const thc = await createTestFacility(ctx, { type: 'THC', divisionCode: t });
    const clinics = [await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, t, 0) }), await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, t, 1) })];
    await createTestFacility(ctx, { type: 'CHSS', divisionCode: await villageOf(ctx, t) }); // not a managed type
    await createTestFacility(ctx, { type: 'THC', divisionCode: t }); // another centre of the township
    await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, elsewhere) }); // another township's clinic
    expect(codes(await listAs(await reporterOf(thc)))).toEqual(codes([thc, ...clinics]));
  });

  it('a township health centre’s reporter may open its village clinic but not another township’s (E2102)', async () => {
    const [t, elsewhere] = [townships[FUMIN][4], townships[FUMIN][5]];
    const thc = await createTestFacility(ctx, { type: 'THC', divisionCode: t });
    const own = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, t) });
    const foreign = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, elsewhere) });
    const actor = await reporterOf(thc);
    expect((await ctx.services.facilities.get(actor, own.code)).facility.code).toBe(own.code);
    await expect(ctx.services.facilities.get(actor, foreign.code)).rejects.toMatchObject({ code: 'E2102' });
  });

  it('a village clinic’s reporter lists only its own clinic, not the centre of its township', async () => {
    const t = townships[PANLONG][3];
    await createTestFacility(ctx, { type: 'THC', divisionCode: t });
    const vc = await createTestFacility(ctx, { type: 'VC', divisionCode: await villageOf(ctx, t) });
    expect(codes(await listAs(await reporterOf(vc)))).toEqual([vc.code]);
  });

  it('is refused a division area outside its own chain (E2102)', async () => {
    const own = await createTestFacility(ctx, { type: 'CHC', divisionCode: townships[PANLONG][4] });
    await expect(ctx.services.facilities.list(await reporterOf(own), { area: WUHUA }, 1, 10)).rejects.toMatchObject({ code: 'E2102' });
  });
});
