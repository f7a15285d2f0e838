/** projects-funds (项目资金): project types as data, projects with milestones, 绩效目标表, self-evaluation and acceptance (by the evaluation engine), and funds allocated by factors tied to performance, spent and executed against plan. */
import type { ServerModule } from '../../platform/registry.js';
import { FundsService } from './funds.service.js';
import { ProjectService } from './project.service.js';
import { loadProjectTypes, ProjectTypes } from './project-types.js';
import { projectFacts } from './projects-funds.facts.js';
import { ProjectsFundsRepository } from './projects-funds.repository.js';
import { registerProjectsFundsRoutes } from './projects-funds.routes.js';
import { loadProjectsFundsDemo } from './projects-funds.demo.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    projects: ProjectsFundsRepository;
  }
  interface Services {
    projects: ProjectService;
    funds: FundsService;
  }
}

export const projectsFunds: ServerModule = {
  name: 'projects-funds',
  repositories: (db) => ({ projects: new ProjectsFundsRepository(db) }),
  services: ({ config, store, services, clock }) => {
    const projects = new ProjectService(store, new ProjectTypes(loadProjectTypes(config.programsDir)), services.standards, services.autoscore, services.analytics, services.audit, clock);
    const funds = new FundsService(store, projects, services.analytics, services.engine, services.audit, clock);
    services.engine.registerFactSource(projectFacts(store, clock));
    return { projects, funds };
  },
  demo: ({ services, store, clock }, { seed, progress }) => loadProjectsFundsDemo(services, store, clock, seed, progress),
  routes: registerProjectsFundsRoutes,
};
