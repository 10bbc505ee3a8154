import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Lease } from '../../src/index.ts';
import type { OpenKeyspace } from './openKeyspace.ts';

interface Hold {
  customer: string;
}

const lease = (group: string, keys: string[], customer = group): Lease<Hold> => ({
  id: randomUUID(),
  group,
  keys,
  data: { customer },
});

/** What every Locks does, whichever server it is on. */
export function locksContract(open: OpenKeyspace): void {
  describe('locks', () => {
    it('takes every key or none, naming the keys someone else holds', async () => {
      const locks = open().locks<Hold>('seats');
      const alice = lease('alice', ['A1', 'A2']);
      expect(await locks.acquire(alice, 60_000)).toEqual({ acquired: true, released: [] });
      expect(await locks.read(alice.id)).toEqual(alice);

      const bob = lease('bob', ['A3', 'A2', 'A4']);
      expect(await locks.acquire(bob, 60_000)).toEqual({ acquired: false, taken: ['A2'] });
      expect(await locks.read(bob.id)).toBeNull();
      expect(await locks.holders(['A1', 'A2', 'A3', 'A4'])).toEqual([
        alice.id,
        alice.id,
        null,
        null,
      ]);
      expect(await locks.holders([])).toEqual([]);
    });

    it('never gives one key to two of many concurrent callers', async () => {
      const locks = open().locks<Hold>('seats');
      const seats = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
      const racers = Array.from({ length: 30 }, (_, i) =>
        lease(`racer-${i}`, [seats[i % 6]!, seats[(i + 1) % 6]!, seats[(i * 7) % 6]!]),
      );
      const outcomes = await Promise.all(racers.map((racer) => locks.acquire(racer, 60_000)));
      const winners = racers.filter((_, i) => outcomes[i]!.acquired);
      expect(winners.length).toBeGreaterThan(0);
      const claimed = winners.flatMap((winner) => [...new Set(winner.keys)]);
      expect(new Set(claimed).size).toBe(claimed.length);
      const holders = await locks.holders(seats);
      for (const winner of winners)
        for (const key of winner.keys) expect(holders[seats.indexOf(key)]).toBe(winner.id);
      for (const [i, racer] of racers.entries())
        if (!outcomes[i]!.acquired) expect(await locks.read(racer.id)).toBeNull();
    });

    it("replaces a group's lease: keys it no longer wants are released, shared ones kept", async () => {
      const locks = open().locks<Hold>('seats');
      const first = lease('carol', ['B1', 'B2']);
      await locks.acquire(first, 60_000);
      const second = lease('carol', ['B2', 'B3']);
      expect(await locks.acquire(second, 60_000)).toEqual({ acquired: true, released: ['B1'] });
      expect(await locks.read(first.id)).toBeNull();
      expect(await locks.holders(['B1', 'B2', 'B3'])).toEqual([null, second.id, second.id]);
      // Another group still cannot take what the new lease holds.
      expect(await locks.acquire(lease('dave', ['B2']), 60_000)).toEqual({
        acquired: false,
        taken: ['B2'],
      });
    });

    it('releases only the keys the lease still holds, once', async () => {
      const locks = open().locks<Hold>('seats');
      const mine = lease('erin', ['C1', 'C2']);
      await locks.acquire(mine, 60_000);
      expect(await locks.release(mine)).toBe(true);
      const theirs = lease('frank', ['C1']);
      await locks.acquire(theirs, 60_000);
      expect(await locks.release(mine)).toBe(false);
      expect(await locks.holders(['C1', 'C2'])).toEqual([theirs.id, null]);
      expect(await locks.read(mine.id)).toBeNull();
    });

    it('lets a lease time out, and hands each expired lease to exactly one taker', async () => {
      const here = open();
      const elsewhere = open({ sharePrefixWith: here });
      const locks = here.locks<Hold>('seats');
      const brief = [lease('g1', ['D1']), lease('g2', ['D2', 'D3']), lease('g3', ['D4'])];
      for (const each of brief) await locks.acquire(each, 60);
      const released = lease('g4', ['D5']);
      await locks.acquire(released, 60);
      await locks.release(released);
      const lasting = lease('g5', ['D6']);
      await locks.acquire(lasting, 60_000);
      expect(await locks.takeExpired(10)).toEqual([]);

      await sleep(150);
      expect(await locks.holders(['D1', 'D2', 'D3', 'D4', 'D6'])).toEqual([
        null,
        null,
        null,
        null,
        lasting.id,
      ]);
      expect(await locks.read(brief[0]!.id)).toBeNull();
      const takers = [locks, elsewhere.locks<Hold>('seats'), locks];
      const taken = (await Promise.all(takers.map((taker) => taker.takeExpired(2)))).flat();
      expect(taken.map((each) => each.id).sort()).toEqual(brief.map((each) => each.id).sort());
      expect(taken.find((each) => each.id === brief[1]!.id)).toEqual(brief[1]);
      expect(await locks.takeExpired(10)).toEqual([]);
    });

    it('detaches a lease: forgotten, its keys held until they time out, no expiry reported', async () => {
      const locks = open().locks<Hold>('seats');
      const sold = lease('grace', ['E1', 'E2']);
      await locks.acquire(sold, 100);
      await locks.detach(sold);
      expect(await locks.read(sold.id)).toBeNull();
      expect(await locks.holders(['E1', 'E2'])).toEqual([sold.id, sold.id]);
      // The group is free for a new lease, which must still respect the detached keys.
      expect(await locks.acquire(lease('grace', ['E2', 'E3']), 60_000)).toEqual({
        acquired: false,
        taken: ['E2'],
      });
      await sleep(200);
      expect(await locks.holders(['E1', 'E2'])).toEqual([null, null]);
      expect(await locks.takeExpired(10)).toEqual([]);
    });

    it('keeps namespaces apart', async () => {
      const keyspace = open();
      const seats = keyspace.locks<Hold>('seats');
      const rooms = keyspace.locks<Hold>('rooms');
      await seats.acquire(lease('h', ['F1']), 60_000);
      expect((await rooms.acquire(lease('h', ['F1']), 60_000)).acquired).toBe(true);
    });
  });
}
