import { z } from 'zod';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

const params = z.object({ dataSet: z.string().min(1).max(40), period: z.string().min(1).max(10), facilityCode: z.string().min(1).max(40) });
const values = z.record(z.string(), z.unknown());
const comment = z.string().max(1000).optional();
const path = '/api/reports/:dataSet/:period/:facilityCode';

export function registerReportRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.reports;
  const tags = ['reports'];
  app.get(path, { schema: { tags, params } }, async (req) => {
    const p = req.params;
    return s.get(actorOf(req), p.dataSet, p.period, p.facilityCode);
  });
  app.put(path, { schema: { tags, params, body: z.object({ values, comment }) } }, async (req) => {
    const p = req.params;
    return s.save(actorOf(req), p.dataSet, p.period, p.facilityCode, req.body.values, req.body.comment);
  });
  app.post(`${path}/submit`, { schema: { tags, params, body: z.object({ values: values.optional(), comment }) } }, async (req) => {
    const p = req.params;
    return s.submit(actorOf(req), p.dataSet, p.period, p.facilityCode, req.body.values, req.body.comment);
  });
  app.delete(path, { schema: { tags, params } }, async (req) => {
    const p = req.params;
    await s.delete(actorOf(req), p.dataSet, p.period, p.facilityCode);
    return { ok: true };
  });
  app.get(`${path}/history`, { schema: { tags, params } }, async (req) => {
    const p = req.params;
    return { items: await s.history(actorOf(req), p.dataSet, p.period, p.facilityCode) };
  });
  app.post(
    '/api/reports/validate',
    { schema: { tags, body: z.object({ dataSet: z.string().min(1).max(40), period: z.string().min(1).max(10), facilityCode: z.string().min(1).max(40), values }) } },
    async (req) => {
      const b = req.body;
      return { validation: await s.validate(actorOf(req), b.dataSet, b.period, b.facilityCode, b.values) };
    },
  );
}
