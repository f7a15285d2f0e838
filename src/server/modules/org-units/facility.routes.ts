import {
  facilityAnswer,
  facilityChangesBody,
  facilityCloseBody,
  facilityDetailAnswer,
  facilityListAnswer,
  facilityListQuery,
  facilityParams as params,
  newFacilityBody,
} from '../../../domain/api/org-units.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerFacilityRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.facilities;
  const tags = ['facilities'];
  app.get('/api/facilities', { schema: { tags, querystring: facilityListQuery, response: { 200: facilityListAnswer } } }, async (req) => {
    const q = req.query;
    const r = await s.list(actorOf(req), { area: q.area, type: q.type, text: q.q, status: q.status }, q.page, q.pageSize);
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
  app.get('/api/facilities/:code', { schema: { tags, params, response: { 200: facilityDetailAnswer } } }, async (req) => s.get(actorOf(req), req.params.code));
  app.post('/api/facilities', { schema: { tags, body: newFacilityBody, response: { 201: facilityAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { facility: await s.create(actorOf(req), req.body) };
  });
  app.patch('/api/facilities/:code', { schema: { tags, params, body: facilityChangesBody, response: { 200: facilityAnswer } } }, async (req) => ({
    facility: await s.update(actorOf(req), req.params.code, req.body),
  }));
  app.post('/api/facilities/:code/close', { schema: { tags, params, body: facilityCloseBody, response: { 200: facilityAnswer } } }, async (req) => ({
    facility: await s.close(actorOf(req), req.params.code, req.body.closed),
  }));
}
