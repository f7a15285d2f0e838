import { qualityAnswer, qualityExportAnswer, qualityExportQuery, qualityQuery } from '../../../domain/api/approval.js';
import { sendTableFile, TABLE_FILE_TYPES } from '../../platform/files/table-file.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerQualityRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.quality;
  const tags = ['quality'];
  app.get('/api/quality', { schema: { tags, querystring: qualityQuery, response: { 200: qualityAnswer } } }, async (req) => {
    const q = req.query;
    return s.review(actorOf(req), q.dataSet, q.period, q.area, { type: q.type, kind: q.kind });
  });
  app.get(
    '/api/quality/export',
    { schema: { tags, querystring: qualityExportQuery, produces: TABLE_FILE_TYPES, response: { 200: qualityExportAnswer } } },
    async (req, reply) => {
      const q = req.query;
      return sendTableFile(reply, await s.file(actorOf(req), q.dataSet, q.period, q.area, { type: q.type, kind: q.kind }, q.format));
    },
  );
}
