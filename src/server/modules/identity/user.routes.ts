import {
  newUserBody,
  resetPasswordBody,
  USER_ACTIONS,
  userAnswer,
  userChangesBody,
  userListAnswer, userListQuery,
  userParams as params,
  type UserAction,
} from '../../../domain/api/identity.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import type { LifecycleAction } from './user.service.js';

const ACTIONS: Record<UserAction, LifecycleAction> = { disable: 'disable', enable: 'enable', unlock: 'unlock', 'end-sessions': 'end_sessions' };

export function registerUserRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.users;
  const tags = ['users'];
  const one = { 200: userAnswer };
  app.get('/api/users', { schema: { tags, querystring: userListQuery, response: { 200: userListAnswer } } }, async (req) => {
    const { page, pageSize } = req.query;
    return { ...(await s.page(actorOf(req), page, pageSize)), page, pageSize };
  });
  app.post('/api/users', { schema: { tags, body: newUserBody, response: { 201: userAnswer } } }, async (req, reply) => {
    reply.status(201);
    return { user: await s.create(actorOf(req), req.body) };
  });
  app.get('/api/users/:username', { schema: { tags, params, response: one } }, async (req) => ({ user: await s.get(actorOf(req), req.params.username) }));
  app.patch('/api/users/:username', { schema: { tags, params, body: userChangesBody, response: one } }, async (req) => ({
    user: await s.update(actorOf(req), req.params.username, req.body),
  }));
  for (const path of USER_ACTIONS)
    app.post(`/api/users/:username/${path}`, { schema: { tags, params, response: one } }, async (req) => ({ user: await s.act(actorOf(req), req.params.username, ACTIONS[path]) }));
  app.post('/api/users/:username/reset-password', { schema: { tags, params, body: resetPasswordBody, response: one } }, async (req) => ({
    user: await s.resetPassword(actorOf(req), req.params.username, req.body.password),
  }));
}
