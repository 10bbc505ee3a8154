import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import type { OpenKeyspace } from './openKeyspace.ts';

/** What every KeyValueStore does, whichever server it is on. */
export function keyValueStoreContract(open: OpenKeyspace): void {
  describe('key-value store', () => {
    it('reads back what was written, in the order asked, with null for what is not there', async () => {
      const { store } = open();
      expect(await store.get('missing')).toBeNull();
      expect(await store.set('a', '1')).toBe(true);
      await store.setMany([
        { key: 'b', value: '2' },
        { key: 'c', value: 'three', ttlMs: 60_000 },
      ]);
      expect(await store.getMany(['c', 'missing', 'a', 'b'])).toEqual(['three', null, '1', '2']);
      expect(await store.getMany([])).toEqual([]);
      expect(await store.delete(['a', 'missing', 'b'])).toBe(2);
      expect(await store.getMany(['a', 'b', 'c'])).toEqual([null, null, 'three']);
      expect(await store.delete([])).toBe(0);
    });

    it('expires a key after its TTL, and says how long a key has left', async () => {
      const { store } = open();
      await store.set('brief', 'x', { ttlMs: 80 });
      await store.set('forever', 'y');
      const left = await store.ttl('brief');
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(80);
      expect(await store.ttl('forever')).toBeNull();
      expect(await store.ttl('missing')).toBeNull();
      await store.setMany([{ key: 'brief-too', value: 'z', ttlMs: 80 }]);
      await sleep(150);
      expect(await store.getMany(['brief', 'brief-too', 'forever'])).toEqual([null, null, 'y']);
      expect(await store.ttl('brief')).toBeNull();
    });

    it('writes onlyIfAbsent for exactly one of many concurrent writers', async () => {
      const { store } = open();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.set('first', String(i), { onlyIfAbsent: true, ttlMs: 60_000 }),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await store.get('first')).toBe(String(outcomes.indexOf(true)));
    });

    it('keeps the expiry with keepTtl, and drops it on a plain write', async () => {
      const { store } = open();
      await store.set('k', 'old', { ttlMs: 60_000 });
      await store.set('k', 'new', { keepTtl: true });
      expect(await store.get('k')).toBe('new');
      expect(await store.ttl('k')).toBeGreaterThan(50_000);
      await store.set('k', 'plain');
      expect(await store.ttl('k')).toBeNull();
    });

    it('counts in a fixed window that later increments do not move, then starts again', async () => {
      const { store } = open();
      const counts = await Promise.all(Array.from({ length: 30 }, () => store.increment('n', 300)));
      expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const first = await store.ttl('n');
      await sleep(100);
      await store.increment('n', 300);
      const later = await store.ttl('n');
      expect(later).toBeLessThan(first!);
      await sleep(300);
      expect(await store.increment('n', 300)).toBe(1);
    });

    it('refuses to count a value that is not a number, leaving it as it was', async () => {
      const { store } = open();
      await store.set('word', 'hello');
      await expect(store.increment('word', 1_000)).rejects.toThrow(/integer/);
      expect(await store.get('word')).toBe('hello');
    });

    it('keeps keyspaces with different prefixes apart and shares one prefix', async () => {
      const mine = open();
      const other = open({ keyPrefix: 'other' });
      const again = open({ sharePrefixWith: mine });
      await mine.store.set('shared-name', 'mine');
      expect(await other.store.get('shared-name')).toBeNull();
      expect(await again.store.get('shared-name')).toBe('mine');
    });

    it('limits rate per key across keyspaces on the same server', async () => {
      const first = open();
      const second = open({ sharePrefixWith: first });
      const window = { name: 'api', points: 3, durationSeconds: 60 };
      // Both processes connected: until then a Redis limiter counts in its insurance limiter.
      await Promise.all([first.ping(), second.ping()]);
      const [a, b] = [first.store.rateLimiter(window), second.store.rateLimiter(window)];
      await a.consume('client-1');
      await b.consume('client-1');
      const third = await a.consume('client-1');
      expect(third.remainingPoints).toBe(0);
      const refusal = await b.consume('client-1').catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RateLimiterRes);
      expect((refusal as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
      expect((await a.consume('client-2')).remainingPoints).toBe(2);
    });
  });
}
