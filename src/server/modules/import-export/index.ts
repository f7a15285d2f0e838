/** import-export: reports from CSV/XLSX files (bounded, atomic) and the import template. */
import type { ServerModule } from '../../platform/registry.js';
import { registerImportRoutes } from './import.routes.js';
import { ImportService } from './import.service.js';

declare module '../../platform/registry.js' {
  interface Services {
    imports: ImportService;
  }
}

export const importExport: ServerModule = {
  name: 'import-export',
  repositories: () => ({}),
  services: ({ store, metadata, services, clock }) => ({ imports: new ImportService(store, metadata, services.facilities, services.audit, clock) }),
  routes: registerImportRoutes,
};
