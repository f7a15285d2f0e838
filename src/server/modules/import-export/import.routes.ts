import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { importLimits, importQuery, importSummary, importUploadBody, reportExportAnswer, reportExportQuery, templateAnswer, templateQuery } from '../../../domain/api/import-export.js';
import { AppError } from '../../../domain/errors.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import { sendTableFile } from '../../platform/files/table-file.js';
import { formatOf, OTHER_SPREADSHEETS, otherSpreadsheetType, XLSX_MIME } from './table-reader.js';
import { echo } from './import-issues.js';
import { formatBytes, spoolUpload, UPLOAD_DIR, uploadTooLarge } from '../../platform/files/upload-spool.js';

/** The content types of an upload: the route parses none of them, it receives the file. */
const UPLOAD_TYPES = ['text/csv', 'text/plain', XLSX_MIME, 'application/octet-stream', ...Object.keys(OTHER_SPREADSHEETS)];

export function registerImportRoutes(app: App, ctx: AppContext): void {
  const tags = ['import'];
  const limits = ctx.config.limits;
  // The file is the raw body: the route receives it into a temporary file (upload-spool.ts),
  // limited to limits.uploadBytes, so Fastify's own body limit does not apply to these types.
  for (const type of UPLOAD_TYPES)
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));

  /** Imports being received or run on this node now. */
  let running = 0;

  app.get('/api/imports/limits', { schema: { tags, response: { 200: importLimits } } }, async () => ({
    uploadBytes: limits.uploadBytes,
    uploadText: formatBytes(limits.uploadBytes),
    rows: limits.importRows,
    columns: limits.importColumns,
    cellChars: limits.cellChars,
    xlsxUncompressedBytes: limits.xlsxUncompressedBytes,
    errorsListed: limits.importErrors,
  }));

  app.post(
    '/api/imports',
    { schema: { tags, querystring: importQuery, body: importUploadBody, consumes: UPLOAD_TYPES, response: { 200: importSummary } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const format = formatOf(req.headers['content-type'] ?? '') ?? formatOf(req.query.filename ?? '');
      const opts = { format: format ?? 'csv', mode: req.query.mode, dryRun: req.query.dryRun === 'true', dataSet: req.query.dataSet, limits } as const;
      let received = false;
      // Each upload may take uploadBytes of disk and an import's work: a crowd of them is refused.
      if (running >= limits.concurrentImports) {
        reply.header('connection', 'close').header('retry-after', '5');
        throw new AppError('E1010', { field: 'upload', limit: limits.concurrentImports });
      }
      running++;
      try {
        const other = otherSpreadsheetType(String(req.headers['content-type'] ?? ''), req.query.filename);
        if (other) throw new AppError('E4021', { field: 'file', kind: other });
        if (!format) throw new AppError('E4013', { field: 'content-type', value: echo(String(req.headers['content-type'] ?? ''), limits.echoChars) });
        // Who may import and into what is settled before a byte of the file is received.
        ctx.services.imports.authorize(actor, opts);
        if (Number(req.headers['content-length']) > limits.uploadBytes) throw uploadTooLarge(limits.uploadBytes);
        // Received whole before the import (and its transaction) starts: a slow upload holds no store.
        const file = await spoolUpload(req.body as Readable, join(ctx.config.dataDir, UPLOAD_DIR), limits.uploadBytes);
        received = true;
        try {
          return await ctx.services.imports.importFile(actor, file.path, opts);
        } finally {
          await file.remove();
        }
      } catch (e) {
        // The rest of a refused upload is not read: the connection closes after the answer.
        if (!received) reply.header('connection', 'close');
        // The reader's own words (library internals) are for the log, not for the user.
        if (e instanceof AppError && e.cause !== undefined)
          req.log.warn({ code: e.code, cause: e.cause instanceof Error ? e.cause.message : String(e.cause) }, 'import: unreadable file');
        throw e;
      } finally {
        running--;
      }
    },
  );

  app.get(
    '/api/imports/template',
    { schema: { tags, querystring: templateQuery, produces: [XLSX_MIME], response: { 200: templateAnswer } } },
    async (req, reply) => {
      const q = req.query;
      const buf = await ctx.services.imports.template(actorOf(req), q.dataSet, q.period, q.area);
      const name = encodeURIComponent(`年报导入模板-${q.period}${q.area ? `-${q.area}` : ''}.xlsx`);
      reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      return reply.send(buf);
    },
  );

  app.get(
    '/api/reports/export',
    { schema: { tags, querystring: reportExportQuery, produces: [XLSX_MIME, 'text/csv'], response: { 200: reportExportAnswer } } },
    async (req, reply) => {
      const q = req.query;
      return sendTableFile(reply, ctx.services.reportExport.file(actorOf(req), q.dataSet, q.period, q.area, q.format));
    },
  );
}
