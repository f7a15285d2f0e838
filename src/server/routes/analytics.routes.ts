import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf, type App } from '../app.js';
import type { AppContext } from '../context.js';
import type { TableFile } from '../export/table-file.js';
import { gapsSchema, indicatorRowSchema, indicatorSchema, trendSchema } from './analytics.schemas.js';
import { LEVELS, type LevelName } from '../services/analytics.service.js';

const csv = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const level = z.enum(Object.keys(LEVELS) as [LevelName, ...LevelName[]]);
const statuses = csv.optional();

const format = z.enum(['xlsx', 'csv']).default('xlsx');
const valuesQuery = z.object({ indicators: csv.optional(), periods: csv, area: z.string().max(20).optional(), level: level.optional(), statuses });

function sendFile(reply: FastifyReply, f: TableFile) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.body);
}

export function registerAnalyticsRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.analytics;
  const tags = ['analytics'];
  app.get('/api/indicators', { schema: { tags, response: { 200: z.object({ items: z.array(indicatorSchema) }) } } }, async () => ({ items: s.listIndicators() }));
  app.get(
    '/api/analytics',
    { schema: { tags, querystring: valuesQuery, response: { 200: z.object({ rows: z.array(indicatorRowSchema) }) } } },
    async (req) => ({ rows: await s.values(actorOf(req), req.query) }),
  );
  app.get('/api/analytics/export', { schema: { tags, querystring: valuesQuery.extend({ format }) } }, async (req, reply) => {
    const { format: f, ...q } = req.query;
    return sendFile(reply, await ctx.services.indicatorExport.values(actorOf(req), q, f));
  });
  app.get(
    '/api/analytics/gaps/export',
    { schema: { tags, querystring: z.object({ indicator: z.string().max(60), period: z.string().max(10), area: z.string().max(20).optional(), format }) } },
    async (req, reply) => {
      const q = req.query;
      return sendFile(reply, await ctx.services.indicatorExport.gaps(actorOf(req), q.indicator, q.period, q.area, q.format));
    },
  );
  app.get('/api/analytics/periods', { schema: { tags, response: { 200: z.object({ periods: z.array(z.string()) }) } } }, async (req) => ({
    periods: await s.periods(actorOf(req)),
  }));
  app.get(
    '/api/analytics/trend',
    {
      schema: {
        tags,
        querystring: z.object({ indicators: csv.optional(), years: csv.default(['2021', '2022', '2023', '2024']), area: z.string().max(20).optional(), level: level.optional(), statuses }),
        response: { 200: z.object({ series: z.array(trendSchema) }) },
      },
    },
    async (req) => ({ series: await s.trend(actorOf(req), req.query) }),
  );
  app.get(
    '/api/analytics/gaps',
    {
      schema: {
        tags,
        querystring: z.object({
          indicator: z.string().max(60),
          period: z.string().max(10),
          area: z.string().max(20).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(1000).default(20),
          statuses,
        }),
        response: { 200: gapsSchema },
      },
    },
    async (req) => {
      const q = req.query;
      return { ...(await s.gaps(actorOf(req), q.indicator, q.period, q.area, q.page, q.pageSize, q.statuses)), page: q.page, pageSize: q.pageSize };
    },
  );
  app.get('/api/analytics/facility/:code', { schema: { tags, params: z.object({ code: z.string().max(40) }), response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }, async (req) => ({
    items: await s.facilityValues(actorOf(req), req.params.code),
  }));
}
