/** HTTP routes of projects (/api/projects) and funds (/api/funds): the same services as the CLI. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import * as api from '../../../domain/api/projects-funds.js';
import { spoolUpload, UPLOAD_DIR } from '../../platform/files/upload-spool.js';
import { sendTableFile, TABLE_FILE_TYPES } from '../../platform/files/table-file.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import { readBands, readFactorTable } from './factor-file.js';

export function registerProjectsFundsRoutes(app: App, ctx: AppContext): void {
  const tags = ['projects-funds'];
  const projects = ctx.services.projects;
  const funds = ctx.services.funds;

  app.get('/api/projects/types', { schema: { tags, response: { 200: api.projectTypesAnswer } } }, async (req) => (actorOf(req), projects.typesAnswer()));
  app.get('/api/projects', { schema: { tags, querystring: api.projectsQuery, response: { 200: api.projectsAnswer } } }, async (req) => projects.list(actorOf(req), req.query));
  app.post('/api/projects', { schema: { tags, body: api.newProjectBody, response: { 201: api.projectView } } }, async (req, reply) => reply.code(201).send(await projects.create(actorOf(req), req.body)));
  app.get('/api/projects/:id', { schema: { tags, params: api.idParams, response: { 200: api.projectDetail } } }, async (req) => projects.detail(actorOf(req), req.params.id));
  app.post('/api/projects/:id/transition', { schema: { tags, params: api.idParams, body: api.transitionBody, response: { 200: api.projectView } } }, async (req) => projects.transition(actorOf(req), req.params.id, req.body));
  app.post('/api/projects/:id/progress', { schema: { tags, params: api.idParams, body: api.progressBody, response: { 200: api.projectView } } }, async (req) => projects.report(actorOf(req), req.params.id, req.body));
  app.put('/api/projects/:id/targets', { schema: { tags, params: api.idParams, body: api.targetsBody, response: { 200: z.object({ items: z.array(api.targetLeafView) }) } } }, async (req) => ({ items: await projects.setTargets(actorOf(req), req.params.id, req.body) }));
  app.post('/api/projects/:id/self-evaluation', { schema: { tags, params: api.idParams, body: api.selfEvalBody, response: { 200: api.selfEvalAnswer } } }, async (req) => projects.selfEvaluate(actorOf(req), req.params.id, req.body.year));
  app.get('/api/projects/:id/acceptance', { schema: { tags, params: api.idParams, querystring: z.object({ period: z.string().max(10).optional() }), response: { 200: api.acceptanceSheet } } }, async (req) => projects.acceptanceSheet(actorOf(req), req.params.id, req.query.period));
  app.post('/api/projects/:id/acceptance', { schema: { tags, params: api.idParams, body: api.acceptanceBody, response: { 200: api.projectDetail } } }, async (req) => projects.accept(actorOf(req), req.params.id, req.body));

  app.post('/api/funds/factors', { schema: { tags, body: api.factorTableBody, response: { 200: api.factorTableAnswer } } }, async (req) => funds.factorTable(actorOf(req), req.body));
  // A factor table (CSV/Excel-saved CSV: area_code, then one column per factor) as the raw body: read, nothing stored.
  if (!app.hasContentTypeParser('application/octet-stream')) app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  app.post(
    '/api/funds/factors/file',
    { schema: { tags, querystring: z.object({ kind: z.enum(['factors', 'bands']).default('factors') }), body: z.any().meta({ description: 'the CSV file as the raw body', type: 'string', format: 'binary' }), consumes: ['application/octet-stream'], response: { 200: z.object({ columns: z.array(z.string()), rows: z.array(z.object({ areaCode: z.string(), factors: z.record(z.string(), z.string()) })), bands: z.record(z.string(), z.string()) }) } } },
    async (req) => {
      actorOf(req);
      const file = await spoolUpload(req.body as Readable, join(ctx.config.dataDir, UPLOAD_DIR), ctx.config.limits.evidenceBytes);
      try {
        const bytes = await readFile(file.path);
        if (req.query.kind === 'bands') return { columns: [], rows: [], bands: readBands(bytes) };
        const t = readFactorTable(bytes);
        return { columns: t.columns, rows: t.areas.map((a) => ({ areaCode: a.code, factors: a.factors })), bands: {} };
      } finally {
        await file.remove();
      }
    },
  );
  app.post('/api/funds/preview', { schema: { tags, body: api.previewBody, response: { 200: api.previewAnswer } } }, async (req) => funds.preview(actorOf(req), req.body));
  app.post('/api/funds/batches/by-factors', { schema: { tags, body: api.allocateBody, response: { 201: api.batchDetail } } }, async (req, reply) => reply.code(201).send(await funds.allocateByFactors(actorOf(req), req.body)));
  app.post('/api/funds/batches', { schema: { tags, body: api.manualBatchBody, response: { 201: api.batchDetail } } }, async (req, reply) => reply.code(201).send(await funds.manualBatch(actorOf(req), req.body)));
  app.get('/api/funds/batches', { schema: { tags, response: { 200: api.batchesAnswer } } }, async (req) => ({ items: await funds.batches(actorOf(req)) }));
  app.get('/api/funds/batches/:id', { schema: { tags, params: api.idParams, response: { 200: api.batchDetail } } }, async (req) => funds.batch(actorOf(req), req.params.id));
  app.post('/api/funds/spending', { schema: { tags, body: api.spendingBody, response: { 201: api.spendingView } } }, async (req, reply) => reply.code(201).send(await funds.spend(actorOf(req), req.body)));
  app.get('/api/funds/execution', { schema: { tags, querystring: api.executionQuery, response: { 200: api.executionAnswer } } }, async (req) => funds.execution(actorOf(req), req.query));
  app.get(
    '/api/funds/ledger',
    { schema: { tags, querystring: api.ledgerQuery, produces: TABLE_FILE_TYPES, response: { 200: api.fundLedgerAnswer } } },
    async (req, reply) => sendTableFile(reply, await funds.ledger(actorOf(req), req.query, req.query.format)),
  );
}
