/** org-units: the division hierarchy, facilities (the registry) and the titles divisions hold. */
import type { ServerModule } from '../../platform/registry.js';
import { DivisionRepository } from './division.repository.js';
import { registerDivisionRoutes } from './division.routes.js';
import { DivisionService } from './division.service.js';
import { FacilityRepository } from './facility.repository.js';
import { registerFacilityRoutes } from './facility.routes.js';
import { FacilityService } from './facility.service.js';
import { TitleRepository } from './title.repository.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    divisions: DivisionRepository;
    facilities: FacilityRepository;
    titles: TitleRepository;
  }
  interface Services {
    divisions: DivisionService;
    facilities: FacilityService;
  }
}

export const orgUnits: ServerModule = {
  name: 'org-units',
  repositories: (db) => ({ divisions: new DivisionRepository(db), facilities: new FacilityRepository(db), titles: new TitleRepository(db) }),
  services: ({ store, services, clock }) => ({ divisions: new DivisionService(store), facilities: new FacilityService(store, services.audit, clock) }),
  routes: (app, ctx) => {
    registerDivisionRoutes(app, ctx);
    registerFacilityRoutes(app, ctx);
  },
};
