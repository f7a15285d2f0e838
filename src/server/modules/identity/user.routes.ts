import { z } from 'zod';
import { ROLES } from '../../../domain/user.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import type { LifecycleAction } from './user.service.js';

const userView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scopeCode: z.string(),
  scopeName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
const one = { 200: z.object({ user: userView }) };
const params = z.object({ username: z.string().min(1).max(40) });

const ACTIONS: Record<string, LifecycleAction> = { disable: 'disable', enable: 'enable', unlock: 'unlock', 'end-sessions': 'end_sessions' };

export function registerUserRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.users;
  const tags = ['users'];
  app.get('/api/users', { schema: { tags, response: { 200: z.object({ items: z.array(userView) }) } } }, async (req) => ({ items: await s.list(actorOf(req)) }));
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
        response: { 201: z.object({ user: userView }) },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return { user: await s.create(actorOf(req), req.body) };
    },
  );
  app.get('/api/users/:username', { schema: { tags, params, response: one } }, async (req) => ({ user: await s.get(actorOf(req), req.params.username) }));
  app.patch(
    '/api/users/:username',
    {
      schema: {
        tags,
        params,
        body: z.object({ displayName: z.string().max(100).optional(), role: z.enum(ROLES).optional(), scopeCode: z.string().min(1).max(40).optional() }),
        response: one,
      },
    },
    async (req) => ({ user: await s.update(actorOf(req), req.params.username, req.body) }),
  );
  for (const [path, action] of Object.entries(ACTIONS))
    app.post(`/api/users/:username/${path}`, { schema: { tags, params, response: one } }, async (req) => ({ user: await s.act(actorOf(req), req.params.username, action) }));
  app.post(
    '/api/users/:username/reset-password',
    { schema: { tags, params, body: z.object({ password: z.string().min(1).max(200) }), response: one } },
    async (req) => ({ user: await s.resetPassword(actorOf(req), req.params.username, req.body.password) }),
  );
}
