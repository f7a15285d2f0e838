/**
 * Bounded analytics, from the attacker's side (hardening issue 9): a read-only viewer's lists are
 * de-duplicated and checked (duplicated periods answer as one; malformed, out-of-range or too
 * many periods, unknown statuses and indicators are refused with their codes, never a 500); an
 * answer over the cap of periods × indicators × units is refused before it is computed, on
 * /api/analytics, /trend and /export; 200 concurrent requests all answer 200 or 503 E6007 and
 * the server answers right afterwards; a busy engine refuses at once rather than queueing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { DEFAULT_POOL } from '../../../src/server/modules/indicators/engine/columnar-store.js';
import { MAX_PERIODS, MIN_YEAR } from '../../../src/server/modules/indicators/engine/request-bounds.js';
import { client, expectError, login, type Client, type Session } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let session: Session;
let viewer: Client;
let small: TestContext;
let smallApp: App;
let smallViewer: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp(ctx, { logger: false });
  session = await login(app, 'viewer');
  viewer = client(app, session);
  small = await createTestContext({ limits: { analyticsCells: 10 } });
  smallApp = await buildApp(small, { logger: false });
  smallViewer = client(smallApp, await login(smallApp, 'viewer'));
}, 240_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
  await smallApp?.close();
  await small?.dispose();
});

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i)).join(',');

/** The test clock stands in 2025 (ManualClock): the latest year analytics accepts is 2026. */
const LATEST = String(new Date('2025-01-15T08:00:00Z').getUTCFullYear() + 1);

describe('lists are de-duplicated', () => {
  it('duplicated periods answer exactly as the single period', async () => {
    const one = await viewer.get('/api/analytics?periods=2024&area=5301&level=county');
    expect(one.status).toBe(200);
    expect(one.body.rows.length).toBeGreaterThan(0);
    const dup = await viewer.get('/api/analytics?periods=2024,2024,2024&area=5301&level=county');
    expect(dup.status).toBe(200);
    expect(dup.body.rows).toEqual(one.body.rows);
  });

  it('300 duplicates of one period at township level of a province are one period, not a crash', async () => {
    const url = (periods: string) => `/api/analytics?periods=${periods}&level=township&area=53`;
    const one = await viewer.get(url('2024'));
    expect(one.status).toBe(200);
    const many = await viewer.get(url(Array(300).fill('2024').join(',')));
    expect(many.status).toBe(200);
    expect(many.body.rows).toEqual(one.body.rows);
    expect(new Set(many.body.rows.map((r: any) => r.period))).toEqual(new Set(['2024']));
  });

  it('duplicated indicators and statuses answer as each once', async () => {
    const one = await viewer.get('/api/analytics?periods=2024&area=530102&indicators=vc_tcm_service&statuses=APPROVED');
    const dup = await viewer.get('/api/analytics?periods=2024&area=530102&indicators=vc_tcm_service,vc_tcm_service&statuses=APPROVED,APPROVED');
    expect(one.status).toBe(200);
    expect(one.body.rows).toHaveLength(1);
    expect(dup.body.rows).toEqual(one.body.rows);
  });

  it('duplicated trend years give one point per year', async () => {
    const r = await viewer.get('/api/analytics/trend?years=2023,2024,2023,2024&area=530102&indicators=vc_tcm_service');
    expect(r.status).toBe(200);
    expect(r.body.series).toHaveLength(1);
    expect(r.body.series[0].points.map((p: any) => p.period)).toEqual(['2023', '2024']);
  });
});

