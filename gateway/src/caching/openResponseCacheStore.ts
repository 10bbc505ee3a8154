import { createRedis } from '@cinegraph/keyspace';
import type { Logger } from 'pino';
import { createMemoryResponseCacheStore } from './memoryResponseCacheStore.ts';
import { createRedisResponseCacheStore } from './redisResponseCacheStore.ts';
import type { ResponseCacheStore } from './responseCacheStore.ts';

/**
 * The response cache's store in the gateway's keyspace: Redis (its own connection, which
 * fails fast while Redis is away), or, for a `memory://` keyspace (embedded mode, one
 * gateway), this process.
 */
export function openResponseCacheStore(options: {
  url: string;
  keyPrefix: string;
  logger: Logger;
  /** How long a purge's stamps are kept: longer than any answer lives. */
  tagTtlMs: number;
  memoryMaxBytes: number;
}): ResponseCacheStore {
  if (new URL(options.url).protocol === 'memory:')
    return createMemoryResponseCacheStore({
      tagTtlMs: options.tagTtlMs,
      maxBytes: options.memoryMaxBytes,
    });
  const redis = createRedis(options.url, {
    name: 'gateway-response-cache',
    keyPrefix: options.keyPrefix,
    logger: options.logger,
  });
  const store = createRedisResponseCacheStore(redis, options.tagTtlMs);
  return {
    ...store,
    async close() {
      redis.disconnect();
    },
  };
}
