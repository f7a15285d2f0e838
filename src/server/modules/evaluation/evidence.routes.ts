import type { Readable } from 'node:stream';
import { join } from 'node:path';
import { okAnswer } from '../../../domain/api/common.js';
import { evidenceAnswer, evidenceFileAnswer, evidenceLimits, evidenceQuery, evidenceUploadBody, evidenceView, idParams, reuseBody } from '../../../domain/api/evaluation.js';
import { EVIDENCE_KINDS } from '../../platform/files/content-kind.js';
import { spoolUpload, UPLOAD_DIR } from '../../platform/files/upload-spool.js';
import { readFile } from 'node:fs/promises';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

/** The types a client may declare for an evidence upload; the content decides what it is. */
const UPLOAD_TYPES = ['application/octet-stream', ...EVIDENCE_KINDS.map((k) => k.mime)];

export function registerEvidenceRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const ev = ctx.services.evidence;
  // The file is the raw body, received whole into a temporary file (upload-spool.ts) at most limits.evidenceBytes.
  for (const type of UPLOAD_TYPES) if (!app.hasContentTypeParser(type)) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));

  app.get('/api/evaluation/evidence/limits', { schema: { tags, response: { 200: evidenceLimits } } }, async () => ev.limit());
  app.get('/api/evaluation/applications/:id/evidence', { schema: { tags, params: idParams, response: { 200: evidenceAnswer } } }, async (req) => ({ items: await ev.list(actorOf(req), req.params.id) }));
  app.get('/api/evaluation/applications/:id/evidence/earlier', { schema: { tags, params: idParams, response: { 200: evidenceAnswer } } }, async (req) => ({ items: await ev.earlier(actorOf(req), req.params.id) }));
  app.post(
    '/api/evaluation/applications/:id/evidence',
    { schema: { tags, params: idParams, querystring: evidenceQuery, body: evidenceUploadBody, consumes: UPLOAD_TYPES, response: { 201: evidenceView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      let received = false;
      try {
        // Who may attach, to what, and a declared size over the limit are settled before a byte is received.
        const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
        await ev.authorize(actor, req.params.id, req.query.item, declared);
        const file = await spoolUpload(req.body as Readable, join(ctx.config.dataDir, UPLOAD_DIR), ctx.config.limits.evidenceBytes);
        received = true;
        try {
          return reply.code(201).send(await ev.upload(actor, req.params.id, req.query.item, req.query.filename, await readFile(file.path)));
        } finally {
          await file.remove();
        }
      } catch (e) {
        // The rest of a refused upload is not read: the connection closes after the answer.
        if (!received) reply.header('connection', 'close');
        throw e;
      }
    },
  );
  app.post('/api/evaluation/applications/:id/evidence/reuse', { schema: { tags, params: idParams, body: reuseBody, response: { 201: evidenceView } } }, async (req, reply) =>
    reply.code(201).send(await ev.reuse(actorOf(req), req.params.id, req.body.item, req.body.evidenceId)),
  );
  app.get('/api/evaluation/evidence/:id/file', { schema: { tags, params: idParams, produces: EVIDENCE_KINDS.map((k) => k.mime), response: { 200: evidenceFileAnswer } } }, async (req, reply) => {
    const { evidence: e, content } = await ev.file(actorOf(req), req.params.id);
    // PDF and images open in the browser; Word and Excel are saved. Either way under the name uploaded.
    const inline = e.mediaType === 'application/pdf' || e.mediaType.startsWith('image/');
    return reply
      .header('content-type', e.mediaType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(e.filename)}`)
      .header('cache-control', 'private, max-age=3600')
      .send(content);
  });
  app.delete('/api/evaluation/evidence/:id', { schema: { tags, params: idParams, response: { 200: okAnswer } } }, async (req) => {
    await ev.remove(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
