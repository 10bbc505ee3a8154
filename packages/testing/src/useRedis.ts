import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { testEnvironment, uniqueId } from './environment.ts';

/** Deletes every key under a prefix (SCAN, not KEYS, so a shared Redis is not blocked). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

/** A Redis client whose keys all live under a unique prefix, removed after the file's tests. */
export function useRedis(): { redis: Redis; prefix: string } {
  const prefix = `cg_test_${uniqueId()}:`;
  const redis = new Redis(testEnvironment.redisUrl, { keyPrefix: prefix, lazyConnect: false });
  afterAll(async () => {
    const admin = new Redis(testEnvironment.redisUrl);
    await deleteKeys(admin, prefix);
    admin.disconnect();
    redis.disconnect();
  });
  return { redis, prefix };
}
