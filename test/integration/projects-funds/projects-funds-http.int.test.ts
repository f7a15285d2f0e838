/**
 * Projects and funds over HTTP: a factor table uploaded as CSV (GB18030 from WPS), the preview
 * matching the CLI's rule, coded errors with their field, the ledger as an Excel download, and
 * scope from the other side through the routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { createCountyHospital, createTestActor, createTestProject, createTestUserSession, testApp, FUMIN, WUHUA } from '../../support/builders/index.js';
import { expectError, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let yunnan: Client;
let fumin: Client;
let wuhua: Client;
let projectId: number;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await testApp(ctx);
  yunnan = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: '53' })).client;
  fumin = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: FUMIN })).client;
  wuhua = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: WUHUA })).client;
  const hospital = await createCountyHospital(ctx, FUMIN);
  const owner = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
  const manager = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '53' });
  projectId = (await createTestProject(ctx, { owner, manager }, { subjectCode: hospital.code, status: 'BUILDING' })).id;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('the factor file', () => {
  it('is read from a CSV saved as GB18030, with a Chinese column name, nothing stored', async () => {
    // area_code,服务人口 / 530102,10 / 530124,30 in GB18030.
    const bytes = Buffer.concat([Buffer.from('area_code,'), Buffer.from([0xb7, 0xfe, 0xce, 0xf1, 0xc8, 0xcb, 0xbf, 0xda]), Buffer.from('\r\n530102,10\r\n530124,30\r\n')]);
    const r = await yunnan.upload('/api/funds/factors/file?kind=factors', bytes);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ columns: ['服务人口'], rows: [{ areaCode: '530102', factors: { 服务人口: '10' } }, { areaCode: '530124', factors: { 服务人口: '30' } }] });
  });

  it('previews exactly: the fen left over to the largest remainder', async () => {
    const r = await yunnan.post('/api/funds/preview', { area: '5301', total: '0.10', columns: ['x'], rows: [{ areaCode: WUHUA, factors: { x: '1' } }, { areaCode: FUMIN, factors: { x: '2' } }], weights: { x: '1' }, performance: false });
    expect(r.status).toBe(200);
    expect(r.body.rows.map((x: { amount: string }) => x.amount)).toEqual(['0.03', '0.07']);
  });

  it('refuses weights not adding up to 1 with E8504 on the field weights', async () => {
    const r = await yunnan.post('/api/funds/preview', { area: '5301', total: '10', columns: ['x', 'y'], rows: [{ areaCode: WUHUA, factors: { x: '1', y: '1' } }], weights: { x: '0.5', y: '0.4' } });
    expectError(r, 400, 'E8504', 'weights');
  });
});

describe('scope over HTTP, from the other side', () => {
  it('another county gets 404 for the project and 400 for the area', async () => {
    expectError(await wuhua.get(`/api/projects/${projectId}`), 404, 'E8522');
    expectError(await wuhua.post('/api/funds/spending', { projectId, spentOn: '2025-01-02', amount: '1', purpose: 'x' }), 404, 'E8522');
    expectError(await wuhua.get(`/api/funds/execution?area=${FUMIN}`), 400, 'E8531');
    expectError(await wuhua.get(`/api/funds/ledger?area=${FUMIN}`), 400, 'E8531');
  });

  it('the owner county reads and reports; the province downloads the ledger as Excel', async () => {
    expect((await fumin.get(`/api/projects/${projectId}`)).status).toBe(200);
    expect((await fumin.post(`/api/projects/${projectId}/progress`, { percent: 20, text: '推进中' })).status).toBe(200);
    const batch = await yunnan.post('/api/funds/batches', { fund: 'x', year: 2025, kind: 'FORMAL', docNo: 'HTTP-1', lines: [{ projectId, amount: '100' }] });
    expect(batch.status).toBe(201);
    const f = await yunnan.download(`/api/funds/ledger?batch=${batch.body.id}`);
    expect(f.status).toBe(200);
    expect(String(f.headers['content-type'])).toContain('spreadsheetml');
    expect(f.bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
