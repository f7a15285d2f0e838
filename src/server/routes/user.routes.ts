import { z } from 'zod';
import { ROLES } from '../../domain/user.js';
import { actorOf, type App } from '../app.js';
import type { AppContext } from '../context.js';

export function registerUserRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.users;
  const tags = ['users'];
  app.get('/api/users', { schema: { tags } }, async (req) => ({ items: await s.list(actorOf(req)) }));
  app.post(
    '/api/users',
    {
      schema: {
        tags,
        body: z.object({
          username: z.string().min(1).max(40),
          password: z.string().min(1).max(200),
          role: z.enum(ROLES),
          scopeCode: z.string().min(1).max(40),
          displayName: z.string().max(100).optional(),
        }),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return { user: await s.create(actorOf(req), req.body) };
    },
  );
}
