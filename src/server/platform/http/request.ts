/** What a route sees of the app and its request: the typed Fastify instance and the caller. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../domain/errors.js';
import type { Authenticated } from '../../modules/identity/auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth?: Authenticated;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The caller of an authenticated route (set by the auth hook). */
export function actorOf(req: FastifyRequest) {
  if (!req.auth) throw new AppError('E2001');
  return req.auth.actor;
}
