import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeys, testEnvironment, uniqueId } from '@cinegraph/testing';
import type { Keyspace } from '../src/index.ts';
import { connectKeyspace } from '../src/index.ts';
import { keyValueStoreContract } from './contracts/keyValueStoreContract.ts';
import { locksContract } from './contracts/locksContract.ts';
import type { OpenKeyspace } from './contracts/openKeyspace.ts';
import { pubSubContract } from './contracts/pubSubContract.ts';

const logger = pino({ level: 'silent' });
const runPrefix = `cg_test_${uniqueId()}:`;

/** The same contracts, on a Redis server and on the in-process implementation. */
const implementations = {
  redis: testEnvironment.redisUrl,
  memory: `memory://contract-${uniqueId()}`,
};

const opened: Keyspace[] = [];
const prefixes = new WeakMap<Keyspace, string>();

afterAll(async () => {
  await Promise.all(opened.map((keyspace) => keyspace.close()));
  const admin = new Redis(testEnvironment.redisUrl);
  await deleteKeys(admin, runPrefix);
  admin.disconnect();
});

for (const [implementation, url] of Object.entries(implementations)) {
  describe(implementation, () => {
    const open: OpenKeyspace = (options = {}) => {
      const keyPrefix = options.sharePrefixWith
        ? prefixes.get(options.sharePrefixWith)!
        : `${runPrefix}${options.keyPrefix ?? uniqueId()}:`;
      const keyspace = connectKeyspace(url, { name: 'contract-test', keyPrefix, logger });
      prefixes.set(keyspace, keyPrefix);
      opened.push(keyspace);
      return keyspace;
    };

    keyValueStoreContract(open);
    locksContract(open);
    pubSubContract(open);

    it('answers ping, and keeps its data when a process closes its connection', async () => {
      const first = open();
      await first.ping();
      await first.store.set('kept', 'yes');
      await first.close();
      const second = open({ sharePrefixWith: first });
      expect(await second.store.get('kept')).toBe('yes');
    });
  });
}

describe('connectKeyspace', () => {
  it('refuses a URL it has no implementation for', () => {
    expect(() => connectKeyspace('http://127.0.0.1:6379', { name: 'x', logger })).toThrow(
      /unsupported keyspace URL http:/,
    );
  });
});
