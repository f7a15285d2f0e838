import { z } from 'zod';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

const key = { dataSet: z.string().min(1).max(40).default('GTCM_ANNUAL'), period: z.string().min(1).max(10) };
const codes = z.array(z.string().min(1).max(40)).min(1).max(5000);

export function registerApprovalRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.approvals;
  const tags = ['approval'];
  app.get(
    '/api/approvals',
    {
      schema: {
        tags,
        querystring: z.object({
          ...key,
          area: z.string().max(20).optional(),
          status: z.enum(['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED']).optional(),
          waiting: z.enum(['true', 'false']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      return { ...(await s.list(actorOf(req), { ...q, waiting: q.waiting === 'true' }, q.page, q.pageSize)), page: q.page, pageSize: q.pageSize };
    },
  );
  app.post('/api/approvals/approve', { schema: { tags, body: z.object({ ...key, facilityCodes: codes }) } }, async (req) => ({
    approved: await s.approve(actorOf(req), req.body.dataSet, req.body.period, req.body.facilityCodes),
  }));
  app.post('/api/approvals/approve-all', { schema: { tags, body: z.object({ ...key, area: z.string().max(20).optional() }) } }, async (req) => ({
    approved: await s.approveAll(actorOf(req), req.body.dataSet, req.body.period, req.body.area),
  }));
  app.post('/api/approvals/return', { schema: { tags, body: z.object({ ...key, facilityCodes: codes, reason: z.string().max(500) }) } }, async (req) => ({
    returned: await s.return(actorOf(req), req.body.dataSet, req.body.period, req.body.facilityCodes, req.body.reason),
  }));
}
