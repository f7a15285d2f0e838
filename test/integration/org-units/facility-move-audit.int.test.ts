/**
 * A facility moved to another county is in the audit log of both: the county it went to sees the
 * update, the county it left sees a `move_out` with where it went — neither sees the other's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFacility, createTestUser, testApp } from '../../support/builders/index.js';
import { client, login, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import type { App } from '../../../src/server/platform/app.js';

let ctx: TestContext;
let app: App;
const as = async (scopeCode: string): Promise<Client> => {
  const u = await createTestUser(ctx, { role: 'AREA_ADMIN', scopeCode });
  return client(app, await login(app, u.username, u.password));
};

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, areas: ['530102', '530103'] });
  app = await testApp(ctx);
  await createTestFacility(ctx, { type: 'CHC', divisionCode: '530102002', code: 'MV-CHC', opened: '2010-01-01' });
  const province = await as('53');
  expect((await province.patch('/api/facilities/MV-CHC', { divisionCode: '530103002' })).status).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

const entries = async (c: Client) => (await c.get('/api/audit?entity=facility&key=MV-CHC')).body.items.map((e: any) => [e.action, e.areaCode, e.before.divisionCode, e.after.divisionCode]);

describe('a facility moved to another county', () => {
  it('is in the log of the county it left, with where it went', async () => {
    expect(await entries(await as('530102'))).toEqual([['move_out', '530102002', '530102002', '530103002']]);
  });

  it('is in the log of the county it went to, as an update', async () => {
    expect(await entries(await as('530103'))).toEqual([['update', '530103002', '530102002', '530103002']]);
  });
});
