/**
 * The analytics endpoints. Every one bounds its work before computing (request-bounds.ts: lists
 * de-duplicated and checked, the answer's size against config.limits.analyticsCells); a busy
 * engine answers 503 E6007 with Retry-After.
 */
import type { FastifyReply } from 'fastify';
import {
  facilityValuesAnswer,
  facilityValuesParams,
  engineStatusAnswer,
  gapAreasAnswer,
  gapAreasQuery,
  gapsAnswer,
  gapsExportAnswer,
  gapsExportQuery,
  gapsQuery,
  indicatorListAnswer,
  periodsAnswer,
  trendAnswer,
  trendQuery,
  valuesAnswer,
  valuesExportAnswer,
  valuesExportQuery,
  valuesQuery,
} from '../../../domain/api/indicators.js';
import { AppError } from '../../../domain/errors.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import { sendTableFile, TABLE_FILE_TYPES } from '../../platform/files/table-file.js';
import type { AnalyticsBounds } from './analytics.service.js';

/** What an export answers: an XLSX file (the default) or CSV. */

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



export function registerAnalyticsRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.analytics;
  const tags = ['analytics'];
  const bounds = (): AnalyticsBounds => ({ cells: ctx.config.limits.analyticsCells, now: ctx.clock.now() });
  app.get('/api/indicators', { schema: { tags, response: { 200: indicatorListAnswer } } }, async () => ({ items: s.listIndicators() }));
  app.get('/api/analytics', { schema: { tags, querystring: valuesQuery, response: { 200: valuesAnswer } } }, async (req, reply) =>
    orBusy(reply, async () => ({ rows: await s.values(actorOf(req), req.query, bounds()) })),
  );
  app.get(
    '/api/analytics/export',
    { schema: { tags, querystring: valuesExportQuery, produces: TABLE_FILE_TYPES, response: { 200: valuesExportAnswer } } },
    async (req, reply) => {
      const { format: f, ...q } = req.query;
      return sendTableFile(reply, await orBusy(reply, () => ctx.services.indicatorExport.values(actorOf(req), q, f, bounds())));
    },
  );
  app.get(
    '/api/analytics/gaps/export',
    { schema: { tags, querystring: gapsExportQuery, produces: TABLE_FILE_TYPES, response: { 200: gapsExportAnswer } } },
    async (req, reply) => {
      const q = req.query;
      return sendTableFile(reply, await orBusy(reply, () => ctx.services.indicatorExport.gaps(actorOf(req), q.indicator, q.period, q.area, q.format, ctx.clock.now())));
    },
  );
  app.get('/api/analytics/periods', { schema: { tags, response: { 200: periodsAnswer } } }, async (req, reply) =>
    orBusy(reply, async () => ({ periods: await s.periods(actorOf(req)) })),
  );
  app.get('/api/analytics/trend', { schema: { tags, querystring: trendQuery, response: { 200: trendAnswer } } }, async (req, reply) =>
    orBusy(reply, async () => ({ series: await s.trend(actorOf(req), req.query, bounds()) })),
  );
  app.get('/api/analytics/gaps', { schema: { tags, querystring: gapsQuery, response: { 200: gapsAnswer } } }, async (req, reply) => {
    const q = req.query;
    return orBusy(reply, async () => ({
      ...(await s.gaps(actorOf(req), q.indicator, q.period, q.area, q.page, q.pageSize, q.statuses, ctx.clock.now())),
      page: q.page,
      pageSize: q.pageSize,
    }));
  });
  // Answers at once, even while the tables build: it is what the waiting pages ask.
  app.get('/api/analytics/status', { schema: { tags, response: { 200: engineStatusAnswer } } }, async () => ctx.services.engine.status());
  app.get('/api/analytics/gaps/areas', { schema: { tags, querystring: gapAreasQuery, response: { 200: gapAreasAnswer } } }, async (req, reply) => {
    const q = req.query;
    return orBusy(reply, () => s.gapAreas(actorOf(req), q.indicator, q.period, q.area, q.level, bounds()));
  });
  app.get('/api/analytics/facility/:code', { schema: { tags, params: facilityValuesParams, response: { 200: facilityValuesAnswer } } }, async (req, reply) =>
    orBusy(reply, async () => ({ items: await s.facilityValues(actorOf(req), req.params.code) })),
  );
}
