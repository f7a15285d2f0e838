import { z } from 'zod';
import { actorOf, type App } from '../http/request.js';
import type { AppContext } from '../context.js';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: z.object({
          entity: z.string().max(20).optional(),
          actor: z.string().max(40).optional(),
          key: z.string().max(80).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const r = await ctx.services.audit.list(actorOf(req), { entity: q.entity, actor: q.actor, entityKey: q.key }, q.page, q.pageSize);
      return { ...r, page: q.page, pageSize: q.pageSize };
    },
  );
}
