/**
 * User administration and the account lifecycle: create users inside the caller's scope, list
 * them, disable and enable, unlock, reset a password (the user changes it at next login), change
 * role and scope within the caller's own, end all sessions; a user changes their own password.
 * Every action is audited; a disabled account, a new password or a new role or scope ends the
 * account's sessions.
 */
import { AppError } from '../../../domain/errors.js';
import { scopeArea, scopeAreaCode, scopeWithin, type Scope } from '../../../domain/scope.js';
import type { Role, User } from '../../../domain/user.js';
import type { UserRecord } from './user.repository.js';
import type { Repositories, Store } from '../../platform/db/store.js';
import { ADMIN_ROLES, requireRole, type Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { checkNewPassword, hashPassword, verifyPassword } from './password.js';
import { resolveScope, type ResolvedScope } from '../../platform/access/scope.service.js';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  scopeCode: string;
  displayName?: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  scopeCode?: string;
}

export type UserView = Omit<User, 'id'> & { scopeName: string; lockedUntil: string | null; mustChangePassword: boolean };

export type LifecycleAction = 'disable' | 'enable' | 'unlock' | 'end_sessions';

const USERNAME_RE = /^[A-Za-z0-9_.-]{2,40}$/;

const fitsRole = (role: Role, scope: Scope) =>
  role === 'SYSTEM_ADMIN' ? scope.kind === 'nation' : role === 'FACILITY_REPORTER' ? scope.kind === 'facility' : scope.kind !== 'facility';

