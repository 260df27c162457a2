import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * Small expiring records (login failures) kept where every app server sees them: in Redis when one is
 * configured, else in this process (bounded, so a flood of invented keys cannot grow memory).
 */
export interface ExpiringRecords<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryRecords<T extends object>(max = 50_000): ExpiringRecords<T> {
  const cache = new LRUCache<string, T>({ max });
  return {
    get: async (key) => cache.get(key),
    set: async (key, value, ttlMs) => void cache.set(key, value, { ttl: ttlMs }),
    delete: async (key) => void cache.delete(key),
  };
}

export function redisRecords<T>(redis: Redis, prefix: string): ExpiringRecords<T> {
  return {
    async get(key) {
      const text = await redis.get(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as T);
    },
    async set(key, value, ttlMs) {
      await redis.set(prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    async delete(key) {
      await redis.del(prefix + key);
    },
  };
}
