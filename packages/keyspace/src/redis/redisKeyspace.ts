import type { Keyspace, KeyspaceOptions } from '../keyspace.ts';
import { closeRedis, createRedis } from './redisClient.ts';
import { createRedisLocks } from './redisLocks.ts';
import { createRedisPubSub } from './redisPubSub.ts';
import { createRedisStore } from './redisStore.ts';

/** The keyspace on a Redis server: one command connection, and one for pub/sub if used. */
export function connectRedisKeyspace(url: string, options: KeyspaceOptions): Keyspace {
  const { name, keyPrefix = '', logger } = options;
  const redis = createRedis(url, { name, keyPrefix, logger });
  const pubSub = createRedisPubSub({
    publisher: redis,
    openSubscriber: () => createRedis(url, { name: `${name}-subscriber`, logger }),
    prefix: keyPrefix,
  });
  return {
    store: createRedisStore(redis),
    pubSub,
    locks: (namespace) => createRedisLocks(redis, namespace),
    async ping() {
      await redis.ping();
    },
    async close() {
      await Promise.allSettled([pubSub.close(), closeRedis(redis)]);
    },
  };
}
