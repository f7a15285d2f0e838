/**
 * The JSON body parser: refuses bodies nested deeper than the limit before parsing them (a body
 * of 100,000 brackets would overflow the parser's stack), and drops `__proto__` keys.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../domain/errors.js';

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings ignored). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function registerJsonParser(app: FastifyInstance, opts: { bodyLimit: number; maxDepth: number }): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: opts.bodyLimit }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    if (jsonDepth(text) > opts.maxDepth) return done(new AppError('E1006', { limit: opts.maxDepth }), undefined);
    try {
      done(null, JSON.parse(text, (k, v) => (k === '__proto__' ? undefined : v)));
    } catch {
      done(new AppError('E1006'), undefined);
    }
  });
}
