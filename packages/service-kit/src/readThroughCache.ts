import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '@cinegraph/keyspace';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { Counter } from 'prom-client';
import { withTimeout } from './withTimeout.ts';

export interface ReadThroughCacheOptions<Value> {
  /** Where entries live (Redis, or in-process in embedded mode). */
  store: KeyValueStore;
  /** Names the keys (`cache:<name>:...`) and the `cache` label of the metrics. */
  name: string;
  /** How long an entry lives if nothing invalidates it first. */
  ttlSeconds: number;
  registry: Registry;
  logger: Logger;
  /** A store round trip slower than this counts as an outage: the caller reads the database. */
  timeoutMs?: number;
  /** How a value becomes the JSON stored, and back (e.g. to revive dates). */
  encode?: (value: Value) => unknown;
  decode?: (stored: unknown) => Value;
}

export interface ReadThroughCache<Value> {
  /**
   * The value of each key: from the store when a current entry is there, otherwise from
   * `load` (called once with every missing key), whose answers are stored for the next
   * reader. `load` may leave a key out (nothing there); absence is not cached. When the
   * store is unavailable every key is loaded.
   */
  loadMany(
    keys: readonly string[],
    load: (missing: string[]) => Promise<Map<string, Value>>,
  ): Promise<Map<string, Value>>;
  /** Call after the change that makes these keys' entries wrong has committed. */
  invalidate(keys: readonly string[]): Promise<void>;
  /** Retires every entry at once (a new epoch): after a change that may touch any key. */
  invalidateAll(): Promise<void>;
}

/** An entry: the value and the generation (epoch and key version) it was read at. */
interface Entry {
  e: string;
  v: string;
  d: unknown;
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.e === 'string' &&
    typeof entry.v === 'string' &&
    'd' in entry
  );
}

const lookups = new WeakMap<Registry, Counter<'cache' | 'outcome'>>();

/** One counter per registry, shared by every cache of a process. */
function lookupCounter(registry: Registry): Counter<'cache' | 'outcome'> {
  let counter = lookups.get(registry);
  if (!counter) {
    counter = new Counter({
      name: 'cache_lookups_total',
      help: 'Cache lookups by cache and outcome: hit, miss, or error (the store unavailable; the database answered).',
      labelNames: ['cache', 'outcome'] as const,
      registers: [registry],
    });
    lookups.set(registry, counter);
  }
  return counter;
}

/**
 * A read-through cache (in the keyspace's store: Redis, or in-process) that never serves an
 * entry older than the last committed write that invalidated it (read-your-writes), and
 * that degrades to the database while the store is unavailable.
 *
 * Every key has a version (`v:<key>`, a random token that `invalidate` replaces) and the
 * cache an epoch (`epoch`). An entry records the epoch and version it was read at and is
 * served only while both are still current. A reader that loaded from the database before
 * a write committed stores its entry under the old version, so no later reader takes it;
 * a plain "delete on write" would let that reader put the stale value back.
 *
 * If an invalidation cannot reach the store, this process bypasses the cache until it has
 * replaced the epoch, which retires every entry in one write; that is the price of never
 * serving what a failed invalidation should have removed. Details: docs/caching.md.
 */
