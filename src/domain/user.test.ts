import { describe, expect, it } from 'vitest';
import { passwordMeetsPolicy } from './user.js';

describe('password policy (≥ 8 characters, 3 of 4 classes)', () => {
  it.each(['Demo@2024!', 'abcDEF12', 'abc123!@#', 'ABC123!@#'])('accepts %s', (p) => expect(passwordMeetsPolicy(p)).toBe(true));
  it.each(['Ab1!', 'abcdefgh', 'abcdefg1', 'ABCDEFGH1', '12345678!'])('rejects %s', (p) => expect(passwordMeetsPolicy(p)).toBe(false));
});
