import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { connectKeyspace } from '@cinegraph/keyspace';
import { testEnvironment, useRedis } from '@cinegraph/testing';
import { createRefreshTokenStore } from '../src/auth/refreshTokens.ts';

const { redis, prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'users-test',
  keyPrefix: prefix,
  logger: pino({ level: 'silent' }),
});
const kv = keyspace.store;
afterAll(() => keyspace.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('refresh token store', () => {
  const store = createRefreshTokenStore(kv, 60);

  it('keeps only a hash of the token, with a TTL', async () => {
    const { token } = await store.issue('user-1');
    // ioredis does not prefix KEYS patterns, but does prefix the key given to TTL.
    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length));
    expect(keys.join(' ')).not.toContain(token);
    const tokenKey = keys.find((key) => key.startsWith('users:refresh:'))!;
    expect(await redis.ttl(tokenKey)).toBeGreaterThan(50);
  });

  it('lets exactly one of two concurrent uses of a token win, and then revokes the family', async () => {
    const { token } = await store.issue('user-2');
    const outcomes = await Promise.all([codeOf(store.rotate(token)), codeOf(store.rotate(token))]);
    expect(outcomes.sort()).toEqual(['OK', 'UNAUTHENTICATED']);
  });

  it('revokes every later token of a family when an early one is replayed', async () => {
    const { token: first } = await store.issue('user-3');
    const { next: second } = await store.rotate(first);
    const { next: third } = await store.rotate(second.token);
    expect(await codeOf(store.rotate(first))).toBe('UNAUTHENTICATED');
    expect(await codeOf(store.rotate(third.token))).toBe('UNAUTHENTICATED');
  });

  it('leaves other families alone', async () => {
    const { token: mine } = await store.issue('user-4');
    const { token: other } = await store.issue('user-4');
    await store.revoke(mine);
    expect(await codeOf(store.rotate(mine))).toBe('UNAUTHENTICATED');
    expect(await codeOf(store.rotate(other))).toBe('OK');
  });
});
