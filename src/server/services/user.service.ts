/** User administration: create users inside the caller's scope, list them. */
import { AppError } from '../../domain/errors.js';
import { passwordMeetsPolicy, type Role, type User } from '../../domain/user.js';
import { scopeAreaCode, scopeWithin } from '../../domain/scope.js';
import type { Store } from '../store.js';
import { ADMIN_ROLES, requireRole, type Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import { hashPassword } from './password.js';
import { resolveScope } from './scope.service.js';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  scopeCode: string;
  displayName?: string;
}

export type UserView = Omit<User, 'id'> & { scopeName: string };

const USERNAME_RE = /^[A-Za-z0-9_.-]{2,40}$/;

export class UserService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: NewUser): Promise<UserView> {
    requireRole(actor, ADMIN_ROLES);
    if (!USERNAME_RE.test(input.username)) throw new AppError('E1000', { field: 'username', value: input.username });
    if (!passwordMeetsPolicy(input.password)) throw new AppError('E2006', { field: 'password' });
    if (input.role === 'SYSTEM_ADMIN' && actor.role !== 'SYSTEM_ADMIN') throw new AppError('E2101', { field: 'role' });
    const resolved = await resolveScope(this.store.repos, input.scopeCode);
    const fits =
      input.role === 'SYSTEM_ADMIN' ? resolved.scope.kind === 'nation'
      : input.role === 'FACILITY_REPORTER' ? resolved.scope.kind === 'facility'
      : resolved.scope.kind !== 'facility';
    if (!fits) throw new AppError('E2103', { field: 'scopeCode', value: input.scopeCode, role: input.role });
    if (!scopeWithin(actor.scope, resolved.scope)) throw new AppError('E2102', { field: 'scopeCode', value: input.scopeCode });
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now().toISOString();
    const created = await this.store.transaction(async (repos) => {
      if (await repos.users.byUsername(input.username)) throw new AppError('E1202', { field: 'username', value: input.username });
      const u = await repos.users.insert({ username: input.username, displayName: input.displayName?.trim() || input.username, passwordHash, role: input.role, scopeCode: input.scopeCode }, now);
      const after = { username: u.username, displayName: u.displayName, role: u.role, scopeCode: u.scopeCode };
      await this.audit.record(repos, actor, { action: 'create', entity: 'user', entityKey: u.username, areaCode: scopeAreaCode(resolved.scope), after });
      return u;
    });
    return { username: created.username, displayName: created.displayName, role: created.role, scopeCode: created.scopeCode, disabled: created.disabled, scopeName: resolved.name };
  }

  /** Users whose scope lies inside the caller's. */
  async list(actor: Actor): Promise<UserView[]> {
    requireRole(actor, ADMIN_ROLES);
    const out: UserView[] = [];
    for (const u of await this.store.repos.users.all()) {
      const r = await resolveScope(this.store.repos, u.scopeCode).catch(() => null);
      if (!r || !scopeWithin(actor.scope, r.scope)) continue;
      out.push({ username: u.username, displayName: u.displayName, role: u.role, scopeCode: u.scopeCode, disabled: u.disabled, scopeName: r.name });
    }
    return out;
  }
}
