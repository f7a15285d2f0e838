/**
 * Supervision over HTTP: the policy file parsed by upload, progress-report and rectification
 * evidence stored by content (SHA-256) and readable only inside scope, notifications that are the
 * user's own, the webhook channel sent by its job, the re-review due-date job, and scope from
 * the other side through the routes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { NotificationService } from '../../../src/server/platform/notifications/notification.service.js';
import { notifyReReviewsDue } from '../../../src/server/modules/supervision/due-dates.job.js';
import { createTestActor, createTestUserSession, exeFile, pdfFile, policyDocx, testApp, FUMIN, WUHUA } from '../../support/builders/index.js';
import { expectError, type Client } from '../../support/http.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

let ctx: TestContext;
let app: App;
let nation: Client;
let yunnan: Client;
let fumin: Client;
let wuhua: Client;
let taskId: number;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  app = await testApp(ctx);
  nation = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: 'CN' })).client;
  yunnan = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: '53' })).client;
  fumin = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: FUMIN })).client;
  wuhua = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: WUHUA })).client;
  const plan = await nation.post('/api/supervision/plans', { title: '测试计划', year: 2025, text: '一、总体要求\n二、重点任务\n三、保障措施' });
  expect(plan.status).toBe(201);
  const published = await nation.post(`/api/supervision/plans/${plan.body.plan.id}/publish`, {});
  const top = published.body.tasks[1];
  const yn = (await nation.post(`/api/supervision/tasks/${top.id}/cascade`, { areas: ['53'] })).body.items[0];
  const km = (await yunnan.post(`/api/supervision/tasks/${yn.id}/cascade`, { areas: ['5301'] })).body.items[0];
  const county = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: '5301' });
  const [c] = await ctx.services.supervisionTasks.cascade(county, km.id, [FUMIN]);
  taskId = c!.id;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('a policy file uploaded', () => {
  it('a DOCX is read and parsed, nothing stored', async () => {
    const docx = await policyDocx([{ text: '一、总体要求' }, { text: '（一）指导思想。' }, { text: '二、重点任务' }]);
    const r = await nation.upload('/api/supervision/workpoints/parse-file?filename=plan.docx', docx);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { path: string }) => i.path)).toEqual(['一、', '一、/（一）', '二、']);
    expect((await nation.get('/api/supervision/plans')).body.items).toHaveLength(1);
  });

  it('a renamed .exe is refused with E8001 (415)', async () => {
    expectError(await nation.upload('/api/supervision/workpoints/parse-file?filename=plan.txt', exeFile()), 415, 'E8001');
  });
});

describe('progress evidence', () => {
  it('is stored by content, listed on the report, and read back by the levels above', async () => {
    const report = await fumin.post(`/api/supervision/tasks/${taskId}/progress`, { text: '已完成自查', percent: 40 });
    expect(report.status).toBe(201);
    const up = await fumin.upload(`/api/supervision/tasks/${taskId}/progress/${report.body.id}/files?filename=自查报告.pdf`, pdfFile('self-check'));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ filename: '自查报告.pdf', bytes: pdfFile('self-check').length });
    const detail = await yunnan.get(`/api/supervision/tasks/${taskId}`);
    expect(detail.body.progress[0].files).toEqual([up.body]);
    const file = await yunnan.download(`/api/supervision/tasks/${taskId}/files/${up.body.sha256}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(pdfFile('self-check'))).toBe(true);
  });

  it('another county reads neither the task nor its files', async () => {
    const detail = await fumin.get(`/api/supervision/tasks/${taskId}`);
    const sha = detail.body.progress[0].files[0].sha256;
    expectError(await wuhua.get(`/api/supervision/tasks/${taskId}`), 404, 'E8005');
    expect((await wuhua.download(`/api/supervision/tasks/${taskId}/files/${sha}`)).status).toBe(404);
  });

  it('another county cannot attach to the report; an .exe is refused by its content', async () => {
    const report = (await fumin.get(`/api/supervision/tasks/${taskId}`)).body.progress[0];
    expectError(await wuhua.upload(`/api/supervision/tasks/${taskId}/progress/${report.id}/files?filename=x.pdf`, pdfFile()), 404, 'E8005');
    expectError(await fumin.upload(`/api/supervision/tasks/${taskId}/progress/${report.id}/files?filename=x.pdf`, exeFile()), 415, 'E1014');
  });
});

describe('rectification evidence', () => {
  it('the owner attaches while rectifying; the issuer reads it; another county cannot', async () => {
    const item = await yunnan.post('/api/supervision/rect', { areaCode: FUMIN, problem: '台账不全', requirement: '补齐', deadline: '2025-06-30' });
    expect(item.status).toBe(201);
    const up = await fumin.upload(`/api/supervision/rect/${item.body.id}/files?filename=台账.pdf`, pdfFile('ledger'));
    expect(up.status).toBe(201);
    expect((await yunnan.get(`/api/supervision/rect/${item.body.id}`)).body.files).toEqual([up.body]);
    expect((await yunnan.download(`/api/supervision/rect/${item.body.id}/files/${up.body.sha256}`)).status).toBe(200);
    expectError(await wuhua.upload(`/api/supervision/rect/${item.body.id}/files?filename=x.pdf`, pdfFile()), 404, 'E8013');
    expect((await wuhua.download(`/api/supervision/rect/${item.body.id}/files/${up.body.sha256}`)).status).toBe(404);
  });
});

describe('scope through the routes', () => {
  it('a county lists no other county’s tasks, and cannot act on them', async () => {
    expect((await wuhua.get('/api/supervision/tasks')).body.items.some((t: { id: number }) => t.id === taskId)).toBe(false);
    expectError(await wuhua.post(`/api/supervision/tasks/${taskId}/progress`, { text: 'x', percent: 10 }), 404, 'E8005');
    expectError(await wuhua.post(`/api/supervision/tasks/${taskId}/remind`, { note: '' }), 404, 'E8005');
  });

  it('the owner cannot close its own task; the issuing level can', async () => {
    await fumin.post(`/api/supervision/tasks/${taskId}/complete`, { note: '完成' });
    expectError(await fumin.post(`/api/supervision/tasks/${taskId}/verify`, { note: '' }), 403, 'E8007');
  });
});

describe('notifications', () => {
  it('a user marks only their own read', async () => {
    const mine = (await fumin.get('/api/notifications')).body;
    expect(mine.items.length).toBeGreaterThan(0);
    expectError(await wuhua.post('/api/notifications/read', { ids: [mine.items[0].id] }), 404, 'E8018');
    expect((await fumin.post('/api/notifications/read', { ids: [mine.items[0].id] })).body.marked).toBe(1);
  });

  it('the webhook channel receives each unsent notification once, as JSON', async () => {
    const got: unknown[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const channel = new NotificationService(ctx.store, ctx.clock, url);
      const unsent = (await ctx.store.repos.notifications.unsent(10_000)).length;
      expect(await channel.sendOutbound(10_000)).toBe(unsent);
      expect(got).toHaveLength(unsent);
      expect(got[0]).toMatchObject({ username: expect.any(String), title: expect.any(String), link: expect.stringMatching(/^\//) });
      expect(await channel.sendOutbound(10_000)).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe('the re-review due-date job', () => {
  it('tells the province and the nation, once a year, which titles are due', async () => {
    const year = ctx.clock.now().getUTCFullYear();
    await ctx.store.repos.titles.upsertMany([{ divisionCode: FUMIN, title: 'DEMO_COUNTY', granted: year - 3, withdrawn: null, source: 'test' }]);
    expect(await notifyReReviewsDue(ctx.store, ctx.services.notifications, ctx.clock)).toBeGreaterThan(0);
    const yn = (await yunnan.get('/api/notifications')).body.items;
    expect(yn.some((n: { kind: string; body: string }) => n.kind === 're_review_due' && n.body.includes('富民县'))).toBe(true);
    expect(await notifyReReviewsDue(ctx.store, ctx.services.notifications, ctx.clock)).toBe(0);
  });
});
