/**
 * The OpenAPI document (GET /api/openapi.json, public) describes every route the app registers:
 * each declares the schema of its success answer (JSON, or the media types of a file download),
 * and each route that takes input declares it — its path parameters, its query, its body. The
 * schemas live in src/domain/api/<module>.ts; the serializer checks every answer against them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../src/server/platform/app.js';
import { testApp } from '../../support/builders/index.js';
import { createTestContext, type TestContext } from '../../support/test-context.js';

interface Schema {
  type?: string;
  anyOf?: unknown[];
  [k: string]: unknown;
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Routes outside the document: the document itself (hidden) and the web app's files. */
const UNDOCUMENTED = new Set(['GET /api/openapi.json', 'GET *']);

/** State-changing routes that take no body: the command is the path. */
const NO_BODY = new Set([
  'POST /api/auth/logout',
  'POST /api/users/{username}/disable',
  'POST /api/users/{username}/enable',
  'POST /api/users/{username}/unlock',
  'POST /api/users/{username}/end-sessions',
  'POST /api/evaluation/applications/{id}/name',
]);

/** Reads that take no input at all (no path parameter, no query). */
const NO_INPUT = new Set([
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'GET /api/metadata',
  'GET /api/auth/me',
  'GET /api/divisions/root',
  'GET /api/imports/limits',
  'GET /api/indicators',
  'GET /api/analytics/periods',
  'GET /api/analytics/status',
  'GET /api/favourites',
  'GET /api/metadata/definitions',
  'GET /api/evaluation/standards',
  'GET /api/evaluation/cycles',
  'GET /api/evaluation/experts',
  'GET /api/evaluation/evidence/limits',
  'GET /api/supervision/plans',
  'GET /api/inbox',
  'GET /api/notifications',
  'GET /api/projects/types',
  'GET /api/funds/batches',
  'GET /api/assistance/helpers',
  'GET /api/assistance/teams',
  'GET /api/assistance/counties',
]);

let ctx: TestContext;
let app: App;
let doc: Document;

beforeAll(async () => {
  ctx = await createTestContext({ init: false });
  app = await testApp(ctx);
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

/** `METHOD /path` of every route Fastify registered (its own HEAD twins of GET routes left out), path parameters as `{name}`. */
function registeredRoutes(): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = line.match(/^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim()))
      if (method && method !== 'HEAD' && method !== 'OPTIONS') out.push(`${method} ${path}`);
  }
  return out;
}

function operations(): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]));
}

/** A schema that says something: a type, or alternatives. */
const described = (s: Schema | undefined) => s !== undefined && (typeof s.type === 'string' || Array.isArray(s.anyOf));

describe('the OpenAPI document', () => {
  it('is public and OpenAPI 3', () => {
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('documents every route the app registers, and no other', () => {
    const registered = registeredRoutes().filter((r) => !UNDOCUMENTED.has(r));
    expect(registered.length).toBeGreaterThan(40);
    expect(operations().map(([k]) => k).sort()).toEqual([...new Set(registered)].sort());
  });

  it('gives every route a schema for its success answer (201 for a create, else 200)', () => {
    const missing: string[] = [];
    for (const [key, op] of operations()) {
      const success = op.responses['201'] ? '201' : '200';
      const content = op.responses[success]?.content;
      if (!content || Object.keys(content).length === 0 || !Object.values(content).every((c) => described(c.schema))) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it('answers JSON with an object schema, and files (tables, evidence) with their media types', () => {
    const wrong: string[] = [];
    for (const [key, op] of operations()) {
      const success = op.responses['201'] ? '201' : '200';
      const content = op.responses[success].content ?? {};
      const json = content['application/json'];
      if (json ? json.schema?.type !== 'object' : !Object.keys(content).every((t) => /spreadsheetml|text\/csv|wordprocessingml|application\/pdf|image\/(png|jpeg)/.test(t))) wrong.push(key);
    }
    expect(wrong).toEqual([]);
  });

  it('declares every path parameter with its bounds (not only the name the path gives)', () => {
    const undeclared: string[] = [];
    for (const [key, op] of operations()) {
      const names = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of names) {
        const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
        const bounded = p?.schema && ['maxLength', 'maximum', 'enum', 'pattern'].some((k) => k in p.schema!);
        if (!bounded) undeclared.push(`${key} :${name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('declares a body for every state-changing route that takes one', () => {
    const wrong: string[] = [];
    for (const [key, op] of operations()) {
      if (!/^(POST|PUT|PATCH) /.test(key)) continue;
      const content = op.requestBody?.content;
      const hasBody = content !== undefined && Object.keys(content).length > 0 && Object.values(content).every((c) => described(c.schema));
      if (hasBody === NO_BODY.has(key)) wrong.push(key);
    }
    expect(wrong).toEqual([]);
  });

  it('declares the query or parameters of every read that takes input', () => {
    const wrong: string[] = [];
    for (const [key, op] of operations()) {
      if (!key.startsWith('GET ')) continue;
      const params = op.parameters ?? [];
      const takesInput = params.length > 0 && params.every((p) => described(p.schema));
      if (takesInput === NO_INPUT.has(key)) wrong.push(key);
    }
    expect(wrong).toEqual([]);
  });
});