export function createReadThroughCache<Value>(
  options: ReadThroughCacheOptions<Value>,
): ReadThroughCache<Value> {
  const { store, name, ttlSeconds, logger } = options;
  const timeoutMs = options.timeoutMs ?? 250;
  const encode = options.encode ?? ((value: Value) => value);
  const decode = options.decode ?? ((stored: unknown) => stored as Value);
  const counter = lookupCounter(options.registry);
  const epochKey = `cache:${name}:epoch`;
  const versionKey = (key: string) => `cache:${name}:v:${key}`;
  const entryKey = (key: string) => `cache:${name}:d:${key}`;
  // Versions outlive the entries that name them, so an expired version never lets an old
  // entry match again (a fresh token is needed for that, and tokens are random).
  const versionTtlMs = ttlSeconds * 2_000;
  let mustRetireEntries = false;

  const count = (outcome: 'hit' | 'miss' | 'error', n: number) => {
    if (n > 0) counter.inc({ cache: name, outcome }, n);
  };
  const available = () => store.available();

  async function retireEntries(): Promise<boolean> {
    if (!mustRetireEntries) return true;
    try {
      await withTimeout(store.set(epochKey, randomUUID()), timeoutMs);
      mustRetireEntries = false;
      logger.info({ cache: name }, 'cache entries retired after a failed invalidation');
      return true;
    } catch {
      return false;
    }
  }

  async function readEntries(keys: readonly string[]) {
    const stored = await withTimeout(
      store.getMany([epochKey, ...keys.map(versionKey), ...keys.map(entryKey)]),
      timeoutMs,
    );
    const epoch = stored[0] ?? '';
    const versions = keys.map((_, i) => stored[1 + i] ?? '');
    const entries = keys.map((_, i) => stored[1 + keys.length + i] ?? null);
    return { epoch, versions, entries };
  }

  return {
    async loadMany(keys, load) {
      const found = new Map<string, Value>();
      if (!keys.length) return found;
      if (!available() || !(await retireEntries())) {
        count('error', keys.length);
        return load([...keys]);
      }
      let generation: Awaited<ReturnType<typeof readEntries>>;
      try {
        generation = await readEntries(keys);
      } catch (error) {
        logger.debug({ err: error, cache: name }, 'cache read failed; reading the database');
        count('error', keys.length);
        return load([...keys]);
      }
      const missing: string[] = [];
      keys.forEach((key, i) => {
        const raw = generation.entries[i];
        const entry: unknown = raw === null || raw === undefined ? null : JSON.parse(raw);
        if (isEntry(entry) && entry.e === generation.epoch && entry.v === generation.versions[i])
          found.set(key, decode(entry.d));
        else missing.push(key);
      });
      count('hit', found.size);
      count('miss', missing.length);
      if (!missing.length) return found;

      const loaded = await load(missing);
      const versionOf = new Map(keys.map((key, i) => [key, generation.versions[i] ?? '']));
      const write: { key: string; value: string; ttlMs: number }[] = [];
      for (const key of missing) {
        const value = loaded.get(key);
        if (value === undefined) continue;
        found.set(key, value);
        const version = versionOf.get(key)!;
        const entry: Entry = { e: generation.epoch, v: version, d: encode(value) };
        write.push({ key: entryKey(key), value: JSON.stringify(entry), ttlMs: ttlSeconds * 1_000 });
      }
      // Filling is best effort: the answer is already correct without it.
      if (write.length)
        void withTimeout(store.setMany(write), timeoutMs).catch((error: unknown) =>
          logger.debug({ err: error, cache: name }, 'cache fill failed'),
        );
      return found;
    },

    async invalidate(keys) {
      if (!keys.length) return;
      try {
        if (!available()) throw new Error('the store is not connected');
        // A new version is what retires the entries; deleting them only frees memory.
        await withTimeout(
          store.setMany(
            keys.map((key) => ({ key: versionKey(key), value: randomUUID(), ttlMs: versionTtlMs })),
          ),
          timeoutMs,
        );
        void store.delete(keys.map(entryKey)).catch(() => {});
      } catch (error) {
        mustRetireEntries = true;
        logger.warn(
          { err: error, cache: name },
          'cache invalidation failed; bypassing the cache until its entries are retired',
        );
      }
    },

    async invalidateAll() {
      try {
        if (!available()) throw new Error('the store is not connected');
        await withTimeout(store.set(epochKey, randomUUID()), timeoutMs);
        mustRetireEntries = false;
      } catch (error) {
        mustRetireEntries = true;
        logger.warn(
          { err: error, cache: name },
          'cache invalidation failed; bypassing the cache until its entries are retired',
        );
      }
    },
  };
}
