/**
 * Login, sessions and request authentication (等保 level 3 practice): argon2id passwords,
 * lockout after 5 failures for 15 minutes, sessions in the store ending after 30 minutes idle.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { scopeAreaCode } from '../../domain/scope.js';
import { IDLE_TIMEOUT_MINUTES, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from '../../domain/user.js';
import type { UserRecord } from '../repositories/user.repository.js';
import type { Store } from '../store.js';
import type { Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import { verifyPassword } from './password.js';
import { resolveScope } from './scope.service.js';

export interface SessionUser {
  username: string;
  displayName: string;
  role: UserRecord['role'];
  scopeCode: string;
  scopeName: string;
  scopeLevel: number | null;
}

export interface Authenticated {
  actor: Actor;
  user: SessionUser;
  csrfToken: string;
  sessionId: string;
}

/** Sessions are looked up by a hash of the cookie token, so a leaked table holds no usable token. */
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<{ token: string } & Authenticated> {
    const repos = this.store.repos;
    const u = await repos.users.byUsername(username);
    if (!u) throw new AppError('E2002', { field: 'username' });
    if (u.disabled) throw new AppError('E2007');
    const now = this.clock.now();
    if (u.lockedUntil && u.lockedUntil > now.toISOString()) throw new AppError('E2003', { lockedUntil: u.lockedUntil });
    if (!(await verifyPassword(u.passwordHash, password))) {
      const failures = u.failedLogins + 1;
      if (failures >= LOCKOUT_THRESHOLD) {
        const resolved = await resolveScope(repos, u.scopeCode).catch(() => null);
        const actor: Actor = { username: u.username, role: u.role, scope: resolved?.scope ?? { kind: 'nation' } };
        const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
        await this.store.transaction(async (tx) => {
          await tx.users.setLoginState(u.id, 0, until);
          await this.audit.record(tx, actor, { action: 'locked', entity: 'user', entityKey: u.username, areaCode: scopeAreaCode(actor.scope), after: { lockedUntil: until } });
        });
        throw new AppError('E2003', { lockedUntil: until });
      }
      await repos.users.setLoginState(u.id, failures, null);
      throw new AppError('E2002', { field: 'password', remainingAttempts: LOCKOUT_THRESHOLD - failures });
    }
    await repos.users.setLoginState(u.id, 0, null);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const at = now.toISOString();
    await repos.sessions.insert({ id: sessionId(token), userId: u.id, csrfToken, createdAt: at, lastSeenAt: at });
    return { token, ...(await this.authenticated(u, csrfToken, sessionId(token))) };
  }

  async logout(token: string): Promise<void> {
    await this.store.repos.sessions.delete(sessionId(token));
  }

  /** The actor behind a session cookie; throws E2001 (none/unknown) or E2004 (idle too long). */
  async authenticate(token: string | undefined): Promise<Authenticated> {
    if (!token) throw new AppError('E2001');
    const repos = this.store.repos;
    const id = sessionId(token);
    const s = await repos.sessions.get(id);
    if (!s) throw new AppError('E2001');
    const now = this.clock.now();
    const idleMs = now.getTime() - new Date(s.lastSeenAt).getTime();
    if (idleMs > IDLE_TIMEOUT_MINUTES * 60_000) {
      await repos.sessions.delete(id);
      throw new AppError('E2004');
    }
    // Every request counts as activity, so the idle limit is measured from the last one exactly.
    await repos.sessions.touch(id, now.toISOString());
    const u = await repos.users.byId(s.userId);
    if (!u) throw new AppError('E2001');
    if (u.disabled) throw new AppError('E2007');
    return this.authenticated(u, s.csrfToken, id);
  }

  /** The actor for a named user (the CLI's `--as`), without a password: operators act for users. */
  async actorFor(username: string): Promise<Actor> {
    const u = await this.store.repos.users.byUsername(username);
    if (!u) throw new AppError('E1103', { field: '--as', value: username });
    if (u.disabled) throw new AppError('E2007');
    return (await this.authenticated(u, '', '')).actor;
  }

  private async authenticated(u: UserRecord, csrfToken: string, id: string): Promise<Authenticated> {
    const r = await resolveScope(this.store.repos, u.scopeCode);
    return {
      actor: { username: u.username, role: u.role, scope: r.scope },
      user: { username: u.username, displayName: u.displayName, role: u.role, scopeCode: u.scopeCode, scopeName: r.name, scopeLevel: r.level },
      csrfToken,
      sessionId: id,
    };
  }
}
