import { describe, expect, it } from 'vitest';
import { createLoginThrottle, THROTTLE_RULES } from './login-throttle';

describe('login throttle', () => {
  it('lets a few failures through, then doubles the wait after each further failure', () => {
    const throttle = createLoginThrottle();
    const t0 = 1_000_000;
    for (let i = 0; i < THROTTLE_RULES.perAccountFree - 1; i++) throttle.recordFailure('admin', '10.0.0.1', t0);
    expect(throttle.waitMs('admin', '10.0.0.1', t0)).toBe(0);
    throttle.recordFailure('admin', '10.0.0.1', t0);
    expect(throttle.waitMs('admin', '10.0.0.1', t0)).toBe(1_000);
    throttle.recordFailure('admin', '10.0.0.1', t0 + 1_000);
    expect(throttle.waitMs('admin', '10.0.0.1', t0 + 1_000)).toBe(2_000);
  });

  it('never holds back the same account at another address', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 40; i++) throttle.recordFailure('admin', '10.0.0.1', 1_000);
    expect(throttle.waitMs('admin', '10.0.0.1', 1_000)).toBe(THROTTLE_RULES.maxDelayMs);
    expect(throttle.waitMs('admin', '10.0.0.2', 1_000)).toBe(0);
  });

  it('slows one address guessing many usernames', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < THROTTLE_RULES.perAddressFree; i++) throttle.recordFailure(`user${i}`, '10.0.0.9', 1_000);
    expect(throttle.waitMs('someone-new', '10.0.0.9', 1_000)).toBeGreaterThan(0);
  });

  it('a success clears the account’s counter at that address', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < THROTTLE_RULES.perAccountFree; i++) throttle.recordFailure('lx01', '10.0.0.3', 1_000);
    throttle.recordSuccess('lx01', '10.0.0.3');
    expect(throttle.waitMs('lx01', '10.0.0.3', 1_000)).toBe(0);
  });
});
