import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { KeyValueStore } from '../keyValueStore.ts';
import type { MemoryServer } from './memoryServer.ts';

/** The key-value store in-process, with Redis's semantics (see the contract tests). */
export function createMemoryStore(server: MemoryServer, prefix: string): KeyValueStore {
  const full = (key: string) => `${prefix}${key}`;
  return {
    available: () => true,
    get: async (key) => server.get(full(key)),
    getMany: async (keys) => keys.map((key) => server.get(full(key))),
    async set(key, value, options = {}) {
      const name = full(key);
      if (options.onlyIfAbsent && server.get(name) !== null) return false;
      if (options.keepTtl) server.replace(name, value);
      else server.set(name, value, options.ttlMs);
      return true;
    },
    async setMany(entries) {
      for (const { key, value, ttlMs } of entries) server.set(full(key), value, ttlMs);
    },
    async delete(keys) {
      return keys.filter((key) => server.delete(full(key))).length;
    },
    async increment(key, windowMs) {
      const name = full(key);
      const current = server.get(name);
      const count = (current === null ? 0 : Number(current)) + 1;
      if (!Number.isSafeInteger(count)) throw new Error('value is not an integer');
      server.replace(name, String(count));
      server.expireIfNone(name, windowMs);
      return count;
    },
    ttl: async (key) => server.ttl(full(key)),
    rateLimiter({ name, points, durationSeconds }) {
      // One limiter per budget and server, so every part of the process counts together.
      const id = `${full(`ratelimit:${name}`)}|${points}|${durationSeconds}`;
      let limiter = server.rateLimiters.get(id);
      if (!limiter) {
        limiter = new RateLimiterMemory({ points, duration: durationSeconds });
        server.rateLimiters.set(id, limiter);
      }
      return limiter;
    },
  };
}
