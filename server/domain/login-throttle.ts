import { memoryFailureCounters, type FailureCounter, type FailureCounters } from '../coordination/counters';

/**
 * Slows password guessing without letting anyone lock an account: failures are counted per
 * (username, address) and per address, never per account alone, so the owner at another
 * address always gets in. After a few free tries each further failure doubles the wait.
 * With several app servers the counters live in Redis, so a guesser cannot spread attempts across servers.
 */
export interface LoginThrottle {
  /** Milliseconds the caller must still wait, or 0. */
  waitMs(username: string, address: string, now?: number): Promise<number>;
  recordFailure(username: string, address: string, now?: number): Promise<void>;
  recordSuccess(username: string, address: string): Promise<void>;
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

export function createLoginThrottle(
  counters: FailureCounters = memoryFailureCounters(),
  rules = THROTTLE_RULES,
): LoginThrottle {
  const accountKey = (username: string, address: string) => `a\u0000${username.trim().toLowerCase()}\u0000${address}`;
  const addressKey = (address: string) => `i\u0000${address}`;

  async function current(key: string, now: number): Promise<FailureCounter | undefined> {
    const counter = await counters.get(key);
    // `now` may be earlier than real time in tests, so expiry is judged here too, not only by the store's TTL.
    if (counter && now - counter.lastFailure > rules.forgetAfterMs) {
      await counters.delete(key);
      return undefined;
    }
    return counter;
  }

  async function bump(key: string, free: number, now: number): Promise<void> {
    await current(key, now); // forgets a stale counter first
    const failures = await counters.add(key, now, rules.forgetAfterMs + rules.maxDelayMs);
    await counters.block(key, now + delayFor(failures, free));
  }

  return {
    async waitMs(username, address, now = Date.now()) {
      const [account, place] = await Promise.all([current(accountKey(username, address), now), current(addressKey(address), now)]);
      return Math.max(0, Math.max(account?.blockedUntil ?? 0, place?.blockedUntil ?? 0) - now);
    },
    async recordFailure(username, address, now = Date.now()) {
      await bump(accountKey(username, address), rules.perAccountFree, now);
      await bump(addressKey(address), rules.perAddressFree, now);
    },
    async recordSuccess(username, address) {
      await counters.delete(accountKey(username, address));
    },
  };
}
