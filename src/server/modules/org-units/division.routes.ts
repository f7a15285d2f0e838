import { z } from 'zod';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import type { DivisionLevel } from '../../../domain/org-unit.js';

const code = z.object({ code: z.string().min(1).max(20) });

export function registerDivisionRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.divisions;
  const tags = ['divisions'];
  app.get('/api/divisions/root', { schema: { tags } }, async (req) => s.root(actorOf(req)));
  app.get(
    '/api/divisions/search',
    {
      schema: {
        tags,
        querystring: z.object({
          q: z.string().min(1).max(50),
          limit: z.coerce.number().int().min(1).max(50).default(20),
          level: z.coerce.number().int().min(1).max(5).optional(),
        }),
      },
    },
    async (req) => ({ items: await s.search(actorOf(req), req.query.q, req.query.limit, req.query.level as DivisionLevel | undefined) }),
  );
  app.get('/api/divisions/:code', { schema: { tags, params: code } }, async (req) => s.get(actorOf(req), req.params.code));
  app.get('/api/divisions/:code/children', { schema: { tags, params: code } }, async (req) => ({ items: await s.children(actorOf(req), req.params.code) }));
  app.get('/api/divisions/:code/facility-counts', { schema: { tags, params: code } }, async (req) => s.facilityCounts(actorOf(req), req.params.code));
}
