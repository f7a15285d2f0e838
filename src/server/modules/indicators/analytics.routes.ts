/**
 * The analytics endpoints. Every one bounds its work before computing (request-bounds.ts: lists
 * de-duplicated and checked, the answer's size against config.limits.analyticsCells); a busy
 * engine answers 503 E6007 with Retry-After.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../domain/errors.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import type { TableFile } from '../../platform/files/table-file.js';
import { gapsSchema, indicatorRowSchema, indicatorSchema, trendSchema } from './analytics.schemas.js';
import { LEVELS, type AnalyticsBounds, type LevelName } from './analytics.service.js';

const csv = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const level = z.enum(Object.keys(LEVELS) as [LevelName, ...LevelName[]]);
const statuses = csv.optional();

const format = z.enum(['xlsx', 'csv']).default('xlsx');
const valuesQuery = z.object({ indicators: csv.optional(), periods: csv, area: z.string().max(20).optional(), level: level.optional(), statuses });

/** Seconds a client told "busy" (E6007) waits before it retries. */
const RETRY_AFTER_S = 2;

/** Runs a handler; an engine too busy to queue the request says when to retry. */
async function orBusy<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'E6007') reply.header('retry-after', String(RETRY_AFTER_S));
    throw e;
  }
}

function sendFile(reply: FastifyReply, f: TableFile) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.body);
}

export function registerAnalyticsRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.analytics;
  const tags = ['analytics'];
  const bounds = (): AnalyticsBounds => ({ cells: ctx.config.limits.analyticsCells, now: ctx.clock.now() });
  app.get('/api/indicators', { schema: { tags, response: { 200: z.object({ items: z.array(indicatorSchema) }) } } }, async () => ({ items: s.listIndicators() }));
  app.get(
    '/api/analytics',
    { schema: { tags, querystring: valuesQuery, response: { 200: z.object({ rows: z.array(indicatorRowSchema) }) } } },
    async (req, reply) => orBusy(reply, async () => ({ rows: await s.values(actorOf(req), req.query, bounds()) })),
  );
  app.get('/api/analytics/export', { schema: { tags, querystring: valuesQuery.extend({ format }) } }, async (req, reply) => {
    const { format: f, ...q } = req.query;
    return sendFile(reply, await orBusy(reply, () => ctx.services.indicatorExport.values(actorOf(req), q, f, bounds())));
  });
  app.get(
    '/api/analytics/gaps/export',
    { schema: { tags, querystring: z.object({ indicator: z.string().max(60), period: z.string().max(10), area: z.string().max(20).optional(), format }) } },
    async (req, reply) => {
      const q = req.query;
      return sendFile(reply, await orBusy(reply, () => ctx.services.indicatorExport.gaps(actorOf(req), q.indicator, q.period, q.area, q.format, ctx.clock.now())));
    },
  );
  app.get('/api/analytics/periods', { schema: { tags, response: { 200: z.object({ periods: z.array(z.string()) }) } } }, async (req, reply) =>
    orBusy(reply, async () => ({ periods: await s.periods(actorOf(req)) })),
  );
  app.get(
    '/api/analytics/trend',
    {
      schema: {
        tags,
        querystring: z.object({ indicators: csv.optional(), years: csv.default(['2021', '2022', '2023', '2024']), area: z.string().max(20).optional(), level: level.optional(), statuses }),
        response: { 200: z.object({ series: z.array(trendSchema) }) },
      },
    },
    async (req, reply) => orBusy(reply, async () => ({ series: await s.trend(actorOf(req), req.query, bounds()) })),
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
    async (req, reply) => {
      const q = req.query;
      return orBusy(reply, async () => ({ ...(await s.gaps(actorOf(req), q.indicator, q.period, q.area, q.page, q.pageSize, q.statuses, ctx.clock.now())), page: q.page, pageSize: q.pageSize }));
    },
  );
  app.get('/api/analytics/facility/:code', { schema: { tags, params: z.object({ code: z.string().max(40) }), response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }, async (req, reply) =>
    orBusy(reply, async () => ({ items: await s.facilityValues(actorOf(req), req.params.code) })),
  );
}
