import { LRUCache } from 'lru-cache';

/**
 * Slows password guessing without letting anyone lock an account: failures are counted per
 * (username, address) and per address, never per account alone, so the owner at another
 * address always gets in. After a few free tries each further failure doubles the wait.
 */
export interface LoginThrottle {
  /** Milliseconds the caller must still wait, or 0. */
  waitMs(username: string, address: string, now?: number): number;
  recordFailure(username: string, address: string, now?: number): void;
  recordSuccess(username: string, address: string): void;
}

interface Counter {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export const THROTTLE_RULES = {
  /** Failures allowed for one username from one address before delays start. */
  perAccountFree: 5,
  /** Failures allowed from one address (any usernames) before delays start. */
  perAddressFree: 20,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  /** A counter with no failure for this long starts again from zero. */
  forgetAfterMs: 60 * 60_000,
} as const;

function delayFor(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE_RULES.firstDelayMs * 2 ** (failures - free), THROTTLE_RULES.maxDelayMs);
}

export function createLoginThrottle(rules = THROTTLE_RULES): LoginThrottle {
  // Bounded, so a flood of invented usernames or addresses cannot grow memory without limit.
  const counters = new LRUCache<string, Counter>({ max: 50_000 });
  const accountKey = (username: string, address: string) => `a\u0000${username.trim().toLowerCase()}\u0000${address}`;
  const addressKey = (address: string) => `i\u0000${address}`;

  function current(key: string, now: number): Counter | undefined {
    const counter = counters.get(key);
    if (counter && now - counter.lastFailure > rules.forgetAfterMs) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  }

  function bump(key: string, free: number, now: number): void {
    const counter = current(key, now) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    counter.failures += 1;
    counter.lastFailure = now;
    counter.blockedUntil = now + delayFor(counter.failures, free);
    counters.set(key, counter);
  }

  return {
    waitMs(username, address, now = Date.now()) {
      const blocked = Math.max(current(accountKey(username, address), now)?.blockedUntil ?? 0, current(addressKey(address), now)?.blockedUntil ?? 0);
      return Math.max(0, blocked - now);
    },
    recordFailure(username, address, now = Date.now()) {
      bump(accountKey(username, address), rules.perAccountFree, now);
      bump(addressKey(address), rules.perAddressFree, now);
    },
    recordSuccess(username, address) {
      counters.delete(accountKey(username, address));
    },
  };
}
