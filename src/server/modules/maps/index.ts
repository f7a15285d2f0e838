/** maps: boundaries of the child areas, tied to division codes. */
import type { ServerModule } from '../../platform/registry.js';
import { registerMapRoutes } from './map.routes.js';
import { MapService } from './map.service.js';

declare module '../../platform/registry.js' {
  interface Services {
    maps: MapService;
  }
}

export const maps: ServerModule = {
  name: 'maps',
  repositories: () => ({}),
  services: ({ store, config }) => ({ maps: new MapService(store, config.mapDir) }),
  routes: registerMapRoutes,
};
