/**
 * One error handler: typed errors become their catalogue answer; validation errors name the
 * field; the framework's own errors (404, 405, 408, 413, 415, malformed JSON) get stable codes;
 * anything else is logged with its stack and answers E9000 without its text.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../../domain/errors.js';
import { storeFailure } from '../db/pg-pool.js';

interface ValidationIssue {
  instancePath?: string;
  params?: { issue?: { path?: unknown[]; code?: string } };
  message?: string;
}

/** Framework error codes (Fastify's `FST_ERR_*`) and statuses, to our catalogue. */
const FRAMEWORK: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'E1007',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'E1011',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'E1006',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'E1006',
  FST_ERR_CTP_INVALID_JSON_BODY: 'E1006',
  FST_ERR_CTP_EMPTY_TYPE: 'E1011',
  FST_ERR_CTP_INVALID_TYPE: 'E1011',
  FST_ERR_NOT_FOUND: 'E1012',
};
const BY_STATUS: Record<number, ErrorCode> = { 404: 'E1012', 405: 'E1013', 408: 'E1008', 413: 'E1007', 415: 'E1011', 429: 'E1009', 503: 'E1010' };

export function errorAnswer(err: unknown, bodyLimit: number): AppError | null {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: ValidationIssue[] };
  if (e.validation) {
    const v = e.validation[0];
    const field = v?.params?.issue?.path?.join('.') || v?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || undefined;
    return new AppError('E1000', { field }, { zh: v?.message ?? '', en: v?.message ?? '' });
  }
  const code = (e.code && FRAMEWORK[e.code]) || (e.statusCode && e.statusCode < 500 ? BY_STATUS[e.statusCode] : undefined);
  if (code === 'E1007') return new AppError(code, { limit: `${Math.round(bodyLimit / 1024)} KB` });
  if (code) return new AppError(code);
  if (e.statusCode && e.statusCode < 500) return new AppError('E1000');
  return null;
}

export function handleError(bodyLimit: number) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const answer = errorAnswer(err, bodyLimit);
    if (answer) return reply.status(answer.status).send({ error: answer.toJSON() });
    // The database unreachable or too slow: 503 with a stable code, and the node stays up.
    const failure = storeFailure(err);
    if (failure) {
      req.log.warn({ err: String((err as Error).message) }, failure === 'down' ? '数据库无法连接 database unreachable' : '数据库超时 database timeout');
      return reply.status(503).header('retry-after', '5').send({ error: new AppError(failure === 'down' ? 'E9001' : 'E9002').toJSON() });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: new AppError('E9000').toJSON() });
  };
}
