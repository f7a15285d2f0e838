import { okAnswer } from '../../../domain/api/common.js';
import { loginBody, passwordChangeBody, sessionAnswer } from '../../../domain/api/identity.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/auth-hook.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  const cookieOpts = { path: '/', sameSite: 'strict' as const, secure: ctx.config.secureCookies };
  const tags = ['auth'];

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: ctx.config.security.loginRatePerMinute, timeWindow: 60_000 } },
      schema: { tags, body: loginBody, response: { 200: sessionAnswer } },
    },
    async (req, reply) => {
      const r = await ctx.services.auth.login(req.body.username, req.body.password, { ip: req.ip, gone: () => req.raw.socket?.destroyed === true });
      reply.setCookie(SESSION_COOKIE, r.token, { ...cookieOpts, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, r.csrfToken, { ...cookieOpts, httpOnly: false });
      return { user: r.user, csrfToken: r.csrfToken };
    },
  );

  app.post('/api/auth/logout', { config: { passwordChange: true }, schema: { tags, response: { 200: okAnswer } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await ctx.services.auth.logout(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { config: { passwordChange: true }, schema: { tags, response: { 200: sessionAnswer } } }, async (req) => ({
    user: req.auth!.user,
    csrfToken: req.auth!.csrfToken,
  }));

  app.post(
    '/api/auth/password',
    { config: { passwordChange: true }, schema: { tags, body: passwordChangeBody, response: { 200: okAnswer } } },
    async (req) => {
      await ctx.services.users.changeOwnPassword(actorOf(req), req.auth!.sessionId, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
