import { describe, expect, it } from 'vitest';
import { testRedis } from '../../tests/helpers/redis';
import { redisInvalidation } from './invalidation';

describe('redisInvalidation', () => {
  it("tells the other app servers which county's data changed, and not the sender itself", async () => {
    const redis = await testRedis('the shared invalidation', 'Redis 未运行：跳过缓存失效广播测试');
    if (!redis) return;
    const channel = `xfm-test:${process.pid}:${Date.now()}:invalidate`;
    const fail = (err: unknown) => {
      throw err;
    };
    const [serverA, serverB] = [await redisInvalidation(redis, channel, fail), await redisInvalidation(redis, channel, fail)];
    try {
      const heard = { a: [] as Array<string | null>, b: [] as Array<string | null> };
      serverA.on('screening', (county) => void heard.a.push(county));
      serverB.on('screening', (county) => void heard.b.push(county));
      const entries: Array<string | null> = [];
      serverB.on('entries', (county) => void entries.push(county));

      await serverA.publish('screening', '330326000000');
      await serverA.publish('screening', null);
      await serverA.publish('entries');
      await expect.poll(() => entries.length).toBe(1);
      expect(heard.b).toEqual(['330326000000', null]);
      expect(heard.a).toEqual([]);
      expect(entries).toEqual([null]);
    } finally {
      await serverA.close();
      await serverB.close();
      await redis.quit();
    }
  });
});
