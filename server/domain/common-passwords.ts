import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordError } from '../../shared/accounts/password';

/**
 * Passwords people commonly choose: the ~49 000-entry list zxcvbn-ts maintains (from public password
 * leaks), compared without case. Built on first use, so processes that never check a password skip it.
 */
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  // A common password with digits or punctuation stuck on the end ("password2026!") is no better.
  return common.has(lower) || common.has(lower.replace(/[\d\W_]+$/, ''));
}

/** The shared password rule with the common-password list applied: null, or the Chinese message. */
export function staffPasswordError(password: string, username: string): string | null {
  return passwordError(password, username, isCommonPassword);
}
