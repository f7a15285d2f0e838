/** Who is acting: a logged-in user with a resolved scope, or the system itself (CLI, init). */
import { AppError } from '../../../domain/errors.js';
import type { Scope } from '../../../domain/scope.js';
import type { Role } from '../../../domain/user.js';

export interface Actor {
  username: string;
  role: Role;
  scope: Scope;
}

/** The actor the CLI and start-up use when no user is named: a system administrator. */
export const SYSTEM_ACTOR: Actor = { username: 'system', role: 'SYSTEM_ADMIN', scope: { kind: 'nation' } };

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('E2101', { role: actor.role });
}

export const ADMIN_ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'AREA_ADMIN'];
