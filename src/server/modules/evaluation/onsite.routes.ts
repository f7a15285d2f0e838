import { checkBody, checklistAnswer, cycleParams, drawBody, idParams, sampleAnswer } from '../../../domain/api/evaluation.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerOnsiteRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const o = ctx.services.onsite;
  app.get('/api/evaluation/cycles/:code/onsite-sample', { schema: { tags, params: cycleParams, response: { 200: sampleAnswer } } }, async (req) => ({ items: await o.sample(actorOf(req), req.params.code) }));
  app.post('/api/evaluation/cycles/:code/onsite-sample', { schema: { tags, params: cycleParams, body: drawBody, response: { 200: sampleAnswer } } }, async (req) => ({
    items: await o.draw(actorOf(req), req.params.code, req.body),
  }));
  app.get('/api/evaluation/applications/:id/onsite', { schema: { tags, params: idParams, response: { 200: checklistAnswer } } }, async (req) => o.checklist(actorOf(req), req.params.id));
  app.put('/api/evaluation/applications/:id/onsite', { schema: { tags, params: idParams, body: checkBody, response: { 200: checklistAnswer } } }, async (req) => o.check(actorOf(req), req.params.id, req.body.checks));
}
