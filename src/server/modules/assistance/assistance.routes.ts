/** HTTP routes of assistance: pairings (with yearly figures and assessments), teams and tours, capacity units and their activities, county pages. */
import * as api from '../../../domain/api/assistance.js';
import { okAnswer } from '../../../domain/api/common.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerAssistanceRoutes(app: App, ctx: AppContext): void {
  const tags = ['assistance'];
  const { pairings, tours, capacity, assistanceCounties: counties } = ctx.services;

  app.get('/api/assistance/helpers', { schema: { tags, response: { 200: api.helpersAnswer } } }, async (req) => ({ items: await pairings.helpers(actorOf(req)) }));
  app.get('/api/assistance/pairings', { schema: { tags, querystring: api.pairingsQuery, response: { 200: api.pairingsAnswer } } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return pairings.list(actorOf(req), { ...f, text: f.text?.trim() || undefined }, page, pageSize);
  });
  app.post('/api/assistance/pairings', { schema: { tags, body: api.newPairingBody, response: { 201: api.pairingView } } }, async (req, reply) => reply.code(201).send(await pairings.create(actorOf(req), req.body)));
  app.get('/api/assistance/pairings/:id', { schema: { tags, params: api.idParams, response: { 200: api.pairingView } } }, async (req) => pairings.get(actorOf(req), req.params.id));
  app.patch('/api/assistance/pairings/:id', { schema: { tags, params: api.idParams, body: api.pairingChangesBody, response: { 200: api.pairingView } } }, async (req) => pairings.update(actorOf(req), req.params.id, req.body));
  app.put('/api/assistance/pairings/:id/years/:year', { schema: { tags, params: api.pairingYearParams, body: api.pairingYearBody, response: { 200: api.pairingView } } }, async (req) =>
    pairings.saveYear(actorOf(req), req.params.id, req.params.year, req.body),
  );
  app.post('/api/assistance/pairings/:id/assessments', { schema: { tags, params: api.idParams, body: api.assessmentBody, response: { 200: api.pairingView } } }, async (req) => pairings.assess(actorOf(req), req.params.id, req.body));

  app.get('/api/assistance/teams', { schema: { tags, response: { 200: api.teamsAnswer } } }, async (req) => ({ items: await tours.teams(actorOf(req)) }));
  app.post('/api/assistance/teams', { schema: { tags, body: api.newTeamBody, response: { 201: api.teamView } } }, async (req, reply) => reply.code(201).send(await tours.createTeam(actorOf(req), req.body)));
  app.get('/api/assistance/tours', { schema: { tags, querystring: api.toursQuery, response: { 200: api.toursAnswer } } }, async (req) => ({ items: await tours.tours(actorOf(req), req.query) }));
  app.post('/api/assistance/tours', { schema: { tags, body: api.tourBody, response: { 201: api.tourView } } }, async (req, reply) => {
    const { teamId, ...t } = req.body;
    return reply.code(201).send(await tours.createTour(actorOf(req), teamId, t));
  });
  app.get('/api/assistance/tours/:id', { schema: { tags, params: api.idParams, response: { 200: api.tourView } } }, async (req) => tours.tour(actorOf(req), req.params.id));
  app.put('/api/assistance/tours/:id', { schema: { tags, params: api.idParams, body: api.tourChangesBody, response: { 200: api.tourView } } }, async (req) => tours.updateTour(actorOf(req), req.params.id, req.body));

  app.get('/api/assistance/units', { schema: { tags, querystring: api.unitsQuery, response: { 200: api.unitsAnswer } } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return capacity.list(actorOf(req), { ...f, text: f.text?.trim() || undefined }, page, pageSize);
  });
  app.post('/api/assistance/units', { schema: { tags, body: api.newUnitBody, response: { 201: api.unitView } } }, async (req, reply) => reply.code(201).send(await capacity.create(actorOf(req), req.body)));
  app.get('/api/assistance/units/:id', { schema: { tags, params: api.idParams, response: { 200: api.unitDetail } } }, async (req) => capacity.get(actorOf(req), req.params.id));
  app.patch('/api/assistance/units/:id', { schema: { tags, params: api.idParams, body: api.unitChangesBody, response: { 200: api.unitView } } }, async (req) => capacity.update(actorOf(req), req.params.id, req.body));
  app.post('/api/assistance/units/:id/activities', { schema: { tags, params: api.idParams, body: api.newActivityBody, response: { 201: api.activityView } } }, async (req, reply) =>
    reply.code(201).send(await capacity.addActivity(actorOf(req), req.params.id, req.body)),
  );
  app.delete('/api/assistance/units/:id/activities/:activityId', { schema: { tags, params: api.activityParams, response: { 200: okAnswer } } }, async (req) => {
    await capacity.deleteActivity(actorOf(req), req.params.id, req.params.activityId);
    return { ok: true as const };
  });

  app.get('/api/assistance/counties', { schema: { tags, response: { 200: api.countiesAnswer } } }, async (req) => ({ items: await counties.designated(actorOf(req)) }));
  app.get('/api/assistance/counties/:code', { schema: { tags, params: api.countyParams, response: { 200: api.countyPage } } }, async (req) => counties.page(actorOf(req), req.params.code));
}
