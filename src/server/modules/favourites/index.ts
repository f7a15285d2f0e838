/** favourites: saved analyses per user, pinned to the dashboard. */
import type { ServerModule } from '../../platform/registry.js';
import { FavouriteRepository } from './favourite.repository.js';
import { registerFavouriteRoutes } from './favourite.routes.js';
import { FavouriteService } from './favourite.service.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    favourites: FavouriteRepository;
  }
  interface Services {
    favourites: FavouriteService;
  }
}

export const favourites: ServerModule = {
  name: 'favourites',
  repositories: (db) => ({ favourites: new FavouriteRepository(db) }),
  services: ({ store, clock }) => ({ favourites: new FavouriteService(store, clock) }),
  routes: registerFavouriteRoutes,
};
