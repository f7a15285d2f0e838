import type { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { actorOf, type App } from '../app.js';
import type { AppContext } from '../context.js';
import { formatOf, XLSX_MIME } from '../import/table-reader.js';

/** Uploads up to 1 GB stream straight into the importer. */
const UPLOAD_LIMIT = 1024 ** 3;

export function registerImportRoutes(app: App, ctx: AppContext): void {
  const tags = ['import'];
  // The file is the raw body: hand the stream to the importer instead of buffering it.
  for (const type of ['text/csv', 'text/plain', XLSX_MIME, 'application/octet-stream'])
    app.addContentTypeParser(type, { bodyLimit: UPLOAD_LIMIT }, (_req, payload, done) => done(null, payload));

  app.post(
    '/api/imports',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        querystring: z.object({
          mode: z.enum(['strict', 'partial']).default('strict'),
          dryRun: z.enum(['true', 'false']).default('false'),
          dataSet: z.string().max(40).default('GTCM_ANNUAL'),
          filename: z.string().max(200).optional(),
        }),
      },
    },
    async (req) => {
      const format = formatOf(req.headers['content-type'] ?? '') ?? formatOf(req.query.filename ?? '');
      if (!format) throw new AppError('E4013', { field: 'content-type', value: req.headers['content-type'] });
      return ctx.services.imports.importTable(actorOf(req), req.body as Readable, {
        format,
        mode: req.query.mode,
        dryRun: req.query.dryRun === 'true',
        dataSet: req.query.dataSet,
      });
    },
  );

  app.get(
    '/api/imports/template',
    { schema: { tags, querystring: z.object({ dataSet: z.string().max(40).default('GTCM_ANNUAL'), period: z.string().min(4).max(10), area: z.string().max(20).optional() }) } },
    async (req, reply) => {
      const q = req.query;
      const buf = await ctx.services.imports.template(actorOf(req), q.dataSet, q.period, q.area);
      const name = encodeURIComponent(`年报导入模板-${q.period}${q.area ? `-${q.area}` : ''}.xlsx`);
      reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      return reply.send(buf);
    },
  );
}
