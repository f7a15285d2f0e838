/** Typed builders for users and the actors behind them. */
import type { Role } from '../../../src/domain/user.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src/server/platform/access/actor.js';
import type { TestContext } from '../test-context.js';

/** A password the rules accept, distinct per user. */
export const testPassword = (username: string) => `Kq7#${username.slice(0, 3)}-Zw9x`;

export interface TestUser {
  username: string;
  password: string;
  role: Role;
  scopeCode: string;
}

let n = 0;

/** Creates a user through the service (as the system), with a password the rules accept. */
export async function createTestUser(ctx: TestContext, u: { role: Role; scopeCode: string; username?: string; password?: string }): Promise<TestUser> {
  const username = u.username ?? `u${++n}${Math.random().toString(36).slice(2, 6)}`;
  const password = u.password ?? testPassword(username);
  await ctx.services.users.create(SYSTEM_ACTOR, { username, password, role: u.role, scopeCode: u.scopeCode });
  return { username, password, role: u.role, scopeCode: u.scopeCode };
}

/**
 * A new user of this role and scope, as the actor a service receives for it (its scope
 * resolved as at login) — for service tests that need no HTTP.
 */
export async function createTestActor(ctx: TestContext, u: { role: Role; scopeCode: string; username?: string }): Promise<Actor> {
  const user = await createTestUser(ctx, u);
  return ctx.services.auth.actorFor(user.username);
}

// Kept here for the suites that import them from this file.
export { createTestSession, testApp } from './sessions.js';