export class UserService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: NewUser): Promise<UserView> {
    requireRole(actor, ADMIN_ROLES);
    if (!USERNAME_RE.test(input.username)) throw new AppError('E2015', { field: 'username', value: input.username });
    checkNewPassword(input.password, { username: input.username, displayName: input.displayName });
    const resolved = await this.grantable(actor, input.role, input.scopeCode);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now().toISOString();
    const created = await this.store.transaction(async (repos) => {
      if (await repos.users.byUsername(input.username)) throw new AppError('E1202', { field: 'username', value: input.username });
      const u = await repos.users.insert({ username: input.username, displayName: input.displayName?.trim() || input.username, passwordHash, role: input.role, scopeCode: input.scopeCode }, now);
      const after = { username: u.username, displayName: u.displayName, role: u.role, scopeCode: u.scopeCode };
      await this.audit.record(repos, actor, { action: 'create', entity: 'user', entityKey: u.username, areaCode: scopeAreaCode(resolved.scope), after });
      return u;
    });
    return view(created, resolved.name);
  }

  /** Users whose scope lies inside the caller's, a page at a time (scoped and paged in the store). */
  async page(actor: Actor, page: number, pageSize: number): Promise<{ items: UserView[]; total: number }> {
    requireRole(actor, ADMIN_ROLES);
    const area = scopeArea(actor.scope);
    if (!area) return { items: [], total: 0 };
    const r = await this.store.repos.users.listInArea(area, { offset: (page - 1) * pageSize, limit: pageSize });
    return { items: r.items.map((u) => view(u, u.scopeName)), total: r.total };
  }

  /** One user inside the caller's scope (E1103 otherwise: another area's users are not revealed). */
  async get(actor: Actor, username: string): Promise<UserView> {
    const { user, resolved } = await this.managed(actor, username);
    return view(user, resolved.name);
  }

  /** Changes a user's display name, role or scope; a new role or scope ends the user's sessions. */
  async update(actor: Actor, username: string, changes: UserChanges): Promise<UserView> {
    const { user, resolved } = await this.managed(actor, username);
    const role = changes.role ?? user.role;
    const scopeCode = changes.scopeCode ?? user.scopeCode;
    const access = role !== user.role || scopeCode !== user.scopeCode;
    if (access && user.username === actor.username) throw new AppError('E2013', { field: changes.role ? 'role' : 'scopeCode' });
    const next = access ? await this.grantable(actor, role, scopeCode) : resolved;
    const displayName = changes.displayName?.trim() || user.displayName;
    const now = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.users.update(user.id, { displayName, role, scopeCode }, now);
      if (access) await repos.sessions.deleteForUser(user.id);
      await this.audit.record(repos, actor, {
        action: 'update',
        entity: 'user',
        entityKey: user.username,
        areaCode: scopeAreaCode(next.scope),
        before: { displayName: user.displayName, role: user.role, scopeCode: user.scopeCode },
        after: { displayName, role, scopeCode },
      });
    });
    return view({ ...user, displayName, role, scopeCode }, next.name);
  }

  /** Disable (ends the sessions), enable, unlock (clears the failure count and lock) or end all sessions. */
  async act(actor: Actor, username: string, action: LifecycleAction): Promise<UserView> {
    const { user, resolved } = await this.managed(actor, username);
    if (user.username === actor.username && action !== 'end_sessions') throw new AppError('E2013', { field: 'username' });
    const now = this.clock.now().toISOString();
    const patch =
      action === 'disable' ? { disabled: true }
      : action === 'enable' ? { disabled: false }
      : action === 'unlock' ? { failedLogins: 0, lockedUntil: null }
      : {};
    await this.store.transaction(async (repos) => {
      if (Object.keys(patch).length) await repos.users.update(user.id, patch, now);
      const n = action === 'disable' || action === 'end_sessions' ? await repos.sessions.deleteForUser(user.id) : 0;
      await this.audit.record(repos, actor, {
        action: action === 'end_sessions' ? 'end_sessions' : action,
        entity: 'user',
        entityKey: user.username,
        areaCode: scopeAreaCode(resolved.scope),
        before: { disabled: user.disabled, lockedUntil: user.lockedUntil },
        after: { ...patch, sessionsEnded: n },
      });
    });
    return view({ ...user, ...patch, lockedUntil: action === 'unlock' ? null : user.lockedUntil }, resolved.name);
  }

  /** An administrator sets a temporary password: the user must change it at next login; sessions end. */
  async resetPassword(actor: Actor, username: string, password: string): Promise<UserView> {
    const { user, resolved } = await this.managed(actor, username);
    if (user.username === actor.username) throw new AppError('E2013', { field: 'username' });
    checkNewPassword(password, user);
    const passwordHash = await hashPassword(password);
    const now = this.clock.now().toISOString();
    await this.store.transaction(async (repos) => {
      await repos.users.update(user.id, { passwordHash, mustChangePassword: true, passwordChangedAt: now, failedLogins: 0, lockedUntil: null }, now);
      await repos.sessions.deleteForUser(user.id);
      await this.audit.record(repos, actor, { action: 'reset_password', entity: 'user', entityKey: user.username, areaCode: scopeAreaCode(resolved.scope), after: { mustChangePassword: true } });
    });
    return view({ ...user, mustChangePassword: true, lockedUntil: null }, resolved.name);
  }

  /** A user changes their own password; their other sessions end. */
  async changeOwnPassword(actor: Actor, currentSession: string, current: string, next: string): Promise<void> {
    const user = await this.store.repos.users.byUsername(actor.username);
    if (!user) throw new AppError('E2001');
    if (!(await verifyPassword(user.passwordHash, current))) throw new AppError('E2010', { field: 'currentPassword' });
    if (current === next) throw new AppError('E2014', { field: 'newPassword' });
    try {
      checkNewPassword(next, user);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, { field: 'newPassword' });
      throw e;
    }
    const passwordHash = await hashPassword(next);
    const now = this.clock.now().toISOString();
    const resolved = await resolveScope(this.store.repos, user.scopeCode);
    await this.store.transaction(async (repos) => {
      await repos.users.update(user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now }, now);
      const n = await repos.sessions.deleteForUser(user.id, currentSession);
      await this.audit.record(repos, actor, { action: 'change_password', entity: 'user', entityKey: user.username, areaCode: scopeAreaCode(resolved.scope), after: { otherSessionsEnded: n } });
    });
  }

  /** The target user, when the caller administers it: inside the caller's scope, and a system admin only for a system admin. */
  private async managed(actor: Actor, username: string): Promise<{ user: UserRecord; resolved: ResolvedScope }> {
    requireRole(actor, ADMIN_ROLES);
    const user = await this.store.repos.users.byUsername(username);
    const resolved = user ? await resolveScope(this.store.repos, user.scopeCode).catch(() => null) : null;
    if (!user || !resolved || !scopeWithin(actor.scope, resolved.scope)) throw new AppError('E1103', { field: 'username', value: username });
    if (user.role === 'SYSTEM_ADMIN' && actor.role !== 'SYSTEM_ADMIN') throw new AppError('E2101', { field: 'username' });
    return { user, resolved };
  }

  /** Checks that the caller may give this role and scope: the scope exists, fits the role and lies inside the caller's. */
  private async grantable(actor: Actor, role: Role, scopeCode: string, repos: Repositories = this.store.repos): Promise<ResolvedScope> {
    if (role === 'SYSTEM_ADMIN' && actor.role !== 'SYSTEM_ADMIN') throw new AppError('E2101', { field: 'role' });
    const resolved = await resolveScope(repos, scopeCode);
    if (!fitsRole(role, resolved.scope)) throw new AppError('E2103', { field: 'scopeCode', value: scopeCode, role });
    if (!scopeWithin(actor.scope, resolved.scope)) throw new AppError('E2102', { field: 'scopeCode', value: scopeCode });
    return resolved;
  }
}

function view(u: Omit<UserRecord, 'id' | 'passwordHash' | 'failedLogins' | 'passwordChangedAt'>, scopeName: string): UserView {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeCode: u.scopeCode,
    disabled: u.disabled,
    scopeName,
    lockedUntil: u.lockedUntil,
    mustChangePassword: u.mustChangePassword,
  };
}
