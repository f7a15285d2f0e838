/**
 * Evidence (佐证材料): files attached to an application's items over HTTP — told by their content,
 * limited in size, stored once per content (SHA-256) in the store, and scoped like the application:
 * another county reads and changes nothing of it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import type { Client } from '../../support/http.js';
import { expectError } from '../../support/http.js';
import {
  createTestActor, createTestApplication, createTestCycle, createTestUserSession, docxFile, exeFile, FUMIN, jpgFile, pdfFile, pngFile, testApp, textFile, WUHUA, xlsxFile,
} from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';
import { MAX_FILES } from '../../../src/server/modules/evaluation/evidence.service.js';

const LIMIT = 64 * 1024;
let ctx: TestContext;
let app: App;
let fumin: Client;
let wuhua: Client;
let yunnan: Client;
let appId: number;

const url = (id: number, item: string, filename?: string) => `/api/evaluation/applications/${id}/evidence?item=${item}${filename ? `&filename=${encodeURIComponent(filename)}` : ''}`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  ctx = await createTestContext({ demo: false, limits: { evidenceBytes: LIMIT } });
  app = await testApp(ctx);
  const cycle = await createTestCycle(ctx);
  appId = (await createTestApplication(ctx, cycle, FUMIN)).id;
  fumin = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: FUMIN })).client;
  wuhua = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: WUHUA })).client;
  yunnan = (await createTestUserSession(ctx, app, { role: 'AREA_ADMIN', scopeCode: '53' })).client;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('attaching evidence', () => {
  it('a county attaches a PDF to an item: it is on the application and comes back byte for byte', async () => {
    const pdf = pdfFile('plan 2023');
    const r = await fumin.upload(url(appId, 'A1', '富民县中医药发展规划.pdf'), pdf, 'application/pdf');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ item: 'A1', filename: '富民县中医药发展规划.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: sha(pdf), stage: 'SELF' });
    expect((await fumin.get(`/api/evaluation/applications/${appId}`)).body.evidence.map((e: { id: number }) => e.id)).toContain(r.body.id);
    const f = await fumin.download(`/api/evaluation/evidence/${r.body.id}/file`);
    expect(f.status).toBe(200);
    expect(f.headers['content-type']).toBe('application/pdf');
    expect(String(f.headers['content-disposition'])).toContain(encodeURIComponent('富民县中医药发展规划.pdf'));
    expect(Buffer.compare(f.bytes, pdf)).toBe(0);
  });

  it('takes the type from the content, whatever the name or declared type: PNG, JPG, DOCX, XLSX', async () => {
    const files: [Buffer, string][] = [[pngFile(), 'image/png'], [jpgFile(), 'image/jpeg'], [await docxFile(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], [await xlsxFile(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']];
    for (const [bytes, mime] of files) {
      const r = await fumin.upload(url(appId, 'A3', 'file.bin'), bytes);
      expect([r.status, r.body.mediaType]).toEqual([201, mime]);
    }
  });
});

describe('what is refused, and nothing stored', () => {
  it('a renamed .exe: 415 E1014 saying what it is', async () => {
    const before = await ctx.store.repos.files.totals();
    const r = await fumin.upload(url(appId, 'A1', '规划文件.pdf'), exeFile(), 'application/pdf');
    expectError(r, 415, 'E1014', 'file');
    expect(r.body.error.message).toContain('Windows 可执行程序');
    expect(await ctx.store.repos.files.totals()).toEqual(before);
  });

  it('plain text is not a document of the accepted kinds', async () => {
    expectError(await fumin.upload(url(appId, 'A1', 'a.docx'), textFile()), 415, 'E1014', 'file');
  });

  it('a file over the configured limit: 413 E4014 naming the limit', async () => {
    const before = (await fumin.get(`/api/evaluation/applications/${appId}/evidence`)).body.items.length;
    const big = Buffer.concat([pdfFile(), Buffer.alloc(LIMIT)]);
    const r = await fumin.upload(url(appId, 'A1', 'big.pdf'), big);
    expectError(r, 413, 'E4014');
    expect(r.body.error.message).toContain('64 KB');
    expect((await fumin.get(`/api/evaluation/applications/${appId}/evidence`)).body.items.length).toBe(before);
  });

  it('an empty file: E1016', async () => {
    expectError(await fumin.upload(url(appId, 'A1', 'empty.pdf'), Buffer.alloc(0)), 400, 'E1016');
  });

  it('an item the standard does not have: E7007', async () => {
    expectError(await fumin.upload(url(appId, 'Z9', 'a.pdf'), pdfFile()), 400, 'E7007', 'item');
  });

  it('an application holding the most files takes no more: E7026, nothing stored', async () => {
    const cycle = await createTestCycle(ctx);
    const full = await createTestApplication(ctx, cycle, FUMIN);
    const county = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: FUMIN });
    const pdf = pdfFile('one of many');
    for (let i = 0; i < MAX_FILES; i++) await ctx.services.evidence.upload(county, full.id, 'A1', `${i}.pdf`, pdf);
    expectError(await fumin.upload(url(full.id, 'A1', 'more.pdf'), pdfFile('one more')), 409, 'E7026', 'file');
    expect((await fumin.get(`/api/evaluation/applications/${full.id}/evidence`)).body.items).toHaveLength(MAX_FILES);
  });

  it('the limit is told before uploading', async () => {
    expect((await fumin.get('/api/evaluation/evidence/limits')).body).toMatchObject({ bytes: LIMIT, text: '64 KB' });
  });
});

describe('stored once per content', () => {
  it('the same file attached to two items, and in a later cycle, is stored once', async () => {
    const budget = pdfFile('budget 2022-2024');
    const before = await ctx.store.repos.files.totals();
    expect((await fumin.upload(url(appId, 'A3', '预算.pdf'), budget)).status).toBe(201);
    expect((await fumin.upload(url(appId, 'A2', '预算（副本）.pdf'), budget)).status).toBe(201);
    const later = await createTestCycle(ctx, { firstYear: 2025, lastYear: 2027 });
    const next = await createTestApplication(ctx, later, FUMIN);
    const again = await fumin.upload(url(next.id, 'A3', '预算.pdf'), budget);
    expect([again.status, again.body.sha256]).toEqual([201, sha(budget)]);
    expect(await ctx.store.repos.files.totals()).toEqual({ files: before.files + 1, bytes: before.bytes + budget.length });
  });

  it('a later cycle attaches an earlier cycle’s file by reference', async () => {
    const later = await createTestCycle(ctx, { firstYear: 2025, lastYear: 2027 });
    const next = await createTestApplication(ctx, later, FUMIN);
    const earlier = (await fumin.get(`/api/evaluation/applications/${next.id}/evidence/earlier`)).body.items;
    const plan = earlier.find((e: { item: string; filename: string }) => e.filename === '富民县中医药发展规划.pdf');
    const before = await ctx.store.repos.files.totals();
    const r = await fumin.post(`/api/evaluation/applications/${next.id}/evidence/reuse`, { item: 'A1', evidenceId: plan.id });
    expect([r.status, r.body.sha256, r.body.applicationId]).toEqual([201, plan.sha256, next.id]);
    expect(await ctx.store.repos.files.totals()).toEqual(before);
  });
});

describe('scoped like the application', () => {
  it('another county can neither list, download nor attach', async () => {
    const [first] = (await fumin.get(`/api/evaluation/applications/${appId}/evidence`)).body.items;
    expectError(await wuhua.get(`/api/evaluation/applications/${appId}/evidence`), 404, 'E7004');
    expect((await wuhua.download(`/api/evaluation/evidence/${first.id}/file`)).status).toBe(404);
    expectError(await wuhua.upload(url(appId, 'A1', 'x.pdf'), pdfFile()), 404, 'E7004');
    expectError(await wuhua.delete(`/api/evaluation/evidence/${first.id}`), 404, 'E1015');
  });

  it('another county cannot reuse this county’s file in its own application', async () => {
    const [first] = (await fumin.get(`/api/evaluation/applications/${appId}/evidence`)).body.items;
    const cycle = await createTestCycle(ctx);
    const own = await createTestApplication(ctx, cycle, WUHUA);
    expectError(await wuhua.post(`/api/evaluation/applications/${own.id}/evidence/reuse`, { item: 'A1', evidenceId: first.id }), 404, 'E1015');
  });

  it('the province reads the county’s evidence but attaches nothing while the county self-assesses', async () => {
    const [first] = (await yunnan.get(`/api/evaluation/applications/${appId}/evidence`)).body.items;
    expect((await yunnan.download(`/api/evaluation/evidence/${first.id}/file`)).status).toBe(200);
    expectError(await yunnan.upload(url(appId, 'A1', 'x.pdf'), pdfFile()), 409, 'E7006');
  });
});

describe('removing', () => {
  it('the county removes what it attached; the link goes, and the audit says so', async () => {
    const r = await fumin.upload(url(appId, 'F1', '满意度调查.pdf'), pdfFile('survey'));
    expect((await fumin.delete(`/api/evaluation/evidence/${r.body.id}`)).status).toBe(200);
    expect((await fumin.download(`/api/evaluation/evidence/${r.body.id}/file`)).status).toBe(404);
    const nation = await createTestActor(ctx, { role: 'AREA_ADMIN', scopeCode: 'CN' });
    const audit = await ctx.services.audit.list(nation, { entity: 'eval_application', entityKey: String(appId) }, 1, 100);
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['attach', 'detach']));
  });
});
