import { z } from 'zod';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import { favouriteSchema } from '../indicators/analytics.schemas.js';

const one = { response: { 200: z.object({ favourite: favouriteSchema }), 201: z.object({ favourite: favouriteSchema }) } };

const name = z.string().trim().min(1).max(60);
/** What the analysis view saved: any JSON object, at most 10 kB. */
const config = z.record(z.string(), z.unknown()).refine((c) => JSON.stringify(c).length <= 10_000, { message: 'config over 10 kB' });
const params = z.object({ id: z.coerce.number().int().positive() });

export function registerFavouriteRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.favourites;
  const tags = ['analytics'];
  app.get('/api/favourites', { schema: { tags, response: { 200: z.object({ items: z.array(favouriteSchema) }) } } }, async (req) => ({ items: await s.list(actorOf(req)) }));
  app.post('/api/favourites', { schema: { tags, body: z.object({ name, config, pinned: z.boolean().optional() }), ...one } }, async (req, reply) => {
    reply.code(201);
    return { favourite: await s.create(actorOf(req), req.body) };
  });
  app.patch('/api/favourites/:id', { schema: { tags, params, body: z.object({ name: name.optional(), pinned: z.boolean().optional() }), ...one } }, async (req) => ({
    favourite: await s.update(actorOf(req), req.params.id, req.body),
  }));
  app.delete('/api/favourites/:id', { schema: { tags, params } }, async (req) => {
    await s.remove(actorOf(req), req.params.id);
    return { ok: true };
  });
}
