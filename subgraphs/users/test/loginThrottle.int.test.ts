// Sign-in and registration throttling on real Redis, and the users subgraph (real
// PostgreSQL, Redis and RabbitMQ) under a flood of concurrent wrong passwords.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'amqplib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteEventTopology } from '@cinegraph/events';
import { connectKeyspace } from '@cinegraph/keyspace';
import type { Runnable } from '@cinegraph/service-kit';
import {
  counterValue,
  errorCodes,
  graphqlRequest,
  testEnvironment,
  uniqueId,
  useRedis,
  useTestDatabase,
} from '@cinegraph/testing';
import type { LoginThrottleSettings } from '../src/auth/loginThrottle.ts';
import { createLoginThrottle } from '../src/auth/loginThrottle.ts';
import { loadUsersConfig } from '../src/config.ts';
import { createUsersService } from '../src/createUsersService.ts';

const { prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'users-test',
  keyPrefix: prefix,
  logger: pino({ level: 'silent' }),
});
afterAll(() => keyspace.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );
const settings: LoginThrottleSettings = {
  maxAttempts: 5,
  windowSeconds: 60,
  accountMaxAttempts: 20,
  registrationsPerHour: 3,
};
const count = (outcomes: readonly unknown[], outcome: string) =>
  outcomes.filter((o) => o === outcome).length;

describe('login throttle', () => {
  const throttle = createLoginThrottle(keyspace.store, settings);

  it('lets one address make its attempts at one account, then refuses it alone', async () => {
    for (let i = 0; i < 5; i++) await throttle.attempt('a@example.com', '10.0.0.1');
    expect(await codeOf(throttle.attempt('a@example.com', '10.0.0.1'))).toBe('RATE_LIMITED');
    expect(await codeOf(throttle.attempt('a@example.com', '10.0.0.2'))).toBe('OK');
    expect(await codeOf(throttle.attempt('b@example.com', '10.0.0.1'))).toBe('OK');
  });

  it('counts 200 concurrent attempts atomically: exactly the allowed number pass', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => codeOf(throttle.attempt('c@example.com', '10.0.0.1'))),
    );
    expect(count(outcomes, 'OK')).toBe(5);
    expect(count(outcomes, 'RATE_LIMITED')).toBe(195);
  });

  it('cools an account down once attempts from every address pass its ceiling', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        codeOf(throttle.attempt('d@example.com', `10.1.${i >> 8}.${i & 255}`)),
      ),
    );
    expect(count(outcomes, 'OK')).toBe(20);
    // A new address is refused too while the account cools down, with the time to wait.
    const refused = await throttle.attempt('d@example.com', '10.9.9.9').catch((error) => error);
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('starts again after a success', async () => {
    for (let i = 0; i < 5; i++) await throttle.attempt('e@example.com', '10.0.0.1');
    await throttle.succeeded('e@example.com', '10.0.0.1');
    expect(await codeOf(throttle.attempt('e@example.com', '10.0.0.1'))).toBe('OK');
  });

  it('lets the refusal expire with the window', async () => {
    const short = createLoginThrottle(keyspace.store, {
      ...settings,
      maxAttempts: 1,
      windowSeconds: 1,
    });
    await short.attempt('f@example.com', '10.0.0.1');
    expect(await codeOf(short.attempt('f@example.com', '10.0.0.1'))).toBe('RATE_LIMITED');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await codeOf(short.attempt('f@example.com', '10.0.0.1'))).toBe('OK');
  });

  it('limits registrations per address', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => codeOf(throttle.registration('10.0.0.7'))),
    );
    expect(count(outcomes, 'OK')).toBe(3);
    expect(await codeOf(throttle.registration('10.0.0.8'))).toBe('OK');
  });
});

describe('the users subgraph under a flood of wrong passwords', () => {
  const database = useTestDatabase(
    path.resolve(import.meta.dirname, '../../../prisma/users/migrations'),
  );
  const eventsPrefix = `cg_test_${uniqueId()}.`;
  let folder: string;
  let service: Runnable['service'];
  let base: string;
  const graphql = (query: string, variables: Record<string, unknown>) =>
    graphqlRequest(`${base}/graphql`, query, { variables });
  const login = (email: string, password: string) =>
    graphql(
      `
        mutation ($email: String!, $password: String!) {
          login(input: { email: $email, password: $password }) {
            accessToken
          }
        }
      `,
      { email, password },
    );
  const verifications = async () =>
    (await counterValue(base, 'password_verifications_total', { outcome: 'match' })) +
    (await counterValue(base, 'password_verifications_total', { outcome: 'mismatch' }));

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'cinegraph-users-'));
    ({ service } = await createUsersService(
      loadUsersConfig({
        DATABASE_URL: database.url,
        REDIS_URL: testEnvironment.redisUrl,
        REDIS_KEY_PREFIX: prefix,
        AMQP_URL: testEnvironment.amqpUrl,
        EVENTS_PREFIX: eventsPrefix,
        JWT_KEY_FILE: path.join(folder, 'key.pem'),
        LOG_LEVEL: 'silent',
        PASSWORD_HASH_MAX_WAITING: '8',
      }),
    ));
    base = await service.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await service?.close();
    const connection = await connect(testEnvironment.amqpUrl);
    const channel = await connection.createChannel();
    await deleteEventTopology(channel, eventsPrefix, []);
    await connection.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('verifies at most the allowed number of 200 concurrent wrong guesses, then refuses the right one', async () => {
    const email = `${uniqueId()}@example.com`;
    const registered = await graphql(
      `
        mutation ($email: String!) {
          register(
            input: { email: $email, password: "the-right-password", displayName: "Flooded" }
          ) {
            accessToken
          }
        }
      `,
      { email },
    );
    expect(registered.errors).toBeUndefined();
    const before = await verifications();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login(email, `wrong-password-${i}`)),
    );
    const codes = answers.map((answer) => errorCodes(answer)[0]);
    expect(count(codes, 'UNAUTHENTICATED')).toBe(5);
    expect(count(codes, 'RATE_LIMITED')).toBe(195);
    expect((await verifications()) - before).toBe(5);
    // The right password is refused too while this address is throttled, unverified.
    expect(errorCodes(await login(email, 'the-right-password'))).toEqual(['RATE_LIMITED']);
    expect((await verifications()) - before).toBe(5);
  });

  it('refuses hashing past its queue at once, and keeps answering', async () => {
    // 60 different accounts at once: each is verified (against the decoy), two at a time,
    // eight waiting; the rest are told to retry instead of queueing without bound.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        login(`nobody-${i}-${uniqueId()}@example.com`, 'guess-guess'),
      ),
    );
    const codes = answers.map((answer) => errorCodes(answer)[0]);
    expect(count(codes, 'UNAUTHENTICATED')).toBeGreaterThanOrEqual(10);
    expect(count(codes, 'RATE_LIMITED')).toBeGreaterThan(0);
    expect(count(codes, 'UNAUTHENTICATED') + count(codes, 'RATE_LIMITED')).toBe(60);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
  });
});
