/** data-entry: reports (data values) of a facility for a period — entry, validation, submission */
import type { ServerModule } from '../../platform/registry.js';
import { ReportRepository } from './report.repository.js';
import { registerReportRoutes } from './report.routes.js';
import { ReportService } from './report.service.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    reports: ReportRepository;
  }
  interface Services {
    reports: ReportService;
  }
}

export const dataEntry: ServerModule = {
  name: 'data-entry',
  repositories: (db) => ({ reports: new ReportRepository(db) }),
  services: ({ store, metadata, services, clock }) => ({
    reports: new ReportService(store, metadata, services.facilities, services.audit, clock),
  }),
  routes: registerReportRoutes,
};
