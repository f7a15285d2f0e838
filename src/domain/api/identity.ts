/**
 * API schemas of identity (docs/API.md, "Authentication" and "Users and audit"): the session,
 * one's own password, and user accounts. Pure (zod and src/domain only).
 */
import { z } from 'zod';
import { ROLES } from '../user.js';
import { pageQuery, paged } from './common.js';

export const role = z.enum(ROLES);

// ---- the session

/** The logged-in user as the session knows them. */
export const sessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role,
  scopeCode: z.string().describe('CN, a division code or a facility code'),
  scopeName: z.string(),
  scopeLevel: z.number().int().nullable().describe('0 for CN, 1–5 for a division, null for a facility scope'),
  mustChangePassword: z.boolean().describe('the password was reset: every route but the password change answers E2009'),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** POST /api/auth/login and GET /api/auth/me. */
export const sessionAnswer = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionAnswer = z.infer<typeof sessionAnswer>;

export const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export type LoginBody = z.input<typeof loginBody>;

export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
export type PasswordChangeBody = z.input<typeof passwordChangeBody>;

// ---- user accounts

export const userView = z.object({
  username: z.string(),
  displayName: z.string(),
  role,
  scopeCode: z.string(),
  scopeName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable().describe('ISO time; the account is locked while it lies in the future'),
  mustChangePassword: z.boolean(),
});
export type UserView = z.infer<typeof userView>;

/** The users inside the caller's scope, a page at a time (at most 200 a page). */
export const userListQuery = z.object(pageQuery(200));
export type UserListQuery = z.input<typeof userListQuery>;

export const userListAnswer = paged(userView);
export type UserListAnswer = z.infer<typeof userListAnswer>;

export const userAnswer = z.object({ user: userView });
export type UserAnswer = z.infer<typeof userAnswer>;

export const userParams = z.object({ username: z.string().min(1).max(40) });

export const newUserBody = z.object({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
  role,
  scopeCode: z.string().min(1).max(40),
  displayName: z.string().max(100).optional(),
});
export type NewUserBody = z.input<typeof newUserBody>;

export const userChangesBody = z.object({
  displayName: z.string().max(100).optional(),
  role: role.optional(),
  scopeCode: z.string().min(1).max(40).optional(),
});
export type UserChangesBody = z.input<typeof userChangesBody>;

export const resetPasswordBody = z.object({ password: z.string().min(1).max(200) });
export type ResetPasswordBody = z.input<typeof resetPasswordBody>;

/** The lifecycle commands `POST /api/users/:username/<action>` (no body). */
export const USER_ACTIONS = ['disable', 'enable', 'unlock', 'end-sessions'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
