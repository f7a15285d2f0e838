/** assistance (帮扶与能力建设): 对口帮扶 pairings and their annual assessment, 国家中医医疗队 tours, 定点帮扶 county pages, and the capacity registries (technique bases, epidemic bases, rescue teams, rehabilitation centres) with trainings and drills; their facts feed the indicators. */
import type { ServerModule } from '../../platform/registry.js';
import { AssistanceFactSource } from './assistance.facts.js';
import { loadAssistanceDemo } from './assistance.demo.js';
import { registerAssistanceRoutes } from './assistance.routes.js';
import { CapacityRepository } from './capacity.repository.js';
import { CapacityService } from './capacity.service.js';
import { CountyService } from './county.service.js';
import { PairingRepository } from './pairing.repository.js';
import { PairingService } from './pairing.service.js';
import { TourService } from './tour.service.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    assistancePairings: PairingRepository;
    assistanceCapacity: CapacityRepository;
  }
  interface Services {
    pairings: PairingService;
    tours: TourService;
    capacity: CapacityService;
    assistanceCounties: CountyService;
  }
}

export const assistance: ServerModule = {
  name: 'assistance',
  repositories: (db) => ({ assistancePairings: new PairingRepository(db), assistanceCapacity: new CapacityRepository(db) }),
  services: ({ store, metadata, services, clock }) => {
    const pairings = new PairingService(store, services.audit, clock);
    const tours = new TourService(store, services.audit, clock);
    const capacity = new CapacityService(store, services.audit, clock);
    services.engine.registerFactSource(new AssistanceFactSource(store, clock));
    return { pairings, tours, capacity, assistanceCounties: new CountyService(store, metadata, services.analytics, pairings, tours, capacity) };
  },
  demo: ({ store, clock }, { seed, progress }) => loadAssistanceDemo(store, clock, seed, progress),
  routes: registerAssistanceRoutes,
};
