/** evaluation (评审评估): standards as data, the automatic scoring of their subjects from the live data, cycles and the review of applications, early warning and re-review. */
import type { ServerModule } from '../../platform/registry.js';
import { AutoscoreService } from './autoscore.service.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { ExpertRepository } from './expert.repository.js';
import { ExpertService } from './expert.service.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceService } from './evidence.service.js';
import { OnsiteRepository } from './onsite.repository.js';
import { OnsiteService } from './onsite.service.js';
import { ResultsService } from './results.service.js';
import { loadEvaluationDemo } from './evaluation.demo.js';
import { ReviewService } from './review.service.js';
import { registerEvaluationRoutes, registerExpertRoutes, registerReviewRoutes, registerTitleWatchRoutes } from './evaluation.routes.js';
import { registerEvidenceRoutes } from './evidence.routes.js';
import { registerOnsiteRoutes } from './onsite.routes.js';
import { TitleWatchService } from './title-watch.service.js';
import { loadStandards, StandardService } from './standard.service.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    evaluation: EvaluationRepository;
    experts: ExpertRepository;
    evidence: EvidenceRepository;
    onsite: OnsiteRepository;
  }
  interface Services {
    standards: StandardService;
    autoscore: AutoscoreService;
    reviews: ReviewService;
    titleWatch: TitleWatchService;
    experts: ExpertService;
    evidence: EvidenceService;
    onsite: OnsiteService;
    results: ResultsService;
  }
}

export const evaluation: ServerModule = {
  name: 'evaluation',
  repositories: (db) => ({ evaluation: new EvaluationRepository(db), experts: new ExpertRepository(db), evidence: new EvidenceRepository(db), onsite: new OnsiteRepository(db) }),
  services: ({ config, store, metadata, services, clock }) => {
    const standards = new StandardService(loadStandards(config.programsDir, metadata));
    const autoscore = new AutoscoreService(store, standards, metadata, services.analytics, services.engine, services.facilities);
    const reviews = new ReviewService(store, standards, autoscore, services.audit, clock);
    const evidence = new EvidenceService(store, reviews, services.audit, clock, config.limits.evidenceBytes);
    const results = new ResultsService(store, standards, autoscore, reviews, clock);
    const onsite = new OnsiteService(store, standards, autoscore, reviews, results, services.audit, clock);
    return { standards, autoscore, reviews, evidence, onsite, results, titleWatch: new TitleWatchService(store, standards, autoscore, services.audit), experts: new ExpertService(store, services.audit, clock) };
  },
  demo: ({ services, store, clock }, { seed, progress }) => loadEvaluationDemo(services, store, clock, seed, progress),
  routes: (app, ctx) => {
    registerEvaluationRoutes(app, ctx);
    registerReviewRoutes(app, ctx);
    registerTitleWatchRoutes(app, ctx);
    registerExpertRoutes(app, ctx);
    registerEvidenceRoutes(app, ctx);
    registerOnsiteRoutes(app, ctx);
  },
};