describe('lists are checked', () => {
  it(`more than ${MAX_PERIODS} distinct periods is E1004, naming the limit`, async () => {
    const r = await viewer.get(`/api/analytics?periods=${years(2005, MAX_PERIODS + 1)}&area=530102`);
    expectError(r, 400, 'E1004', 'periods');
    expect(r.body.error.limit).toBe(MAX_PERIODS);
    expect(r.body.error.messageEn).toContain(`at most ${MAX_PERIODS}`);
    expectError(await viewer.get(`/api/analytics/trend?years=${years(2005, MAX_PERIODS + 1)}&area=530102`), 400, 'E1004', 'years');
    expectError(await viewer.get(`/api/analytics/export?periods=${years(2005, MAX_PERIODS + 1)}&area=530102`), 400, 'E1004', 'periods');
    // Exactly the limit is fine.
    expect((await viewer.get(`/api/analytics?periods=${years(2005, MAX_PERIODS)}&area=530102&indicators=vc_tcm_service`)).status).toBe(200);
  });

  it('a period out of range (1925, next year + 1) is E1003 with the range, not a 500', async () => {
    for (const p of ['1925', String(MIN_YEAR - 1), String(Number(LATEST) + 1), '9999']) {
      const r = await viewer.get(`/api/analytics?periods=${p}&area=530102`);
      expectError(r, 400, 'E1003', 'periods');
      expect(r.body.error.min).toBe(String(MIN_YEAR));
      expect(r.body.error.max).toBe(LATEST);
      expect(r.body.error.message).toContain(`${MIN_YEAR}–${LATEST}`);
    }
    expectError(await viewer.get('/api/analytics/trend?years=1925,2024&area=530102'), 400, 'E1003', 'years');
    expectError(await viewer.get('/api/analytics/gaps?indicator=vc_tcm_service&period=1925&area=530102'), 400, 'E1003', 'period');
    expectError(await viewer.get('/api/analytics/gaps/export?indicator=vc_tcm_service&period=1925&area=530102'), 400, 'E1003', 'period');
    // The edges of the range are fine.
    for (const p of [String(MIN_YEAR), LATEST]) expect((await viewer.get(`/api/analytics?periods=${p}&area=530102&indicators=vc_tcm_service`)).status).toBe(200);
  });

  it('a malformed period is E1002', async () => {
    for (const p of ['abc', '2024Q1', '202401', '20245', '-2024', '2024.0'])
      expectError(await viewer.get(`/api/analytics?periods=${encodeURIComponent(p)}&area=530102`), 400, 'E1002', 'periods');
    expectError(await viewer.get('/api/analytics/trend?years=abc&area=530102'), 400, 'E1002', 'years');
    expectError(await viewer.get('/api/analytics/gaps?indicator=vc_tcm_service&period=abc'), 400, 'E1002', 'period');
  });

  it('an unknown status is E1005 on every endpoint that filters by status', async () => {
    expectError(await viewer.get('/api/analytics?periods=2024&area=530102&statuses=APPROVED,HACKED'), 400, 'E1005', 'statuses');
    expectError(await viewer.get('/api/analytics?periods=2024&area=530102&statuses=approved'), 400, 'E1005', 'statuses');
    expectError(await viewer.get('/api/analytics/trend?area=530102&statuses=NOPE'), 400, 'E1005', 'statuses');
    expectError(await viewer.get('/api/analytics/gaps?indicator=vc_tcm_service&period=2024&statuses=NOPE'), 400, 'E1005', 'statuses');
    expectError(await viewer.get('/api/analytics/export?periods=2024&area=530102&statuses=NOPE'), 400, 'E1005', 'statuses');
    for (const s of ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED']) expect((await viewer.get(`/api/analytics?periods=2024&area=530102&statuses=${s}`)).status).toBe(200);
  });

  it('an unknown indicator stays E6001', async () => {
    expectError(await viewer.get('/api/analytics?periods=2024&area=530102&indicators=vc_tcm_service,no_such_indicator'), 404, 'E6001');
    expectError(await viewer.get('/api/analytics/trend?area=530102&indicators=no_such_indicator'), 404, 'E6001');
  });
});

describe('the size of an answer is capped (analyticsCells = 10)', () => {
  it('/api/analytics over the cap is E6006 naming the cells and the limit; under it answers', async () => {
    const r = await smallViewer.get('/api/analytics?periods=2024&area=530102');
    expectError(r, 400, 'E6006');
    const indicators = (await smallViewer.get('/api/indicators')).body.items.length;
    expect(r.body.error.cells).toBe(indicators);
    expect(r.body.error.limit).toBe(10);
    expect(r.body.error.messageEn).toContain(`${indicators} cells`);
    expect(r.body.error.messageEn).toContain('at most 10');
    const ok = await smallViewer.get('/api/analytics?periods=2023,2024&area=530102&indicators=vc_tcm_service,tcm_hall_coverage');
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toHaveLength(4);
  });

  it('the units are the areas of the breakdown level under the area, counted before computing', async () => {
    let townships = 0;
    for await (const _ of small.store.repos.divisions.iterate({ level: 4, area: { level: 3, code: '530102' } })) townships++;
    expect(townships).toBeGreaterThan(5);
    const r = await smallViewer.get('/api/analytics?periods=2024&area=530102&level=township&indicators=vc_tcm_service,tcm_hall_coverage');
    expectError(r, 400, 'E6006');
    expect(r.body.error.cells).toBe(2 * townships);
    // Duplicates do not count twice.
    const dup = await smallViewer.get('/api/analytics?periods=2024,2024&area=530102&indicators=vc_tcm_service,vc_tcm_service');
    expect(dup.status).toBe(200);
  });

  it('/api/analytics/trend over the cap is E6006 (default years × every indicator)', async () => {
    const r = await smallViewer.get('/api/analytics/trend?area=530102');
    expectError(r, 400, 'E6006');
    expect(r.body.error.cells).toBeGreaterThan(10);
    expect(r.body.error.limit).toBe(10);
    expect((await smallViewer.get('/api/analytics/trend?area=530102&indicators=vc_tcm_service')).status).toBe(200);
  });

  it('/api/analytics/gaps/areas over the cap is E6006: one row per unit of the level asked', async () => {
    const r = await smallViewer.get('/api/analytics/gaps/areas?indicator=vc_tcm_service&period=2024&area=530102&level=township');
    expectError(r, 400, 'E6006');
    expect(r.body.error.cells).toBeGreaterThan(10);
    expect(r.body.error.limit).toBe(10);
  });

  it('/api/analytics/export over the cap is E6006, as XLSX and as CSV', async () => {
    for (const format of ['xlsx', 'csv']) {
      const r = await smallViewer.get(`/api/analytics/export?periods=2024&area=530102&format=${format}`);
      expectError(r, 400, 'E6006');
      expect(r.body.error.limit).toBe(10);
    }
    const res = await smallApp.inject({ method: 'GET', url: '/api/analytics/export?periods=2024&area=530102&indicators=vc_tcm_service&format=csv', headers: { cookie: (await login(smallApp, 'viewer')).cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body.replace(/^\ufeff/, '').trim().split('\r\n')).toHaveLength(2);
  });
});

describe('concurrency', () => {
  const urls = [
    '/api/analytics?periods=2023,2024&area=5301&level=county',
    '/api/analytics/trend?area=530124&level=township&indicators=vc_tcm_service,tcm_hall_coverage',
    '/api/analytics?periods=2024&area=530102&level=township',
    '/api/analytics/gaps?indicator=vc_tcm_service&period=2024&area=530124&pageSize=50',
  ];
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });

  it('200 concurrent requests all answer 200 or 503 E6007, and the server answers right afterwards', async () => {
    const baseline = await Promise.all(urls.map(async (u) => (await get(u)).json()));
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => get(urls[i % urls.length])));
    let served = 0;
    answers.forEach((res, i) => {
      if (res.statusCode === 503) {
        expect(res.json().error.code).toBe('E6007');
        expect(res.headers['retry-after']).toBeDefined();
        return;
      }
      expect(res.statusCode, `request ${i}`).toBe(200);
      expect(res.json()).toEqual(baseline[i % urls.length]);
      served++;
    });
    expect(served).toBeGreaterThan(0);
    for (const [k, u] of urls.entries()) expect((await get(u)).json()).toEqual(baseline[k]);
  });

  /** Holds every connection of the engine's pool and fills its queue while fn runs. */
  async function withPoolFull(fn: () => Promise<void>): Promise<void> {
    const columnar = ctx.engine['columnar']!;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const holds = Array.from({ length: DEFAULT_POOL.size + ctx.config.limits.analyticsQueue }, () => columnar.read(() => gate));
    try {
      await fn();
    } finally {
      open();
      await Promise.all(holds);
    }
  }

  it('with every read connection busy and the queue full, a request is refused at once with 503 E6007, and served once they are free', async () => {
    // A question not asked before in this generation of the tables: it needs a connection.
    const url = '/api/analytics?periods=2022&area=5301&level=county';
    await withPoolFull(async () => {
      const res = await get(url);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('E6007');
      expect(res.headers['retry-after']).toBe('2');
    });
    expect((await get(url)).statusCode).toBe(200);
  });

  it('with every read connection busy, a question already answered since the last change is answered from the shared answer', async () => {
    const url = urls[0];
    const before = (await get(url)).json();
    await withPoolFull(async () => {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(before);
    });
  });
});
