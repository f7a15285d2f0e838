import { okAnswer } from '../../../domain/api/common.js';
import {
  reportAnswer,
  reportHistoryAnswer,
  reportParams as params,
  reportWriteAnswer,
  saveReportBody,
  submitReportBody,
  validateReportAnswer,
  validateReportBody,
} from '../../../domain/api/data-entry.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

const path = '/api/reports/:dataSet/:period/:facilityCode';

export function registerReportRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.reports;
  const tags = ['reports'];
  app.get(path, { schema: { tags, params, response: { 200: reportAnswer } } }, async (req) => {
    const p = req.params;
    return s.get(actorOf(req), p.dataSet, p.period, p.facilityCode);
  });
  app.put(path, { schema: { tags, params, body: saveReportBody, response: { 200: reportWriteAnswer } } }, async (req) => {
    const p = req.params;
    return s.save(actorOf(req), p.dataSet, p.period, p.facilityCode, req.body.values, req.body.comment);
  });
  app.post(`${path}/submit`, { schema: { tags, params, body: submitReportBody, response: { 200: reportWriteAnswer } } }, async (req) => {
    const p = req.params;
    return s.submit(actorOf(req), p.dataSet, p.period, p.facilityCode, req.body.values, req.body.comment);
  });
  app.delete(path, { schema: { tags, params, response: { 200: okAnswer } } }, async (req) => {
    const p = req.params;
    await s.delete(actorOf(req), p.dataSet, p.period, p.facilityCode);
    return { ok: true as const };
  });
  app.get(`${path}/history`, { schema: { tags, params, response: { 200: reportHistoryAnswer } } }, async (req) => {
    const p = req.params;
    return { items: await s.history(actorOf(req), p.dataSet, p.period, p.facilityCode) };
  });
  app.post('/api/reports/validate', { schema: { tags, body: validateReportBody, response: { 200: validateReportAnswer } } }, async (req) => {
    const b = req.body;
    return { validation: await s.validate(actorOf(req), b.dataSet, b.period, b.facilityCode, b.values) };
  });
}
