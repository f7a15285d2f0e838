/** 乡村一体化: a township health centre's reporter fills in its own report and its village clinics'. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import type { FacilityRow } from '../../../src/server/modules/org-units/facility.repository.js';
import { childrenOf, createTestFacility, FUMIN, villageOf } from '../../support/builders/index.js';
import { client, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let clerk: Client;
let thc: FacilityRow;
let ownVillage: FacilityRow;
let otherVillage: FacilityRow;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  // A centre with a clinic in a village of its township, and a clinic of another township.
  const [township, another] = await childrenOf(ctx, FUMIN);
  const made = async (type: 'THC' | 'VC' | 'CHSS', divisionCode: string) => (await ctx.store.repos.facilities.get((await createTestFacility(ctx, { type, divisionCode })).code))!;
  thc = await made('THC', township);
  ownVillage = await made('VC', await villageOf(ctx, township));
  otherVillage = await made('VC', await villageOf(ctx, another));
  // Facilities of the township the centre does not manage: a station and another centre.
  await made('CHSS', await villageOf(ctx, township));
  await made('THC', township);
  await ctx.services.users.create(SYSTEM_ACTOR, { username: 'thc_clerk', password: 'Clerk@2024', role: 'FACILITY_REPORTER', scopeCode: thc.code });
  app = await buildApp(ctx, { logger: false });
  clerk = client(app, await login(app, 'thc_clerk', 'Clerk@2024'));
});
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('a THC reporter', () => {
  it('lists its own centre and the village clinics of its township, nothing else', async () => {
    const r = await clerk.get('/api/facilities?pageSize=200');
    expect(r.status).toBe(200);
    const codes: string[] = r.body.items.map((f: FacilityRow) => f.code);
    expect(codes).toContain(thc.code);
    expect(codes).toContain(ownVillage.code);
    expect(codes).not.toContain(otherVillage.code);
    for (const f of r.body.items as FacilityRow[]) expect(f.code === thc.code || (f.divisionCode.startsWith(thc.divisionCode) && f.type === 'VC')).toBe(true);
  });

  it('saves a report for its village clinic', async () => {
    const r = await clerk.put(`/api/reports/GTCM_ANNUAL/2024/${ownVillage.code}`, { values: { provides_tcm: true, visits: 1500, tcm_visits: 400 } });
    expect(r.status).toBe(200);
    expect((await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: ownVillage.code }))?.values).toMatchObject({ visits: 1500 });
  });

  it('cannot read or write a village clinic of another township', async () => {
    expect((await clerk.get(`/api/reports/GTCM_ANNUAL/2024/${otherVillage.code}`)).body.error.code).toBe('E2102');
    const put = await clerk.put(`/api/reports/GTCM_ANNUAL/2024/${otherVillage.code}`, { values: { visits: 1 } });
    expect(put.status).toBe(403);
    expect(await ctx.store.repos.reports.get({ dataSet: 'GTCM_ANNUAL', period: '2024', facilityCode: otherVillage.code })).toBeNull();
  });
});
