import { z } from 'zod';
import { actorOf, type App } from '../app.js';
import type { AppContext } from '../context.js';

const params = z.object({ dataSet: z.string().min(1).max(40), period: z.string().min(1).max(10), facilityCode: z.string().min(1).max(40) });
const path = '/api/reports/:dataSet/:period/:facilityCode';

export function registerReportRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.reports;
  const tags = ['reports'];
  app.get(path, { schema: { tags, params } }, async (req) => {
    const p = req.params;
    return s.get(actorOf(req), p.dataSet, p.period, p.facilityCode);
  });
  app.put(path, { schema: { tags, params, body: z.object({ values: z.record(z.string(), z.unknown()) }) } }, async (req) => {
    const p = req.params;
    return { report: await s.save(actorOf(req), p.dataSet, p.period, p.facilityCode, req.body.values) };
  });
  app.delete(path, { schema: { tags, params } }, async (req) => {
    const p = req.params;
    await s.delete(actorOf(req), p.dataSet, p.period, p.facilityCode);
    return { ok: true };
  });
}
