import { Redis } from 'ioredis';

/** The Redis the tests share across app servers (127.0.0.1:6379 unless XFM_TEST_REDIS_URL says otherwise). */
export const TEST_REDIS_URL = process.env.XFM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A connection to the test Redis, or null (with one printed line naming what was not proved) where none answers.
 * CI must prove what needs Redis: there a missing Redis fails the test instead.
 */
export async function testRedis(proving: string, skippedLine: string): Promise<Redis | null> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const answers = await redis.connect().then(
    () => true,
    () => false,
  );
  if (answers) return redis;
  redis.disconnect();
  if (process.env.CI) throw new Error(`Redis does not answer at ${new URL(TEST_REDIS_URL).host} (CI must prove ${proving})`);
  console.warn(skippedLine);
  return null;
}
