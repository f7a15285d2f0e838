/** The server serves the built web app: the app for any page path, 404 for missing files and endpoints. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  const web = mkdtempSync(join(tmpdir(), 'gtcm-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>gtcm</title><div id="root"></div>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  ctx.config.webDir = web;
  app = await buildApp(ctx, { logger: false });
});
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('serving the web app', () => {
  it('answers page paths with the app', async () => {
    for (const url of ['/', '/divisions', '/facilities?area=53']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<div id="root">');
    }
  });

  it('serves existing files and 404s missing ones instead of the app', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const missing = await app.inject({ method: 'GET', url: '/assets/gone-1234.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
  });

  it('answers unknown API paths with a JSON error, not the app', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health/nope' });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.json().error.code).toMatch(/^E\d{4}$/);
  });
});
