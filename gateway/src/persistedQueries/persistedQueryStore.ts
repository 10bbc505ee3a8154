import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { KeyValueStore } from '@cinegraph/keyspace';
import type { Counter } from 'prom-client';
import type { ManifestRegistry } from './manifestRegistry.ts';

/** Apollo Server prefixes persisted-query keys with this; the store keeps it. */
export const APQ_PREFIX = 'apq:';

/**
 * Where Apollo Server's persisted-query support finds a query by its hash: first the
 * manifests (operations registered ahead of time, called by id), then the automatic
 * persisted queries clients registered, kept in the keyspace's store so that every gateway
 * replica shares them. Registration writes to the store only.
 */
export function createPersistedQueryStore(options: {
  store: KeyValueStore;
  manifests: ManifestRegistry;
  ttlSeconds: number;
  lookups: Counter<'source' | 'outcome'>;
}): KeyValueCache<string> {
  const { store, manifests, lookups } = options;
  const hashOf = (key: string) => (key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
  return {
    async get(key) {
      const hash = hashOf(key);
      const fromManifest = manifests.bodyById(hash);
      if (fromManifest !== undefined) {
        lookups.inc({ source: 'manifest', outcome: 'hit' });
        return fromManifest;
      }
      const stored = await store.get(`${APQ_PREFIX}${hash}`);
      lookups.inc({ source: 'apq', outcome: stored === null ? 'miss' : 'hit' });
      return stored ?? undefined;
    },
    async set(key, value, setOptions?: KeyValueCacheSetOptions) {
      const ttl = setOptions?.ttl ?? options.ttlSeconds;
      await store.set(`${APQ_PREFIX}${hashOf(key)}`, value, {
        ttlMs: Math.max(1, Math.round(ttl)) * 1000,
      });
    },
    async delete(key) {
      await store.delete([`${APQ_PREFIX}${hashOf(key)}`]);
    },
  };
}
