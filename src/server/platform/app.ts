/** The HTTP app: Fastify with Zod schemas, session auth, CSRF, one error handler, the web app. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { openApiAnswer } from '../../domain/api/platform.js';
import { registerHealthRoutes } from './health/health.routes.js';
import { AppError } from '../../domain/errors.js';
import { CSRF_COOKIE, registerAuthHook, SESSION_COOKIE } from './http/auth-hook.js';
import { handleError } from './http/error-handler.js';
import { registerJsonParser } from './http/json-body.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import type { AppContext } from './context.js';
import { MODULES } from '../modules/index.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerProgramRoutes } from './program/program.routes.js';
import type { App } from './http/request.js';

export { CSRF_COOKIE, SESSION_COOKIE };
export { actorOf, type App } from './http/request.js';
export const VERSION = '0.1.0';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const { limits, security } = ctx.config;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => Math.random().toString(36).slice(2, 10),
    bodyLimit: limits.bodyBytes,
    // A client must send its whole request within this time, and may not hold an idle connection.
    requestTimeout: security.requestTimeoutMs,
    connectionTimeout: security.requestTimeoutMs,
    keepAliveTimeout: Math.min(5_000, security.idleTimeoutMs),
    // (A hop count is a number at run time; Fastify's types list only the other forms.)
    trustProxy: security.trustProxy as boolean | string,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.server.headersTimeout = Math.min(60_000, security.requestTimeoutMs);
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, { https: ctx.config.secureCookies });
  registerJsonParser(app, { bodyLimit: limits.bodyBytes, maxDepth: limits.jsonDepth });
  await app.register(fastifySwagger, {
    openapi: { info: { title: '基层中医药服务能力监测评价平台 API (Grassroots TCM Monitor)', version: VERSION } },
    transform: jsonSchemaTransform,
  });
  // Per-address limits for the routes that ask for one (login): refused before any work is done.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, r) => new AppError('E2012', { retryAfter: Math.max(1, Math.ceil(r.ttl / 1000)) }),
  });
  registerAuthHook(app, ctx.services.auth);

  // One JSON log line per request, with its id, user, status and duration.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: req.auth?.user.username },
      'request',
    );
  });

  app.setErrorHandler(handleError(limits.bodyBytes));

  const tags = ['platform'];
  registerHealthRoutes(app, ctx, VERSION);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true, response: { 200: openApiAnswer } } }, async () => app.swagger() as unknown as Record<string, unknown>);
  registerProgramRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  for (const m of MODULES) m.routes(app, ctx);

  // API paths and missing files (anything with an extension) are 404; every other GET is the app.
  // (A GET reaches it from the web app's wildcard route, whose reply can send files.)
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0];
    if (typeof reply.sendFile !== 'function' || path.startsWith('/api/') || req.method !== 'GET' || /\.[a-z0-9]+$/i.test(path)) {
      const e = new AppError('E1012');
      return reply.status(e.status).send({ error: e.toJSON() });
    }
    return reply.sendFile('index.html');
  });
  const web = ctx.config.webDir;
  if (existsSync(join(web, 'index.html')))
    await app.register(async (files) => {
      // The web app's files are public: the only routes that say so beside login and health.
      files.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
      });
      await files.register(fastifyStatic, { root: web });
    });
  return app;
}
