/** HTTP routes of supervision (plans, tasks, rectification, visits) and of the inbox and notifications. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { policyText } from './policy-text.js';
import { spoolUpload, UPLOAD_DIR } from '../../platform/files/upload-spool.js';
import { EVIDENCE_KINDS } from '../../platform/files/content-kind.js';
import type { FastifyReply } from 'fastify';
import * as api from '../../../domain/api/supervision.js';
import { sendTableFile, TABLE_FILE_TYPES } from '../../platform/files/table-file.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';


export function registerSupervisionRoutes(app: App, ctx: AppContext): void {
  const tags = ['supervision'];
  const plans = ctx.services.supervisionPlans;
  const tasks = ctx.services.supervisionTasks;
  const rects = ctx.services.rectification;

  app.post('/api/supervision/workpoints/parse', { schema: { tags, body: api.parseBody, response: { 200: api.parseAnswer } } }, async (req) => ({ items: await plans.parse({ text: req.body.text }) }));
  // A policy file (TXT/DOCX) as the raw body, at most limits.evidenceBytes: its text and items, nothing stored.
  if (!app.hasContentTypeParser('application/octet-stream')) app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  app.post(
    '/api/supervision/workpoints/parse-file',
    { schema: { tags, querystring: z.object({ filename: z.string().max(300).optional() }), body: z.any().meta({ description: 'the file (TXT in UTF-8 or GB18030, DOCX, PDF with a text layer) as the raw body', type: 'string', format: 'binary' }), consumes: ['application/octet-stream'], response: { 200: api.parseAnswer.extend({ text: z.string() }) } } },
    async (req) => {
      actorOf(req);
      const file = await spoolUpload(req.body as Readable, join(ctx.config.dataDir, UPLOAD_DIR), ctx.config.limits.evidenceBytes);
      try {
        const text = await policyText(await readFile(file.path));
        return { text, items: await plans.parse({ text }) };
      } finally {
        await file.remove();
      }
    },
  );
  app.get('/api/supervision/plans', { schema: { tags, response: { 200: api.plansAnswer } } }, async (req) => ({ items: await plans.list(actorOf(req)) }));
  app.post('/api/supervision/plans', { schema: { tags, body: api.newPlanBody, response: { 201: api.planAnswer } } }, async (req, reply) => {
    const actor = actorOf(req);
    const p = await plans.create(actor, req.body);
    return reply.code(201).send(await plans.get(actor, p.id));
  });
  app.get('/api/supervision/plans/:id', { schema: { tags, params: api.idParams, response: { 200: api.planAnswer } } }, async (req) => plans.get(actorOf(req), req.params.id));
  app.put('/api/supervision/plans/:id/items', { schema: { tags, params: api.idParams, body: api.planItemsBody, response: { 200: api.planAnswer } } }, async (req) => {
    const actor = actorOf(req);
    await plans.updateItems(actor, req.params.id, req.body.items, req.body.title);
    return plans.get(actor, req.params.id);
  });
  app.post('/api/supervision/plans/:id/publish', { schema: { tags, params: api.idParams, body: api.publishBody, response: { 200: api.planAnswer } } }, async (req) => plans.publish(actorOf(req), req.params.id, req.body));

  app.get('/api/supervision/tasks', { schema: { tags, querystring: api.tasksQuery, response: { 200: api.tasksAnswer } } }, async (req) => ({
    items: await tasks.list(actorOf(req), { planId: req.query.planId, light: req.query.light, ...(req.query.top === 'true' && { parentId: null }) }),
  }));
  app.get('/api/supervision/stats', { schema: { tags, querystring: api.statsQuery, response: { 200: api.statsAnswer } } }, async (req) => tasks.stats(actorOf(req), req.query.planId));
  app.get('/api/supervision/ledger', { schema: { tags, querystring: api.ledgerQuery, produces: TABLE_FILE_TYPES, response: { 200: api.ledgerAnswer } } }, async (req, reply) => sendTableFile(reply, await tasks.ledger(actorOf(req), req.query.planId, req.query.format)));
  app.get('/api/supervision/tasks/:id', { schema: { tags, params: api.idParams, response: { 200: api.taskDetail } } }, async (req) => tasks.detail(actorOf(req), req.params.id));
  app.patch('/api/supervision/tasks/:id', { schema: { tags, params: api.idParams, body: api.taskChangesBody, response: { 200: api.taskDetail } } }, async (req) => tasks.update(actorOf(req), req.params.id, req.body));
  app.post('/api/supervision/tasks/:id/cascade', { schema: { tags, params: api.idParams, body: api.cascadeBody, response: { 200: api.tasksAnswer } } }, async (req) => ({
    items: await tasks.cascade(actorOf(req), req.params.id, req.body.areas, { dueDate: req.body.dueDate }),
  }));
  app.post('/api/supervision/tasks/:id/progress', { schema: { tags, params: api.idParams, body: api.progressBody, response: { 201: api.progressView } } }, async (req, reply) => reply.code(201).send(await tasks.report(actorOf(req), req.params.id, req.body)));
  app.post('/api/supervision/tasks/:id/complete', { schema: { tags, params: api.idParams, body: api.noteBody, response: { 200: api.taskDetail } } }, async (req) => tasks.complete(actorOf(req), req.params.id, req.body.note));
  app.post('/api/supervision/tasks/:id/verify', { schema: { tags, params: api.idParams, body: api.noteBody, response: { 200: api.taskDetail } } }, async (req) => tasks.verify(actorOf(req), req.params.id, req.body.note));
  app.post('/api/supervision/tasks/:id/reopen', { schema: { tags, params: api.idParams, body: api.noteBody, response: { 200: api.taskDetail } } }, async (req) => tasks.reopen(actorOf(req), req.params.id, req.body.note));
  app.post('/api/supervision/tasks/:id/extend', { schema: { tags, params: api.idParams, body: api.extendBody, response: { 200: api.taskDetail } } }, async (req) => tasks.extend(actorOf(req), req.params.id, req.body.dueDate, req.body.reason));
  app.post('/api/supervision/tasks/:id/remind', { schema: { tags, params: api.idParams, body: api.noteBody, response: { 200: api.remindAnswer } } }, async (req) => tasks.remind(actorOf(req), req.params.id, req.body.note));

  app.get('/api/supervision/rect', { schema: { tags, querystring: api.rectsQuery, response: { 200: api.rectsAnswer } } }, async (req) => ({ items: await rects.list(actorOf(req), { states: req.query.state ? [req.query.state] : undefined, source: req.query.source }) }));
  app.get('/api/supervision/rect/gaps', { schema: { tags, querystring: api.gapQuery, response: { 200: api.gapCandidatesAnswer } } }, async (req) => rects.gapCandidates(actorOf(req), req.query));
  app.post('/api/supervision/rect/from-gaps', { schema: { tags, body: api.fromGapsBody, response: { 201: api.rectsCreatedAnswer } } }, async (req, reply) => {
    const { codes, deadline, requirement, ...q } = req.body;
    return reply.code(201).send({ items: await rects.fromGaps(actorOf(req), q, { codes, deadline, requirement }) });
  });
  app.post('/api/supervision/rect', { schema: { tags, body: api.newRectBody, response: { 201: api.rectView } } }, async (req, reply) => reply.code(201).send(await rects.create(actorOf(req), req.body)));
  app.get('/api/supervision/rect/:id', { schema: { tags, params: api.idParams, response: { 200: api.rectDetail } } }, async (req) => rects.detail(actorOf(req), req.params.id));
  app.post('/api/supervision/rect/:id/submit', { schema: { tags, params: api.idParams, body: api.submitRectBody, response: { 200: api.rectView } } }, async (req) => rects.submit(actorOf(req), req.params.id, req.body.completion));
  app.post('/api/supervision/rect/:id/verify', { schema: { tags, params: api.idParams, body: api.verifyRectBody, response: { 200: api.rectView } } }, async (req) => rects.verify(actorOf(req), req.params.id, req.body.accept, req.body.note));
  app.post('/api/supervision/visits', { schema: { tags, body: api.visitBody, response: { 201: api.visitAnswer } } }, async (req, reply) => reply.code(201).send(await rects.visit(actorOf(req), req.body)));

  // Evidence of a report or an item: the raw body, received whole into a temporary file (at most limits.evidenceBytes), then stored by content.
  const received = async <T>(body: unknown, store: (bytes: Buffer) => Promise<T>): Promise<T> => {
    const file = await spoolUpload(body as Readable, join(ctx.config.dataDir, UPLOAD_DIR), ctx.config.limits.evidenceBytes);
    try {
      return await store(await readFile(file.path));
    } finally {
      await file.remove();
    }
  };
  const sendFile = (reply: FastifyReply, f: { file: { filename: string }; content: Buffer; mediaType: string }) =>
    reply
      .header('content-type', f.mediaType)
      .header('content-disposition', `${f.mediaType === 'application/pdf' || f.mediaType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.file.filename)}`)
      .header('cache-control', 'private, max-age=3600')
      .send(f.content);
  const FILE_TYPES = EVIDENCE_KINDS.map((k) => k.mime);
  app.post(
    '/api/supervision/tasks/:id/progress/:pid/files',
    { schema: { tags, params: api.progressFileParams, querystring: api.filenameQuery, body: api.uploadBody, consumes: ['application/octet-stream'], response: { 201: api.attachmentView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await tasks.readable(actor, req.params.id);
      return reply.code(201).send(await received(req.body, (bytes) => tasks.attach(actor, req.params.id, req.params.pid, req.query.filename, bytes)));
    },
  );
  app.get('/api/supervision/tasks/:id/files/:sha256', { schema: { tags, params: api.fileParams, produces: FILE_TYPES, response: { 200: api.attachmentFileAnswer } } }, async (req, reply) =>
    sendFile(reply, await tasks.file(actorOf(req), req.params.id, req.params.sha256)),
  );
  app.post(
    '/api/supervision/rect/:id/files',
    { schema: { tags, params: api.idParams, querystring: api.filenameQuery, body: api.uploadBody, consumes: ['application/octet-stream'], response: { 201: api.attachmentView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await rects.readable(actor, req.params.id);
      return reply.code(201).send(await received(req.body, (bytes) => rects.attach(actor, req.params.id, req.query.filename, bytes)));
    },
  );
  app.get('/api/supervision/rect/:id/files/:sha256', { schema: { tags, params: api.fileParams, produces: FILE_TYPES, response: { 200: api.attachmentFileAnswer } } }, async (req, reply) =>
    sendFile(reply, await rects.file(actorOf(req), req.params.id, req.params.sha256)),
  );

  app.get('/api/inbox', { schema: { tags: ['inbox'], response: { 200: api.inboxAnswer } } }, async (req) => ctx.services.inbox.summary(actorOf(req)));
  app.get('/api/notifications', { schema: { tags: ['inbox'], response: { 200: api.notificationsAnswer } } }, async (req) => ctx.services.notifications.list(actorOf(req)));
  app.post('/api/notifications/read', { schema: { tags: ['inbox'], body: api.markReadBody, response: { 200: api.markedAnswer } } }, async (req) => ({ marked: await ctx.services.notifications.markRead(actorOf(req), req.body.ids) }));
}
