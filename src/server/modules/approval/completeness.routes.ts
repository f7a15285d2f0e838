import { completenessAnswer, completenessQuery, missingAnswer, missingQuery } from '../../../domain/api/approval.js';
import { reportingPeriodsAnswer, reportingPeriodsQuery } from '../../../domain/api/data-entry.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerCompletenessRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.completeness;
  const tags = ['completeness'];
  app.get('/api/completeness', { schema: { tags, querystring: completenessQuery, response: { 200: completenessAnswer } } }, async (req) =>
    s.summary(actorOf(req), req.query.dataSet, req.query.period, req.query.area),
  );
  app.get('/api/completeness/missing', { schema: { tags, querystring: missingQuery, response: { 200: missingAnswer } } }, async (req) => {
    const q = req.query;
    return { ...(await s.missing(actorOf(req), q.dataSet, q.period, q.area, q.page, q.pageSize)), page: q.page, pageSize: q.pageSize };
  });
  app.get('/api/periods', { schema: { tags: ['reports'], querystring: reportingPeriodsQuery, response: { 200: reportingPeriodsAnswer } } }, async (req) =>
    ctx.services.periods.list(actorOf(req), req.query.dataSet),
  );
}
