import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { KeyValueStore } from '../keyValueStore.ts';

/** The key-value store on a Redis connection (whose `keyPrefix` prefixes every key). */
export function createRedisStore(redis: Redis): KeyValueStore {
  return {
    available: () => redis.status === 'ready',
    get: (key) => redis.get(key),
    async getMany(keys) {
      return keys.length ? redis.mget(...keys) : [];
    },
    async set(key, value, options = {}) {
      const args: (string | number)[] = [];
      if (options.keepTtl) args.push('KEEPTTL');
      else if (options.ttlMs !== undefined) args.push('PX', Math.max(1, Math.round(options.ttlMs)));
      if (options.onlyIfAbsent) args.push('NX');
      const answer = await redis.call('SET', key, value, ...args);
      return answer === 'OK';
    },
    async setMany(entries) {
      if (!entries.length) return;
      const write = redis.multi();
      for (const { key, value, ttlMs } of entries) {
        if (ttlMs === undefined) write.set(key, value);
        else write.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
      }
      const results = await write.exec();
      const failed = results?.find(([error]) => error);
      if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
    },
    async delete(keys) {
      return keys.length ? redis.del(...keys) : 0;
    },
    async increment(key, windowMs) {
      const results = await redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
      const [error, count] = results?.[0] ?? [new Error('transaction discarded')];
      if (error) throw error;
      return count as number;
    },
    async ttl(key) {
      const ms = await redis.pttl(key);
      return ms < 0 ? null : ms;
    },
    rateLimiter({ name, points, durationSeconds }) {
      const window = { points, duration: durationSeconds };
      return new RateLimiterRedis({
        ...window,
        storeClient: redis,
        keyPrefix: `ratelimit:${name}`,
        // While Redis is away, count in this process instead of failing or waiting.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(window),
      });
    },
  };
}
