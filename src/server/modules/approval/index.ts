/** approval: the approval workflow county → city → province → nation, completeness, the reporting periods it decides, and the data-quality review. */
import type { ServerModule } from '../../platform/registry.js';
import { registerApprovalRoutes } from './approval.routes.js';
import { ApprovalService } from './approval.service.js';
import { registerCompletenessRoutes } from './completeness.routes.js';
import { CompletenessService } from './completeness.service.js';
import { PeriodService } from './period.service.js';
import { registerQualityRoutes } from './quality.routes.js';
import { QualityService } from './quality.service.js';
import { WorkflowRepository } from './workflow.repository.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    workflow: WorkflowRepository;
  }
  interface Services {
    approvals: ApprovalService;
    completeness: CompletenessService;
    periods: PeriodService;
    quality: QualityService;
  }
}

export const approval: ServerModule = {
  name: 'approval',
  repositories: (db) => ({ workflow: new WorkflowRepository(db) }),
  services: ({ config, store, metadata, services, clock }) => {
    const completeness = new CompletenessService(store, services.reports, services.facilities);
    return {
      approvals: new ApprovalService(store, services.reports, services.facilities, services.audit, clock),
      completeness,
      periods: new PeriodService(store, metadata, clock, completeness, config.completenessEnough),
      quality: new QualityService(store, metadata, services.reports),
    };
  },
  routes: (app, ctx) => {
    registerApprovalRoutes(app, ctx);
    registerCompletenessRoutes(app, ctx);
    registerQualityRoutes(app, ctx);
  },
};
