import { okAnswer } from '../../../domain/api/common.js';
import { favouriteAnswer, favouriteChangesBody, favouriteListAnswer, favouriteParams as params, newFavouriteBody } from '../../../domain/api/favourites.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerFavouriteRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.favourites;
  const tags = ['analytics'];
  app.get('/api/favourites', { schema: { tags, response: { 200: favouriteListAnswer } } }, async (req) => ({ items: await s.list(actorOf(req)) }));
  app.post('/api/favourites', { schema: { tags, body: newFavouriteBody, response: { 201: favouriteAnswer } } }, async (req, reply) => {
    reply.code(201);
    return { favourite: await s.create(actorOf(req), req.body) };
  });
  app.patch('/api/favourites/:id', { schema: { tags, params, body: favouriteChangesBody, response: { 200: favouriteAnswer } } }, async (req) => ({
    favourite: await s.update(actorOf(req), req.params.id, req.body),
  }));
  app.delete('/api/favourites/:id', { schema: { tags, params, response: { 200: okAnswer } } }, async (req) => {
    await s.remove(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
