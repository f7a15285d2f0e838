import { auditAnswer, auditQuery } from '../../../domain/api/platform.js';
import { actorOf, type App } from '../http/request.js';
import type { AppContext } from '../context.js';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditAnswer } } }, async (req) => {
    const q = req.query;
    const r = await ctx.services.audit.list(actorOf(req), { entity: q.entity, actor: q.actor, entityKey: q.key }, q.page, q.pageSize);
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}
