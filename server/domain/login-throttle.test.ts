import { describe, expect, it } from 'vitest';
import { testRedis } from '../../tests/helpers/redis';
import { redisFailureCounters } from '../coordination/counters';
import { createLoginThrottle, THROTTLE_RULES } from './login-throttle';

describe('login throttle', async () => {
  it('lets a few failures through, then doubles the wait after each further failure', async () => {
    const throttle = createLoginThrottle();
    const t0 = 1_000_000;
    for (let i = 0; i < THROTTLE_RULES.perAccountFree - 1; i++) await throttle.recordFailure('admin', '10.0.0.1', t0);
    expect(await throttle.waitMs('admin', '10.0.0.1', t0)).toBe(0);
    await throttle.recordFailure('admin', '10.0.0.1', t0);
    expect(await throttle.waitMs('admin', '10.0.0.1', t0)).toBe(1_000);
    await throttle.recordFailure('admin', '10.0.0.1', t0 + 1_000);
    expect(await throttle.waitMs('admin', '10.0.0.1', t0 + 1_000)).toBe(2_000);
  });

  it('never holds back the same account at another address', async () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 40; i++) await throttle.recordFailure('admin', '10.0.0.1', 1_000);
    expect(await throttle.waitMs('admin', '10.0.0.1', 1_000)).toBe(THROTTLE_RULES.maxDelayMs);
    expect(await throttle.waitMs('admin', '10.0.0.2', 1_000)).toBe(0);
  });

  it('slows one address guessing many usernames', async () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < THROTTLE_RULES.perAddressFree; i++) await throttle.recordFailure(`user${i}`, '10.0.0.9', 1_000);
    expect(await throttle.waitMs('someone-new', '10.0.0.9', 1_000)).toBeGreaterThan(0);
  });

  it('a success clears the account’s counter at that address', async () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < THROTTLE_RULES.perAccountFree; i++) await throttle.recordFailure('lx01', '10.0.0.3', 1_000);
    await throttle.recordSuccess('lx01', '10.0.0.3');
    expect(await throttle.waitMs('lx01', '10.0.0.3', 1_000)).toBe(0);
  });

  it('shares its counters through Redis, so a second app server sees the same wait', async () => {
    const redis = await testRedis('the shared throttle', 'Redis 未运行：跳过共享登录限制测试');
    if (!redis) return;
    const prefix = `xfm-test:${process.pid}:${Date.now()}:`;
    try {
      const serverA = createLoginThrottle(redisFailureCounters(redis, prefix));
      const serverB = createLoginThrottle(redisFailureCounters(redis, prefix));
      const now = Date.now();
      for (let i = 0; i < THROTTLE_RULES.perAccountFree; i++) await serverA.recordFailure('admin', '10.0.0.7', now);
      expect(await serverB.waitMs('admin', '10.0.0.7', now)).toBe(THROTTLE_RULES.firstDelayMs);
      await serverB.recordSuccess('admin', '10.0.0.7');
      expect(await serverA.waitMs('admin', '10.0.0.7', now)).toBe(0);

      // Failures at the same instant on both servers all count: ten at once earn the wait of the tenth.
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? serverA : serverB).recordFailure('lx02', '10.0.0.8', now)));
      const tenth = THROTTLE_RULES.firstDelayMs * 2 ** (10 - THROTTLE_RULES.perAccountFree);
      expect(await serverA.waitMs('lx02', '10.0.0.8', now)).toBe(tenth);
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
});
