import {
  applicationDetail,
  applicationsAnswer,
  applicationsQuery,
  applicationView,
  autoscoreAnswer,
  autoscoreQuery,
  cycleParams,
  cyclesAnswer,
  resultsAnswer,
  resultsQuery,
  rankingAnswer,
  sheetAnswer,
  sheetQuery,
  rankingQuery,
  overviewAnswer,
  assignBody,
  assignedAnswer,
  conflictBody,
  expertsAnswer,
  expertView,
  newExpertBody,
  earlyWarningAnswer,
  earlyWarningQuery,
  reReviewBody,
  titleView,
  cycleView,
  enrolBody,
  idParams,
  newCycleBody,
  objectionBody,
  objectionView,
  resolveBody,
  returnBody,
  scoreBody,
  standardAnswer,
  standardParams,
  standardsAnswer,
  submitBody,
} from '../../../domain/api/evaluation.js';
import { okAnswer } from '../../../domain/api/common.js';
import { sendTableFile, TABLE_FILE_TYPES } from '../../platform/files/table-file.js';
import { actorOf, type App } from '../../platform/http/request.js';
import type { AppContext } from '../../platform/context.js';

export function registerEvaluationRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const { standards, autoscore } = ctx.services;
  app.get('/api/evaluation/standards', { schema: { tags, response: { 200: standardsAnswer } } }, async () => ({
    items: standards.list().map((s) => ({ code: s.code, version: s.version, name: s.name, subject: s.subject.kind, passLine: s.passLine, scale: s.scale })),
  }));
  app.get('/api/evaluation/standards/:code', { schema: { tags, params: standardParams, response: { 200: standardAnswer } } }, async (req) => standards.get(req.params.code));
  app.get('/api/evaluation/autoscore', { schema: { tags, querystring: autoscoreQuery, response: { 200: autoscoreAnswer } } }, async (req) =>
    autoscore.autoscore(actorOf(req), req.query.standard, req.query.period, req.query.area, ctx.config.limits.analyticsCells),
  );
}

export function registerReviewRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const r = ctx.services.reviews;
  app.get('/api/evaluation/cycles', { schema: { tags, response: { 200: cyclesAnswer } } }, async () => ({ items: await r.cycles() }));
  app.post('/api/evaluation/cycles', { schema: { tags, body: newCycleBody, response: { 201: cycleView } } }, async (req, reply) => reply.code(201).send(await r.createCycle(actorOf(req), req.body)));
  app.get('/api/evaluation/cycles/:code/applications', { schema: { tags, params: cycleParams, querystring: applicationsQuery, response: { 200: applicationsAnswer } } }, async (req) => ({
    items: await r.list(actorOf(req), req.params.code, req.query.stage),
  }));
  app.post('/api/evaluation/cycles/:code/applications', { schema: { tags, params: cycleParams, body: enrolBody, response: { 201: applicationView } } }, async (req, reply) =>
    reply.code(201).send(await r.enrol(actorOf(req), req.params.code, req.body.subjectCode)),
  );
  app.get('/api/evaluation/cycles/:code/results', { schema: { tags, params: cycleParams, querystring: resultsQuery, produces: TABLE_FILE_TYPES, response: { 200: resultsAnswer } } }, async (req, reply) =>
    sendTableFile(reply, await ctx.services.results.resultsFile(actorOf(req), req.params.code, req.query.stage, req.query.format)),
  );
  app.get('/api/evaluation/cycles/:code/ranking', { schema: { tags, params: cycleParams, querystring: rankingQuery, response: { 200: rankingAnswer } } }, async (req) =>
    ctx.services.results.ranking(actorOf(req), req.params.code, req.query.stage),
  );
  app.get('/api/evaluation/cycles/:code/overview', { schema: { tags, params: cycleParams, response: { 200: overviewAnswer } } }, async (req) => ctx.services.results.overview(actorOf(req), req.params.code));
  app.get('/api/evaluation/applications/:id', { schema: { tags, params: idParams, response: { 200: applicationDetail } } }, async (req) => r.view(actorOf(req), req.params.id));
  app.get('/api/evaluation/applications/:id/sheet', { schema: { tags, params: idParams, querystring: sheetQuery, produces: TABLE_FILE_TYPES, response: { 200: sheetAnswer } } }, async (req, reply) =>
    sendTableFile(reply, await ctx.services.results.sheetFile(actorOf(req), req.params.id, req.query.format)),
  );
  app.put('/api/evaluation/applications/:id/scores', { schema: { tags, params: idParams, body: scoreBody, response: { 200: applicationDetail } } }, async (req) => r.score(actorOf(req), req.params.id, req.body.scores));
  app.post('/api/evaluation/applications/:id/submit', { schema: { tags, params: idParams, body: submitBody, response: { 200: applicationView } } }, async (req) =>
    r.submit(actorOf(req), req.params.id, req.body.decision, req.body.note),
  );
  app.post('/api/evaluation/applications/:id/return', { schema: { tags, params: idParams, body: returnBody, response: { 200: applicationView } } }, async (req) =>
    r.returnApplication(actorOf(req), req.params.id, req.body.reason),
  );
  app.post('/api/evaluation/applications/:id/objections', { schema: { tags, params: idParams, body: objectionBody, response: { 201: objectionView } } }, async (req, reply) =>
    reply.code(201).send(await r.object(actorOf(req), req.params.id, req.body.text)),
  );
  app.post('/api/evaluation/objections/:id/resolve', { schema: { tags, params: idParams, body: resolveBody, response: { 200: objectionView } } }, async (req) =>
    r.resolve(actorOf(req), req.params.id, req.body.resolution),
  );
  app.post('/api/evaluation/applications/:id/name', { schema: { tags, params: idParams, response: { 200: applicationView } } }, async (req) => r.name(actorOf(req), req.params.id));
}

export function registerTitleWatchRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const w = ctx.services.titleWatch;
  app.get('/api/evaluation/early-warning', { schema: { tags, querystring: earlyWarningQuery, response: { 200: earlyWarningAnswer } } }, async (req) =>
    w.earlyWarning(actorOf(req), req.query.standard, req.query.period, req.query.area),
  );
  app.post('/api/evaluation/re-reviews', { schema: { tags, body: reReviewBody, response: { 200: titleView } } }, async (req) => {
    const b = req.body;
    return w.reReview(actorOf(req), b.standard, b.subjectCode, b.year, b.passed, b.note);
  });
}

export function registerExpertRoutes(app: App, ctx: AppContext): void {
  const tags = ['evaluation'];
  const x = ctx.services.experts;
  app.get('/api/evaluation/experts', { schema: { tags, response: { 200: expertsAnswer } } }, async (req) => ({ items: await x.list(actorOf(req)) }));
  app.post('/api/evaluation/experts', { schema: { tags, body: newExpertBody, response: { 201: expertView } } }, async (req, reply) => reply.code(201).send(await x.add(actorOf(req), req.body)));
  app.post('/api/evaluation/experts/:id/conflicts', { schema: { tags, params: idParams, body: conflictBody, response: { 200: okAnswer } } }, async (req) => {
    await x.declareConflict(actorOf(req), req.params.id, req.body.subjectCode, req.body.note);
    return { ok: true as const };
  });
  app.post('/api/evaluation/applications/:id/experts', { schema: { tags, params: idParams, body: assignBody, response: { 200: assignedAnswer } } }, async (req) => ({
    items: 'group' in req.body ? await x.assignGroup(actorOf(req), req.params.id, req.body.group) : await x.assign(actorOf(req), req.params.id, req.body.expertId),
  }));
}
