/** Typed builders for users and their sessions. */
import type { Role } from '../../../src/domain/user.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { SYSTEM_ACTOR } from '../../../src/server/platform/access/actor.js';
import { client, login, type Client } from '../http.js';
import type { TestContext } from '../test-context.js';

/** A password the rules accept, distinct per user. */
export const testPassword = (username: string) => `Kq7#${username.slice(0, 3)}-Zw9x`;

let n = 0;

/** Creates a user through the service (as the system), with a password the rules accept. */
export async function createTestUser(ctx: TestContext, u: { role: Role; scopeCode: string; username?: string; password?: string }) {
  const username = u.username ?? `u${++n}${Math.random().toString(36).slice(2, 6)}`;
  const password = u.password ?? testPassword(username);
  await ctx.services.users.create(SYSTEM_ACTOR, { username, password, role: u.role, scopeCode: u.scopeCode });
  return { username, password };
}

/** A logged-in client for a user. */
export async function createTestSession(app: App, username: string, password: string): Promise<Client> {
  return client(app, await login(app, username, password));
}

export async function testApp(ctx: TestContext): Promise<App> {
  return buildApp(ctx, { logger: false });
}
