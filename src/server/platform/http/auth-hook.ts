/**
 * The authentication and CSRF gate, decided on the routed path (the route Fastify chose, after
 * decoding — `/%61pi/...` is `/api/...`), deny by default: every route needs a session unless it
 * declares `config: { public: true }`. A session whose password was reset reaches only the routes
 * that declare `config: { passwordChange: true }` until the password is changed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors.js';
import type { AuthService } from '../../modules/identity/auth.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
    /** Reachable by a session that must change its password first. */
    passwordChange?: boolean;
  }
}

export const SESSION_COOKIE = 'gtcm_sid';
export const CSRF_COOKIE = 'gtcm_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const route = req.routeOptions;
    // No route: the not-found handler answers (404, or the web app's index page) and reads no data.
    if (!route.url) return;
    if (route.config?.public) return;
    req.auth = await auth.authenticate(req.cookies[SESSION_COOKIE]);
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.auth.csrfToken) throw new AppError('E2005');
    if (req.auth.user.mustChangePassword && !route.config?.passwordChange) throw new AppError('E2009');
  });
}
