/** identity: users, login, sessions and the account lifecycle. */
import type { ServerModule } from '../../platform/registry.js';
import { registerAuthRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';
import { registerUserRoutes } from './user.routes.js';
import { UserService } from './user.service.js';

declare module '../../platform/registry.js' {
  interface Repositories {
    users: UserRepository;
    sessions: SessionRepository;
  }
  interface Services {
    auth: AuthService;
    users: UserService;
  }
}

export const identity: ServerModule = {
  name: 'identity',
  repositories: (db) => ({ users: new UserRepository(db), sessions: new SessionRepository(db) }),
  services: ({ store, services, clock, config }) => ({ auth: new AuthService(store, services.audit, clock, config.security), users: new UserService(store, services.audit, clock) }),
  routes: (app, ctx) => {
    registerAuthRoutes(app, ctx);
    registerUserRoutes(app, ctx);
  },
};
