/** data-entry: reports (data values) of a facility for a period — entry, validation, submission — and the reporting periods. */
import type { ServerModule } from '../../platform/registry.js';
import { ReportRepository } from './report.repository.js';
import { registerReportRoutes } from './report.routes.js';
import { ReportService } from './report.service.js';
import { PeriodService } from './period.service.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    reports: ReportRepository;
  }
  interface Services {
    reports: ReportService;
    periods: PeriodService;
  }
}

export const dataEntry: ServerModule = {
  name: 'data-entry',
  repositories: (db) => ({ reports: new ReportRepository(db) }),
  services: ({ store, metadata, services, clock }) => ({
    reports: new ReportService(store, metadata, services.facilities, services.audit, clock),
    periods: new PeriodService(store, metadata, clock),
  }),
  routes: registerReportRoutes,
};
