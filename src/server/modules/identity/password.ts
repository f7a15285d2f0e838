/**
 * Passwords: hashing with argon2id (the library's defaults: 64 MiB, t=3, p=4), and the rules for
 * a new password — the complexity rule of the domain, then a strength estimate (zxcvbn-ts with
 * its common-password and keyboard-pattern dictionaries) that refuses `Password1`, `P@ssw0rd`
 * and passwords built from the username.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';
import { AppError } from '../../../domain/errors.js';
import { passwordMeetsPolicy } from '../../../domain/user.js';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * The fewest guesses the estimate must give a new password: 10^8, what zxcvbn gives eight random
 * characters (`Admin@123` gets 4·10^7, `1qaz@WSX` 10^6, `Password1` 500).
 */
export const MIN_GUESSES = 1e8;

let estimator: ZxcvbnFactory | null = null;
const guesses = (password: string, inputs: string[]): number => {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator.check(password, inputs).guesses;
};

/** Throws unless the password may be set for this user: E2006 (complexity), E2014 (the username), E2008 (too common). */
export function checkNewPassword(password: string, ctx: { username: string; displayName?: string }): void {
  if (!passwordMeetsPolicy(password)) throw new AppError('E2006', { field: 'password' });
  const lower = password.toLowerCase();
  if (ctx.username.length >= 3 && lower.includes(ctx.username.toLowerCase())) throw new AppError('E2014', { field: 'password' });
  if (guesses(password, [ctx.username, ctx.displayName ?? '', 'gtcm', 'tcm', 'zhongyi']) < MIN_GUESSES) throw new AppError('E2008', { field: 'password' });
}

/**
 * A hash of no one's password: an unknown or refused username is checked against it, so that
 * every failed login costs the same time whatever the reason.
 */
export class DummyHash {
  private hash: Promise<string> | null = null;

  async verify(password: string): Promise<false> {
    this.hash ??= hashPassword(`dummy-${Math.random()}`);
    await verifyPassword(await this.hash, password);
    return false;
  }
}
