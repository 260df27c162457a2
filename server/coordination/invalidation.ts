import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What a change on one app server makes the others read again. */
export type InvalidationTopic = 'screening' | 'entries';

const TOPICS: readonly InvalidationTopic[] = ['screening', 'entries'];

/**
 * Tells the other app servers that cached data changed (the server that made the change has already re-read it).
 * With Redis a change reaches the others at once (pub/sub); without it nobody else hears, so on a multi-server
 * PostgreSQL install without Redis caches are also re-read on a timer (see `REFRESH_WITHOUT_REDIS_MS`).
 */
export interface Invalidation {
  /** Whether other app servers hear `publish` (Redis configured). */
  readonly shared: boolean;
  /** county (#16): whose data changed (null: the province's, or every county's); the listeners are told. */
  publish(topic: InvalidationTopic, county?: string | null): Promise<void>;
  on(topic: InvalidationTopic, listener: Listener): void;
  close(): Promise<void>;
}

/** The longest a cached change may go unseen by another server when there is no Redis. */
export const REFRESH_WITHOUT_REDIS_MS = 30_000;

type Listener = (county: string | null) => void | Promise<void>;
type Listeners = Map<InvalidationTopic, Listener[]>;

function notify(listeners: Listeners, topic: InvalidationTopic, county: string | null, onError: (err: unknown) => void): void {
  for (const listener of listeners.get(topic) ?? []) {
    Promise.resolve()
      .then(() => listener(county))
      .catch(onError);
  }
}

function listen(listeners: Listeners, topic: InvalidationTopic, listener: Listener): void {
  listeners.set(topic, [...(listeners.get(topic) ?? []), listener]);
}

/** One server alone: there is nobody to tell. */
export function localInvalidation(): Invalidation {
  return {
    shared: false,
    async publish() {},
    on() {},
    async close() {},
  };
}

/**
 * Pub/sub over a dedicated subscriber connection (a subscribed Redis connection can do nothing else). Each message
 * names the server that sent it, which ignores its own, and the county whose data changed when there is one.
 */
export async function redisInvalidation(redis: Redis, channel: string, onError: (err: unknown) => void): Promise<Invalidation> {
  const listeners: Listeners = new Map();
  const subscriber = redis.duplicate();
  subscriber.on('error', onError);
  await subscriber.subscribe(channel);
  const self = randomUUID();
  subscriber.on('message', (_channel: string, message: string) => {
    const [name, sender, county] = message.split(' ');
    const topic = TOPICS.find((t) => t === name);
    if (topic && sender !== self) notify(listeners, topic, county || null, onError);
  });
  return {
    shared: true,
    async publish(topic, county = null) {
      await redis.publish(channel, county === null ? `${topic} ${self}` : `${topic} ${self} ${county}`);
    },
    on: (topic, listener) => listen(listeners, topic, listener),
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
