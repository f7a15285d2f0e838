import { z } from 'zod';
import { FACILITY_TYPES, OWNERSHIPS } from '../../../domain/facility.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

const params = z.object({ code: z.string().min(1).max(40) });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const attributes = z.record(z.string(), z.unknown());

export function registerFacilityRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.facilities;
  const tags = ['facilities'];
  app.get(
    '/api/facilities',
    {
      schema: {
        tags,
        querystring: z.object({
          area: z.string().max(20).optional(),
          type: z.enum(FACILITY_TYPES).optional(),
          q: z.string().max(50).optional(),
          status: z.enum(['open', 'closed', 'all']).default('all'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => {
      const q = req.query;
      const r = await s.list(actorOf(req), { area: q.area, type: q.type, text: q.q, status: q.status }, q.page, q.pageSize);
      return { ...r, page: q.page, pageSize: q.pageSize };
    },
  );
  app.get('/api/facilities/:code', { schema: { tags, params } }, async (req) => s.get(actorOf(req), req.params.code));
  app.post(
    '/api/facilities',
    {
      schema: {
        tags,
        body: z.object({
          code: z.string().min(1).max(40),
          name: z.string().trim().min(1).max(100),
          type: z.enum(FACILITY_TYPES),
          divisionCode: z.string().min(1).max(20),
          ownership: z.enum(OWNERSHIPS),
          opened: date,
          attributes: attributes.optional(),
        }),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return { facility: await s.create(actorOf(req), req.body) };
    },
  );
  app.patch(
    '/api/facilities/:code',
    {
      schema: {
        tags,
        params,
        body: z.object({
          name: z.string().trim().min(1).max(100).optional(),
          ownership: z.enum(OWNERSHIPS).optional(),
          divisionCode: z.string().min(1).max(20).optional(),
          opened: date.optional(),
          attributes: attributes.optional(),
        }),
      },
    },
    async (req) => ({ facility: await s.update(actorOf(req), req.params.code, req.body) }),
  );
  app.post(
    '/api/facilities/:code/close',
    { schema: { tags, params, body: z.object({ closed: date }) } },
    async (req) => ({ facility: await s.close(actorOf(req), req.params.code, req.body.closed) }),
  );
}
