import { areaMap, mapParams } from '../../../domain/api/maps.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerMapRoutes(app: App, ctx: AppContext): void {
  app.get('/api/maps/:code', { schema: { tags: ['analytics'], params: mapParams, response: { 200: areaMap } } }, async (req, reply) => {
    const m = await ctx.services.maps.map(actorOf(req), req.params.code);
    // Boundaries do not change while the server runs: let the browser keep them for a day.
    reply.header('cache-control', 'private, max-age=86400');
    return m;
  });
}
