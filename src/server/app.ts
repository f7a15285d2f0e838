/** The HTTP app: Fastify with Zod schemas, session auth, CSRF, one error handler, the web app. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.js';
import type { AppContext } from './context.js';
import { registerAnalyticsRoutes } from './routes/analytics.routes.js';
import { registerApprovalRoutes } from './routes/approval.routes.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerCompletenessRoutes } from './routes/completeness.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerDivisionRoutes } from './routes/division.routes.js';
import { registerFacilityRoutes } from './routes/facility.routes.js';
import { registerFavouriteRoutes } from './routes/favourite.routes.js';
import { registerImportRoutes } from './routes/import.routes.js';
import { registerMapRoutes } from './routes/map.routes.js';
import { registerReportRoutes } from './routes/report.routes.js';
import { registerUserRoutes } from './routes/user.routes.js';
import type { Authenticated } from './services/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: Authenticated;
  }
}

export const SESSION_COOKIE = 'gtcm_sid';
export const CSRF_COOKIE = 'gtcm_csrf';
export const VERSION = '0.1.0';

/** Paths reachable without a session. */
const PUBLIC = new Set(['/api/auth/login', '/api/health', '/api/openapi.json']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The caller of an authenticated route (set by the auth hook). */
export function actorOf(req: FastifyRequest) {
  if (!req.auth) throw new AppError('E2001');
  return req.auth.actor;
}

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => Math.random().toString(36).slice(2, 10),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: '基层中医药服务能力监测评价平台 API (Grassroots TCM Monitor)', version: VERSION } },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC.has(path)) return;
    req.auth = await ctx.services.auth.authenticate(req.cookies[SESSION_COOKIE]);
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.auth.csrfToken) throw new AppError('E2005');
  });

  // One JSON log line per request, with its id, user, status and duration.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: req.auth?.user.username },
      'request',
    );
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send({ error: err.toJSON() });
    const e = err as { validation?: { instancePath?: string; params?: { issue?: { path?: unknown[] } }; message?: string }[]; statusCode?: number; message: string };
    if (e.validation) {
      const v = e.validation[0];
      const field = v?.params?.issue?.path?.join('.') || v?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || undefined;
      const appErr = new AppError('E1000', { field }, { zh: v?.message ?? '', en: v?.message ?? '' });
      return reply.status(400).send({ error: appErr.toJSON() });
    }
    if (e.statusCode && e.statusCode < 500) {
      const appErr = new AppError('E1000', {}, { zh: e.message, en: e.message });
      return reply.status(e.statusCode).send({ error: appErr.toJSON() });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: new AppError('E9000').toJSON() });
  });

  app.get('/api/health', async () => ({ ok: true, store: ctx.store.dialect, version: VERSION }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/metadata', async () => ({ programs: ctx.metadata.programs }));

  registerAuthRoutes(app, ctx);
  registerDivisionRoutes(app, ctx);
  registerFacilityRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerApprovalRoutes(app, ctx);
  registerCompletenessRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerMapRoutes(app, ctx);
  registerFavouriteRoutes(app, ctx);

  const web = ctx.config.webDir;
  if (existsSync(join(web, 'index.html'))) {
    await app.register(fastifyStatic, { root: web });
    app.setNotFoundHandler((req, reply) => {
      // API paths and missing files (anything with an extension) are 404; every other path is the app.
      const path = req.url.split('?')[0];
      if (path.startsWith('/api/') || req.method !== 'GET' || /\.[a-z0-9]+$/i.test(path))
        return reply.status(404).send({ error: { code: 'E1000', message: '接口或文件不存在', messageEn: 'No such endpoint or file' } });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
