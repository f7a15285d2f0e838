/** evaluation (评审评估): standards as data and the automatic scoring of their subjects from the live data. */
import type { ServerModule } from '../../platform/registry.js';
import { AutoscoreService } from './autoscore.service.js';
import { registerEvaluationRoutes } from './evaluation.routes.js';
import { loadStandards, StandardService } from './standard.service.js';

declare module '../../platform/registry.js' {
  interface Services {
    standards: StandardService;
    autoscore: AutoscoreService;
  }
}

export const evaluation: ServerModule = {
  name: 'evaluation',
  repositories: () => ({}),
  services: ({ config, store, metadata, services }) => {
    const standards = new StandardService(loadStandards(config.programsDir, metadata));
    return { standards, autoscore: new AutoscoreService(store, standards, services.analytics, services.engine, services.facilities) };
  },
  routes: registerEvaluationRoutes,
};
