import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisOptions {
  /** Shown in CLIENT LIST and in logs. */
  name: string;
  keyPrefix?: string;
  logger: Logger;
}

/**
 * A Redis client that fails commands fast while the server is unreachable (instead of
 * queueing them forever) and keeps reconnecting in the background. An outage is logged
 * once when it starts and once when it ends, not on every reconnection attempt.
 */
export function createRedis(url: string, { name, keyPrefix = '', logger }: RedisOptions): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    keyPrefix,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  let healthy = true;
  redis.on('error', (error: Error) => {
    if (healthy)
      logger.warn(
        { err: error.message, redis: name },
        'redis unavailable; retrying in the background',
      );
    healthy = false;
  });
  redis.on('ready', () => {
    if (!healthy) logger.info({ redis: name }, 'redis connection restored');
    healthy = true;
  });
  return redis;
}

/**
 * Closes a connection: politely (QUIT, after the commands already sent) while it is up,
 * at once while it is not, so that a process can stop during an outage.
 */
export async function closeRedis(redis: Redis, timeoutMs = 2_000): Promise<void> {
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    redis.quit().catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  redis.disconnect();
}
