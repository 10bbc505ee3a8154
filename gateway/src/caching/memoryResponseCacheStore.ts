import { LRUCache } from 'lru-cache';
import type { Lookup, ResponseCacheStore, StoredAnswer } from './responseCacheStore.ts';

/**
 * The response cache in this process (embedded mode, where one gateway serves everything):
 * the same clock, stamps and floor as on Redis, each step synchronous. Entries are bounded
 * by their total size; stamps by count. A stamp pushed out before its time would forget a
 * purge, so it raises the floor to its value instead: every entry read before it retires.
 */
export function createMemoryResponseCacheStore(options: {
  tagTtlMs: number;
  maxBytes: number;
  maxTags?: number;
}): ResponseCacheStore {
  let clock = 0;
  let floor = 0;
  const entries = new LRUCache<string, StoredAnswer>({
    maxSize: options.maxBytes,
    sizeCalculation: (answer) => Math.max(1, answer.body.length + answer.tags.length * 32),
  });
  const stamps = new LRUCache<string, number>({
    max: options.maxTags ?? 200_000,
    ttl: options.tagTtlMs,
    dispose(stamp, _tag, reason) {
      if (reason === 'evict') floor = Math.max(floor, stamp);
    },
  });
  return {
    available: () => true,
    async lookup(key): Promise<Lookup> {
      const answer = entries.get(key);
      if (!answer) return { outcome: 'miss', clock };
      const stale =
        answer.clock < floor || answer.tags.some((tag) => (stamps.get(tag) ?? 0) > answer.clock);
      if (stale) {
        entries.delete(key);
        return { outcome: 'stale', clock };
      }
      return { outcome: 'hit', clock, body: answer.body, ttlMs: entries.getRemainingTTL(key) };
    },
    async store(key, answer, ttlMs) {
      entries.set(key, answer, { ttl: Math.max(1, Math.round(ttlMs)) });
    },
    async purge(tags) {
      if (!tags.length) return;
      clock += 1;
      for (const tag of tags) stamps.set(tag, clock);
    },
    async retireAll() {
      clock += 1;
      floor = clock;
    },
    async close() {
      entries.clear();
      stamps.clear();
    },
  };
}
