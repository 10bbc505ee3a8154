import { Redis } from 'ioredis';

/**
 * A Redis client that fails commands fast while the server is unreachable (instead of
 * queueing them forever) and keeps reconnecting in the background.
 */
export function createRedis(url: string, name: string, keyPrefix = ''): Redis {
  return new Redis(url, {
    connectionName: name,
    keyPrefix,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
}
