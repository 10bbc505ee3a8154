import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { eventually } from '@cinegraph/testing';
import type { OpenKeyspace } from './openKeyspace.ts';

/** What every PubSub does, whichever server it is on. */
export function pubSubContract(open: OpenKeyspace): void {
  describe('pub/sub', () => {
    it('delivers what is published after listen resolves, in order, to every process', async () => {
      const publisher = open();
      const [one, two] = [open({ sharePrefixWith: publisher }), publisher];
      const heard: Record<string, string[]> = { one: [], two: [] };
      await one.pubSub.listen('news', (message) => heard.one!.push(message));
      await two.pubSub.listen('news', (message) => heard.two!.push(message));
      const sent = Array.from({ length: 100 }, (_, i) => `m${i}`);
      for (const message of sent) await publisher.pubSub.publish('news', message);
      await eventually(async () => (heard.one!.length === 100 ? true : undefined), 5_000);
      await eventually(async () => (heard.two!.length === 100 ? true : undefined), 5_000);
      expect(heard).toEqual({ one: sent, two: sent });
    });

    it('shares one subscription per channel among listeners, and ends it with the last', async () => {
      const keyspace = open();
      const heard: string[] = [];
      const stopA = await keyspace.pubSub.listen('a', (message) => heard.push(`a1:${message}`));
      const stopA2 = await keyspace.pubSub.listen('a', (message) => heard.push(`a2:${message}`));
      const stopB = await keyspace.pubSub.listen('b', (message) => heard.push(`b:${message}`));
      expect(keyspace.pubSub.channels()).toBe(2);
      stopA();
      stopA(); // twice is harmless
      expect(keyspace.pubSub.channels()).toBe(2);
      await keyspace.pubSub.publish('a', 'x');
      await eventually(async () => (heard.length === 1 ? true : undefined), 5_000);
      expect(heard).toEqual(['a2:x']);
      stopA2();
      stopB();
      expect(keyspace.pubSub.channels()).toBe(0);
      await keyspace.pubSub.publish('a', 'y');
      await keyspace.pubSub.publish('b', 'y');
      await sleep(100);
      expect(heard).toEqual(['a2:x']);
    });

    it('keeps prefixes apart, and publishing to nobody is fine', async () => {
      const mine = open();
      const other = open({ keyPrefix: 'other' });
      const heard: string[] = [];
      await other.pubSub.listen('news', (message) => heard.push(message));
      await mine.pubSub.publish('news', 'not for them');
      await mine.pubSub.publish('nobody-listens', 'lost');
      await sleep(100);
      expect(heard).toEqual([]);
    });
  });
}
