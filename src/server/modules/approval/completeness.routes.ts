import { z } from 'zod';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

const base = { dataSet: z.string().min(1).max(40).default('GTCM_ANNUAL'), period: z.string().min(1).max(10), area: z.string().max(20).optional() };

export function registerCompletenessRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.completeness;
  const tags = ['completeness'];
  app.get('/api/completeness', { schema: { tags, querystring: z.object(base) } }, async (req) => s.summary(actorOf(req), req.query.dataSet, req.query.period, req.query.area));
  app.get(
    '/api/completeness/missing',
    { schema: { tags, querystring: z.object({ ...base, page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }) } },
    async (req) => {
      const q = req.query;
      return { ...(await s.missing(actorOf(req), q.dataSet, q.period, q.area, q.page, q.pageSize)), page: q.page, pageSize: q.pageSize };
    },
  );
}
