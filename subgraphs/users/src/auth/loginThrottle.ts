import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createError } from '@cinegraph/service-kit';

export interface LoginThrottle {
  /** Throws RATE_LIMITED while this email and IP have used up their attempts. */
  assertAllowed(email: string, ip: string): Promise<void>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
}

/**
 * Fixed-window login throttling per (email, IP) in Redis: after `maxFailures` failed
 * attempts within `windowSeconds` of the first, further attempts are refused until the
 * window passes. A success clears the count.
 */
export function createLoginThrottle(
  redis: Redis,
  maxFailures = 5,
  windowSeconds = 15 * 60,
): LoginThrottle {
  const keyOf = (email: string, ip: string) =>
    `users:login-failures:${createHash('sha256').update(`${email}\u0000${ip}`).digest('hex')}`;
  return {
    async assertAllowed(email, ip) {
      const key = keyOf(email, ip);
      const [[, count], [, ttl]] = (await redis.multi().get(key).ttl(key).exec()) as [
        [Error | null, string | null],
        [Error | null, number],
      ];
      if (Number(count ?? 0) >= maxFailures) {
        const retryAfter = Math.max(ttl, 1);
        throw createError(
          'RATE_LIMITED',
          `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
          {
            retryAfterSeconds: retryAfter,
          },
        );
      }
    },
    async recordFailure(email, ip) {
      const key = keyOf(email, ip);
      await redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
    },
    async recordSuccess(email, ip) {
      await redis.del(keyOf(email, ip));
    },
  };
}
