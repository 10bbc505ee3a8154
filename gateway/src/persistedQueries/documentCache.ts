import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import type { Counter } from 'prom-client';

/**
 * Apollo Server's cache of parsed and validated operations, keyed by the operation's
 * hash, with its hits and misses counted: a hit skips parsing and validation.
 */
export function createDocumentCache(
  lookups: Counter<'outcome'>,
  maxEntries = 10_000,
): KeyValueCache<DocumentNode> {
  const cache = new InMemoryLRUCache<DocumentNode>({ max: maxEntries });
  return {
    async get(key) {
      const found = await cache.get(key);
      lookups.inc({ outcome: found ? 'hit' : 'miss' });
      return found;
    },
    set: (key, value, options) => cache.set(key, value, options),
    delete: (key) => cache.delete(key),
  };
}
