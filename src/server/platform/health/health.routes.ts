/** GET /api/health (kept), /api/health/live and /api/health/ready: public, for load balancers. */
import type { FastifyInstance } from 'fastify';
import { healthAnswer, liveAnswer, readyAnswer } from '../../../domain/api/platform.js';
import type { AppContext } from '../context.js';
import { HealthService } from './health.service.js';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext, version: string): void {
  const health = new HealthService(ctx.store, ctx.engine, version);
  const tags = ['platform'];
  const config = { public: true };
  app.get('/api/health', { config, schema: { tags, response: { 200: healthAnswer } } }, async () => ({ ok: true as const, store: ctx.store.dialect, version }));
  app.get('/api/health/live', { config, schema: { tags, response: { 200: liveAnswer } } }, async () => health.live());
  app.get('/api/health/ready', { config, schema: { tags, response: { 200: readyAnswer, 503: readyAnswer } } }, async (_req, reply) => {
    const answer = await health.ready();
    return reply.status(answer.ready ? 200 : 503).send(answer);
  });
}
