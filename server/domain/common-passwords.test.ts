import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('common passwords', () => {
  it('knows the passwords people commonly choose, in any case and with digits or symbols added at the end', () => {
    for (const p of ['qwertyuiop', '1q2w3e4r5t', 'Password123', 'password2026!', 'BASKETBALL', 'woaini1314']) expect(isCommonPassword(p), p).toBe(true);
  });

  it('lets a made-up phrase through', () => {
    for (const p of ['correct-horse-battery', 'lingxi-desk-staff-7', 'a-brand-new-password']) expect(isCommonPassword(p), p).toBe(false);
  });
});
