/** Typed builders for the HTTP app and logged-in sessions on it. */
import type { Role } from '../../../src/domain/user.js';
import { buildApp, type App } from '../../../src/server/platform/app.js';
import { client, login, type Client } from '../http.js';
import type { TestContext } from '../test-context.js';
import { createTestUser, type TestUser } from './users.js';

export async function testApp(ctx: TestContext): Promise<App> {
  return buildApp(ctx, { logger: false });
}

/** A logged-in client for a user (through POST /api/auth/login). */
export async function createTestSession(app: App, user: { username: string; password: string }): Promise<Client>;
export async function createTestSession(app: App, username: string, password: string): Promise<Client>;
export async function createTestSession(app: App, user: string | { username: string; password: string }, password?: string): Promise<Client> {
  const u = typeof user === 'string' ? { username: user, password: password! } : user;
  return client(app, await login(app, u.username, u.password));
}

/** A new user of this role and scope, logged in. */
export async function createTestUserSession(ctx: TestContext, app: App, u: { role: Role; scopeCode: string; username?: string }): Promise<{ user: TestUser; client: Client }> {
  const user = await createTestUser(ctx, u);
  return { user, client: await createTestSession(app, user) };
}
