/** import-export: reports from CSV/XLSX files (bounded, atomic), the import template, and reports exported in the import format. */
import type { ServerModule } from '../../platform/registry.js';
import { registerImportRoutes } from './import.routes.js';
import { ImportService } from './import.service.js';
import { ReportExportService } from './report-export.service.js';

declare module '../../platform/registry.js' {
  interface Services {
    imports: ImportService;
    reportExport: ReportExportService;
  }
}

export const importExport: ServerModule = {
  name: 'import-export',
  repositories: () => ({}),
  services: ({ store, metadata, services, clock }) => ({
    imports: new ImportService(store, metadata, services.facilities, services.audit, clock),
    reportExport: new ReportExportService(store, metadata, services.reports),
  }),
  routes: registerImportRoutes,
};
