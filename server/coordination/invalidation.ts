import type { Redis } from 'ioredis';

/** What a change on one app server makes the others read again. */
export type InvalidationTopic = 'screening' | 'entries';

const TOPICS: readonly InvalidationTopic[] = ['screening', 'entries'];

/**
 * Tells every app server that cached data changed. With Redis, a change published on one server reaches the others
 * at once (pub/sub); without it, only this server hears it, so caches on a multi-server PostgreSQL install also
 * expire on a timer (see `REFRESH_WITHOUT_REDIS_MS`).
 */
export interface Invalidation {
  /** Whether other app servers hear `publish` (Redis configured). */
  readonly shared: boolean;
  publish(topic: InvalidationTopic): Promise<void>;
  on(topic: InvalidationTopic, listener: () => void | Promise<void>): void;
  close(): Promise<void>;
}

/** The longest a cached change may go unseen by another server when there is no Redis. */
export const REFRESH_WITHOUT_REDIS_MS = 30_000;

type Listeners = Map<InvalidationTopic, Array<() => void | Promise<void>>>;

function notify(listeners: Listeners, topic: InvalidationTopic, onError: (err: unknown) => void): void {
  for (const listener of listeners.get(topic) ?? []) {
    Promise.resolve()
      .then(listener)
      .catch(onError);
  }
}

function listen(listeners: Listeners, topic: InvalidationTopic, listener: () => void | Promise<void>): void {
  listeners.set(topic, [...(listeners.get(topic) ?? []), listener]);
}

export function localInvalidation(onError: (err: unknown) => void): Invalidation {
  const listeners: Listeners = new Map();
  return {
    shared: false,
    async publish(topic) {
      notify(listeners, topic, onError);
    },
    on: (topic, listener) => listen(listeners, topic, listener),
    async close() {},
  };
}

/**
 * Pub/sub over a dedicated subscriber connection (a subscribed Redis connection can do nothing else). The server
 * that publishes hears its own message too, so every server reloads the same way.
 */
export async function redisInvalidation(redis: Redis, channel: string, onError: (err: unknown) => void): Promise<Invalidation> {
  const listeners: Listeners = new Map();
  const subscriber = redis.duplicate();
  subscriber.on('error', onError);
  await subscriber.subscribe(channel);
  subscriber.on('message', (_channel: string, message: string) => {
    const topic = TOPICS.find((t) => t === message);
    if (topic) notify(listeners, topic, onError);
  });
  return {
    shared: true,
    async publish(topic) {
      await redis.publish(channel, topic);
    },
    on: (topic, listener) => listen(listeners, topic, listener),
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
