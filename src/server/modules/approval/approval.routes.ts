import {
  approvalListAnswer,
  approvalListQuery,
  approveAllBody,
  approveBody,
  approvedAnswer,
  returnBody,
  returnedAnswer,
} from '../../../domain/api/approval.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerApprovalRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.approvals;
  const tags = ['approval'];
  app.get('/api/approvals', { schema: { tags, querystring: approvalListQuery, response: { 200: approvalListAnswer } } }, async (req) => {
    const q = req.query;
    return { ...(await s.list(actorOf(req), { ...q, waiting: q.waiting === 'true' }, q.page, q.pageSize)), page: q.page, pageSize: q.pageSize };
  });
  app.post('/api/approvals/approve', { schema: { tags, body: approveBody, response: { 200: approvedAnswer } } }, async (req) => ({
    approved: await s.approve(actorOf(req), req.body.dataSet, req.body.period, req.body.facilityCodes),
  }));
  app.post('/api/approvals/approve-all', { schema: { tags, body: approveAllBody, response: { 200: approvedAnswer } } }, async (req) => ({
    approved: await s.approveAll(actorOf(req), req.body.dataSet, req.body.period, req.body.area),
  }));
  app.post('/api/approvals/return', { schema: { tags, body: returnBody, response: { 200: returnedAnswer } } }, async (req) => ({
    returned: await s.return(actorOf(req), req.body.dataSet, req.body.period, req.body.facilityCodes, req.body.reason),
  }));
}
