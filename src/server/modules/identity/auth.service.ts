/**
 * Login, sessions and request authentication (等保 level 3 practice): argon2id passwords; the
 * failure counter taken atomically before the password is checked, so parallel guesses cannot
 * outrun the lockout (5 failures lock for 15 minutes); one answer — status, body and time (a
 * dummy hash) — for an unknown user, a wrong password, a locked or a disabled account; failed
 * logins audited; sessions in the store ending after 30 minutes idle or an absolute lifetime,
 * swept as they expire, touched at most once a minute.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../domain/errors.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { scopeAreaCode } from '../../../domain/scope.js';
import { IDLE_TIMEOUT_MINUTES, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from '../../../domain/user.js';
import type { SecurityConfig } from '../../platform/config.js';
import type { UserRecord } from './user.repository.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { HashGate } from './hash-gate.js';
import { DummyHash, verifyPassword } from './password.js';
import { resolveScope } from '../../platform/access/scope.service.js';

export interface SessionUser {
  username: string;
  displayName: string;
  role: UserRecord['role'];
  scopeCode: string;
  scopeName: string;
  scopeLevel: number | null;
  /** The password was reset: every route but the password change refuses with E2009. */
  mustChangePassword: boolean;
}

export interface Authenticated {
  actor: Actor;
  user: SessionUser;
  csrfToken: string;
  sessionId: string;
  userId: number;
}

export interface LoginMeta {
  /** The client's address, for the audit record. */
  ip?: string;
  /** True once the client has hung up: its queued password check is skipped. */
  gone?: () => boolean;
}

/** A session is touched (its idle clock reset) at most this often. */
export const TOUCH_INTERVAL_MS = 60_000;
/** Expired sessions are swept at most this often per process. */
const SWEEP_INTERVAL_MS = 60_000;

/** Sessions are looked up by a hash of the cookie token, so a leaked table holds no usable token. */
export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export class AuthService {
  private readonly gate: HashGate;
  private readonly dummy = new DummyHash();
  private lastSweep = 0;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly security: SecurityConfig,
  ) {
    this.gate = new HashGate(security.loginConcurrency, security.loginConcurrency * 8);
  }

  async login(username: string, password: string, meta: LoginMeta = {}): Promise<{ token: string } & Authenticated> {
    return this.gate.run(() => this.checkLogin(username, password, meta), meta.gone);
  }

  private async checkLogin(username: string, password: string, meta: LoginMeta): Promise<{ token: string } & Authenticated> {
    const repos = this.store.repos;
    const now = this.clock.now();
    const u = await repos.users.byUsername(username);
    // The attempt is counted before the password is checked (null: locked, or no such account).
    const attempt = u && !u.disabled ? await repos.users.claimLoginAttempt(u.id, now.toISOString()) : null;
    const ok = u && attempt !== null && attempt <= LOCKOUT_THRESHOLD ? await verifyPassword(u.passwordHash, password) : await this.dummy.verify(password);
    if (!u || attempt === null || !ok) {
      await this.failed(username, u, attempt, meta, now);
      throw new AppError('E2002');
    }
    await repos.users.setLoginState(u.id, 0, null);
    await this.sweep(now);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const at = now.toISOString();
    await repos.sessions.insert({ id: sessionId(token), userId: u.id, csrfToken, createdAt: at, lastSeenAt: at });
    return { token, ...(await this.authenticated(u, csrfToken, sessionId(token))) };
  }

  /** Audits a failed login, and locks the account at the threshold. */
  private async failed(username: string, u: UserRecord | null, attempt: number | null, meta: LoginMeta, now: Date): Promise<void> {
    const reason = !u ? 'unknown_user' : u.disabled ? 'disabled' : attempt === null || attempt > LOCKOUT_THRESHOLD ? 'locked' : 'wrong_password';
    const resolved = u ? await resolveScope(this.store.repos, u.scopeCode).catch(() => null) : null;
    const areaCode = resolved ? scopeAreaCode(resolved.scope) : NATION_CODE;
    const actor: Actor = { username: u?.username ?? username.slice(0, 100), role: u?.role ?? 'VIEWER', scope: resolved?.scope ?? { kind: 'nation' } };
    await this.store.transaction(async (tx) => {
      await this.audit.record(tx, actor, { action: 'login_failed', entity: 'user', entityKey: actor.username, areaCode, after: { reason, ip: meta.ip ?? null, attempt } });
      if (u && attempt !== null && attempt >= LOCKOUT_THRESHOLD) {
        const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
        if (await tx.users.lock(u.id, until)) await this.audit.record(tx, actor, { action: 'locked', entity: 'user', entityKey: u.username, areaCode, after: { lockedUntil: until } });
      }
    });
  }

  /** Removes sessions past their idle or absolute limit (at most once a minute per process). */
  async sweep(now = this.clock.now()): Promise<number> {
    if (now.getTime() - this.lastSweep < SWEEP_INTERVAL_MS) return 0;
    this.lastSweep = now.getTime();
    const idle = new Date(now.getTime() - IDLE_TIMEOUT_MINUTES * 60_000).toISOString();
    const created = new Date(now.getTime() - this.security.sessionMaxHours * 3_600_000).toISOString();
    return this.store.repos.sessions.deleteExpired(idle, created);
  }

  async logout(token: string): Promise<void> {
    await this.store.repos.sessions.delete(sessionId(token));
  }

  /** The actor behind a session cookie; throws E2001 (none/unknown), E2004 (idle too long) or E2011 (lifetime over). */
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
    if (now.getTime() - new Date(s.createdAt).getTime() > this.security.sessionMaxHours * 3_600_000) {
      await repos.sessions.delete(id);
      throw new AppError('E2011');
    }
    // Activity is written at most once a minute, so reads do not queue behind session writes.
    if (idleMs >= TOUCH_INTERVAL_MS) await repos.sessions.touch(id, now.toISOString());
    const u = await repos.users.byId(s.userId);
    if (!u) throw new AppError('E2001');
    if (u.disabled) {
      await repos.sessions.deleteForUser(u.id);
      throw new AppError('E2007');
    }
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
      user: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        scopeCode: u.scopeCode,
        scopeName: r.name,
        scopeLevel: r.level,
        mustChangePassword: u.mustChangePassword,
      },
      csrfToken,
      sessionId: id,
      userId: u.id,
    };
  }
}
