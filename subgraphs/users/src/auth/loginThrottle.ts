import { createHash } from 'node:crypto';
import type { KeyValueStore } from '@cinegraph/keyspace';
import { createError } from '@cinegraph/service-kit';

export interface LoginThrottle {
  /** Throws RATE_LIMITED while this email and IP have used up their attempts. */
  assertAllowed(email: string, ip: string): Promise<void>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
}

/**
 * Fixed-window login throttling per (email, IP) in the keyspace's store: after `maxFailures` failed
 * attempts within `windowSeconds` of the first, further attempts are refused until the
 * window passes. A success clears the count.
 */
export function createLoginThrottle(
  store: KeyValueStore,
  maxFailures = 5,
  windowSeconds = 15 * 60,
): LoginThrottle {
  const keyOf = (email: string, ip: string) =>
    `users:login-failures:${createHash('sha256').update(`${email}\u0000${ip}`).digest('hex')}`;
  return {
    async assertAllowed(email, ip) {
      const key = keyOf(email, ip);
      const [count, ttlMs] = await Promise.all([store.get(key), store.ttl(key)]);
      if (Number(count ?? 0) >= maxFailures) {
        const retryAfter = Math.max(Math.ceil((ttlMs ?? 0) / 1000), 1);
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
      await store.increment(keyOf(email, ip), windowSeconds * 1000);
    },
    async recordSuccess(email, ip) {
      await store.delete([keyOf(email, ip)]);
    },
  };
}
