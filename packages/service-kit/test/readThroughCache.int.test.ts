// The read-through cache against the real Redis. Outages are real too: the client talks to
// Redis through a TCP relay that the test closes and reopens.
import net from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Keyspace, KeyValueStore } from '@cinegraph/keyspace';
import { connectKeyspace } from '@cinegraph/keyspace';
import { deleteKeys, eventually, testEnvironment, uniqueId } from '@cinegraph/testing';
import { createReadThroughCache } from '../src/readThroughCache.ts';

const logger = pino({ level: 'silent' });
const prefix = `cg_test_${uniqueId()}:`;
const keyspaces: Keyspace[] = [];

afterAll(async () => {
  const admin = new Redis(testEnvironment.redisUrl);
  await deleteKeys(admin, prefix);
  admin.disconnect();
});
afterEach(async () => {
  await Promise.all(keyspaces.splice(0).map((keyspace) => keyspace.close()));
});

/** A TCP relay to the test Redis that can be taken down (every connection cut) and back up. */
async function startRelay() {
  const target = new URL(testEnvironment.redisUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => socket.destroy());
          socket.on('close', () => sockets.delete(socket));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    url: `redis://127.0.0.1:${port}`,
    async down() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    up: () => listen(port),
  };
}

function cacheOn(url: string) {
  const keyspace = connectKeyspace(url, { name: 'cache-test', keyPrefix: prefix, logger });
  keyspaces.push(keyspace);
  const { store } = keyspace;
  const registry = new Registry();
  const cache = createReadThroughCache<{ n: number }>({
    store,
    name: `test${uniqueId()}`,
    ttlSeconds: 60,
    registry,
    logger,
  });
  const lookups = async (outcome: string) => {
    const metric = await registry.getSingleMetric('cache_lookups_total')!.get();
    return metric.values.find((v) => v.labels['outcome'] === outcome)?.value ?? 0;
  };
  return { store, cache, lookups };
}

/** A database stand-in that records what it was asked for. */
function source(values: Record<string, number>) {
  const asked: string[][] = [];
  return {
    asked,
    load: async (keys: string[]) => {
      asked.push(keys);
      return new Map(
        keys.filter((key) => key in values).map((key) => [key, { n: values[key]! }] as const),
      );
    },
  };
}

const ready = (store: KeyValueStore) =>
  eventually(async () => (store.available() ? true : undefined), 5_000, 'redis ready');

describe('the read-through cache', () => {
  it('loads misses once, serves hits, and caches no absence', async () => {
    const { store, cache, lookups } = cacheOn(testEnvironment.redisUrl);
    await ready(store);
    const db = source({ a: 1, b: 2 });

    expect(await cache.loadMany(['a', 'b', 'gone'], db.load)).toEqual(
      new Map([
        ['a', { n: 1 }],
        ['b', { n: 2 }],
      ]),
    );
    await eventually(
      async () =>
        (await cache.loadMany(['a'], db.load)).size === 1 && db.asked.length === 1
          ? true
          : undefined,
      2_000,
      'a to be cached',
    );
    await cache.loadMany(['a', 'b', 'gone'], db.load);
    expect(db.asked.at(-1)).toEqual(['gone']);
    expect(await lookups('hit')).toBeGreaterThanOrEqual(3);
    expect(await lookups('miss')).toBeGreaterThanOrEqual(3);
  });

  it('reads the new value after an invalidation', async () => {
    const { store, cache } = cacheOn(testEnvironment.redisUrl);
    await ready(store);
    const values = { a: 1 };
    const db = source(values);
    await cache.loadMany(['a'], db.load);
    values.a = 2;
    await cache.invalidate(['a']);
    expect((await cache.loadMany(['a'], db.load)).get('a')).toEqual({ n: 2 });
  });

  it('never keeps a value a reader loaded before a write that committed meanwhile', async () => {
    const { store, cache } = cacheOn(testEnvironment.redisUrl);
    await ready(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A slow reader reads the old value from the database...
    const slowRead = cache.loadMany(['a'], async () => {
      await held;
      return new Map([['a', { n: 1 }]]);
    });
    // ... a writer commits and invalidates while it is still loading ...
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.invalidate(['a']);
    release();
    expect((await slowRead).get('a')).toEqual({ n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50)); // its fill lands in Redis
    // ... and the next reader does not take the old value the slow reader stored.
    const db = source({ a: 2 });
    expect((await cache.loadMany(['a'], db.load)).get('a')).toEqual({ n: 2 });
    expect(db.asked).toEqual([['a']]);
  });

  it('falls back to the database during an outage, and retires every entry after a lost invalidation', async () => {
    const relay = await startRelay();
    const { store, cache, lookups } = cacheOn(relay.url);
    await ready(store);
    const values = { a: 1, b: 10 };
    const db = source(values);
    await cache.loadMany(['a', 'b'], db.load);
    await eventually(
      async () => {
        const before = db.asked.length;
        await cache.loadMany(['a', 'b'], db.load);
        return db.asked.length === before ? true : undefined;
      },
      2_000,
      'a and b to be cached',
    );

    await relay.down();
    values.a = 2;
    await cache.invalidate(['a']); // lost: Redis is unreachable
    const errorsBefore = await lookups('error');
    expect((await cache.loadMany(['a', 'b'], db.load)).get('a')).toEqual({ n: 2 });
    expect(await lookups('error')).toBe(errorsBefore + 2);

    await relay.up();
    await ready(store);
    // The entry for `a` still says 1 in Redis; the cache must not serve it (nor b's).
    const asked = db.asked.length;
    expect((await cache.loadMany(['a', 'b'], db.load)).get('a')).toEqual({ n: 2 });
    expect(db.asked.slice(asked)).toEqual([['a', 'b']]);
    await relay.down();
  });
});
