import { autoscoreAnswer, autoscoreQuery, standardAnswer, standardParams, standardsAnswer } from '../../../domain/api/evaluation.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerEvaluationRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const { standards, autoscore } = ctx.services;
  app.get('/api/evaluation/standards', { schema: { tags, response: { 200: standardsAnswer } } }, async () => ({
    items: standards.list().map((s) => ({ code: s.code, version: s.version, name: s.name, subject: s.subject.kind, passLine: s.passLine, scale: s.scale })),
  }));
  app.get('/api/evaluation/standards/:code', { schema: { tags, params: standardParams, response: { 200: standardAnswer } } }, async (req) => standards.get(req.params.code));
  app.get('/api/evaluation/autoscore', { schema: { tags, querystring: autoscoreQuery, response: { 200: autoscoreAnswer } } }, async (req) =>
    autoscore.autoscore(actorOf(req), req.query.standard, req.query.period, req.query.area),
  );
}
