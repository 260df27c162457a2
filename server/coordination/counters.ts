import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Failures counted under one key (a username at an address, or an address), and the wait they earned. */
export interface FailureCounter {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

/**
 * Failure counters kept where every app server sees them: in Redis when one is configured, else in this process
 * (bounded, so a flood of invented keys cannot grow memory). Counting is atomic, so two failures at the same instant
 * on two servers count twice.
 */
export interface FailureCounters {
  get(key: string): Promise<FailureCounter | undefined>;
  /** Counts one more failure at `now` and returns the new count; the counter is forgotten `ttlMs` after its last failure. */
  add(key: string, now: number, ttlMs: number): Promise<number>;
  /** Raises the counter's wait to `until`, never lowers it (another server may have counted a later failure). */
  block(key: string, until: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryFailureCounters(max = 50_000): FailureCounters {
  const cache = new LRUCache<string, FailureCounter>({ max });
  return {
    get: async (key) => cache.get(key),
    async add(key, now, ttlMs) {
      const counter = cache.get(key) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
      counter.failures += 1;
      counter.lastFailure = now;
      cache.set(key, counter, { ttl: ttlMs });
      return counter.failures;
    },
    async block(key, until) {
      const counter = cache.get(key);
      if (counter) counter.blockedUntil = Math.max(counter.blockedUntil, until);
    },
    delete: async (key) => void cache.delete(key),
  };
}

// One round trip each, atomic on the Redis server.
const ADD = `local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'lastFailure', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n`;
const BLOCK = `if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('HGET', KEYS[1], 'blockedUntil') or '0') < tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'blockedUntil', ARGV[1])
end
return 0`;

export function redisFailureCounters(redis: Redis, prefix: string): FailureCounters {
  return {
    async get(key) {
      const fields = await redis.hgetall(prefix + key);
      if (fields.failures === undefined) return undefined;
      return { failures: Number(fields.failures), blockedUntil: Number(fields.blockedUntil ?? 0), lastFailure: Number(fields.lastFailure ?? 0) };
    },
    async add(key, now, ttlMs) {
      return Number(await redis.eval(ADD, 1, prefix + key, String(now), String(Math.max(1, Math.ceil(ttlMs)))));
    },
    async block(key, until) {
      await redis.eval(BLOCK, 1, prefix + key, String(until));
    },
    async delete(key) {
      await redis.del(prefix + key);
    },
  };
}
