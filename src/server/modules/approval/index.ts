/** approval: the approval workflow county → city → province → nation, and completeness. */
import type { ServerModule } from '../../platform/registry.js';
import { registerApprovalRoutes } from './approval.routes.js';
import { ApprovalService } from './approval.service.js';
import { registerCompletenessRoutes } from './completeness.routes.js';
import { CompletenessService } from './completeness.service.js';
import { WorkflowRepository } from './workflow.repository.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    workflow: WorkflowRepository;
  }
  interface Services {
    approvals: ApprovalService;
    completeness: CompletenessService;
  }
}

export const approval: ServerModule = {
  name: 'approval',
  repositories: (db) => ({ workflow: new WorkflowRepository(db) }),
  services: ({ store, services, clock }) => ({
    approvals: new ApprovalService(store, services.reports, services.facilities, services.audit, clock),
    completeness: new CompletenessService(store, services.reports, services.facilities),
  }),
  routes: (app, ctx) => {
    registerApprovalRoutes(app, ctx);
    registerCompletenessRoutes(app, ctx);
  },
};
