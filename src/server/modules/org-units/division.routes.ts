import {
  divisionAnswer,
  divisionChildrenAnswer,
  divisionParams,
  divisionRootAnswer,
  divisionSearchAnswer,
  divisionSearchQuery,
  facilityCountsAnswer,
} from '../../../domain/api/org-units.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';
import type { DivisionLevel } from '../../../domain/org-unit.js';

export function registerDivisionRoutes(app: App, ctx: AppContext): void {
  const s = ctx.services.divisions;
  const tags = ['divisions'];
  app.get('/api/divisions/root', { schema: { tags, response: { 200: divisionRootAnswer } } }, async (req) => s.root(actorOf(req)));
  app.get('/api/divisions/search', { schema: { tags, querystring: divisionSearchQuery, response: { 200: divisionSearchAnswer } } }, async (req) => ({
    items: await s.search(actorOf(req), req.query.q, req.query.limit, req.query.level as DivisionLevel | undefined),
  }));
  app.get('/api/divisions/:code', { schema: { tags, params: divisionParams, response: { 200: divisionAnswer } } }, async (req) => s.get(actorOf(req), req.params.code));
  app.get('/api/divisions/:code/children', { schema: { tags, params: divisionParams, response: { 200: divisionChildrenAnswer } } }, async (req) => ({
    items: await s.children(actorOf(req), req.params.code),
  }));
  app.get('/api/divisions/:code/facility-counts', { schema: { tags, params: divisionParams, response: { 200: facilityCountsAnswer } } }, async (req) =>
    s.facilityCounts(actorOf(req), req.params.code),
  );
}
