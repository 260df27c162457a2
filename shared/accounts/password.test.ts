import { describe, expect, it } from 'vitest';
import { PASSWORD_MESSAGES, passwordError } from './password';

describe('staff password rule', () => {
  it.each([
    ['short', 'lx01', PASSWORD_MESSAGES.tooShort],
    ['lx01-staff', 'lx01-staff', PASSWORD_MESSAGES.sameAsUsername],
    ['Admin2026!', 'admin', PASSWORD_MESSAGES.sameAsUsername],
    ['river-stone-garden', 'admin', null],
    ['admin-by-the-river-bank', 'admin', null],
  ])('%j for %j → %j', (password, username, expected) => {
    expect(passwordError(password, username)).toBe(expected);
  });

  it('asks the given list whether a password is common', () => {
    expect(passwordError('river-stone-garden', 'lx01', (p) => p === 'river-stone-garden')).toBe(PASSWORD_MESSAGES.common);
  });
});
