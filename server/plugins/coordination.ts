import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { Redis } from 'ioredis';
import { memoryFailureCounters, redisFailureCounters, type FailureCounters } from '../coordination/counters';
import { localInvalidation, redisInvalidation, type Invalidation } from '../coordination/invalidation';

declare module 'fastify' {
  interface FastifyInstance {
    coordination: {
      /** Set with REDIS_URL: rate limits, login throttling and cache invalidation shared by every app server. */
      redis?: Redis;
      invalidation: Invalidation;
      /** Failure counters (login throttling) shared by every app server when Redis is configured, else kept in this process. */
      failureCounters(prefix: string): FailureCounters;
    };
  }
}

const KEY_PREFIX = 'xfm:';

/** Fails start-up with a clear line when REDIS_URL is set but nothing answers there. */
async function connect(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true, connectTimeout: 5_000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`无法连接 REDIS_URL 指定的 Redis：${(err as Error).message}`, { cause: err });
  }
  return redis;
}

/**
 * What several app servers must agree on. Without REDIS_URL everything stays in this process, which is exactly
 * right for one county on SQLite; a province on PostgreSQL sets REDIS_URL (see README, "Running a province").
 */
const coordinationPlugin: FastifyPluginAsync<{ redisUrl?: string }> = async (app, { redisUrl }) => {
  const onError = (err: unknown) => app.log.warn({ err }, 'coordination');
  if (!redisUrl) {
    app.decorate('coordination', { invalidation: localInvalidation(), failureCounters: () => memoryFailureCounters() });
    return;
  }
  const redis = await connect(redisUrl);
  redis.on('error', onError);
  const invalidation = await redisInvalidation(redis, `${KEY_PREFIX}invalidate`, onError);
  app.decorate('coordination', {
    redis,
    invalidation,
    failureCounters: (prefix: string) => redisFailureCounters(redis, `${KEY_PREFIX}${prefix}:`),
  });
  app.addHook('onClose', async () => {
    await invalidation.close();
    await redis.quit().catch(() => redis.disconnect());
  });
};

export default fp(coordinationPlugin, { name: 'coordination' });
