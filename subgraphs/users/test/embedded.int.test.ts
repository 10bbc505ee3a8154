// The users subgraph on embedded parts: its database on PGlite (in a temporary folder) and
// its keyspace in-process (memory://). Only the broker is the real RabbitMQ here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteEventTopology } from '@cinegraph/events';
import { migrate } from '@cinegraph/migrator';
import type { Runnable } from '@cinegraph/service-kit';
import {
  counterValue,
  eventually,
  graphqlRequest,
  testEnvironment,
  uniqueId,
} from '@cinegraph/testing';
import { loadUsersConfig } from '../src/config.ts';
import { createUsersService } from '../src/createUsersService.ts';

const prefix = `cg_test_${uniqueId()}_`;
let folder: string;
let service: Runnable['service'];
let url: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cinegraph-users-'));
  const databaseUrl = `pglite:${path.join(folder, 'users')}`;
  await migrate({
    databaseUrl,
    migrationsDir: path.resolve(import.meta.dirname, '../../../prisma/users/migrations'),
  });
  ({ service } = await createUsersService(
    loadUsersConfig({
      DATABASE_URL: databaseUrl,
      REDIS_URL: `memory://${prefix}`,
      AMQP_URL: testEnvironment.amqpUrl,
      EVENTS_PREFIX: prefix,
      JWT_KEY_FILE: path.join(folder, 'key.pem'),
      LOG_LEVEL: 'silent',
    }),
  ));
  url = `${await service.listen(0, '127.0.0.1')}/graphql`;
});

afterAll(async () => {
  await service?.close();
  const connection = await connect(testEnvironment.amqpUrl);
  const channel = await connection.createChannel();
  await deleteEventTopology(channel, prefix, []);
  await connection.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the users subgraph on PGlite and the in-process keyspace', () => {
  it('registers, refreshes, throttles sign-ins and relays its outbox to the broker', async () => {
    const email = `${uniqueId()}@example.com`;
    const registered = await graphqlRequest<{
      register: { refreshToken: string; user: { email: string } };
    }>(
      url,
      `mutation ($email: String!) {
        register(input: { email: $email, password: "a-long-password-1", displayName: "Embedded" }) {
          refreshToken user { email }
        }
      }`,
      { variables: { email } },
    );
    expect(registered.data?.register.user.email).toBe(email);

    // The refresh token lives in the in-process store, and rotates there.
    const refreshed = await graphqlRequest<{ refreshToken: { refreshToken: string } }>(
      url,
      `mutation ($token: String!) { refreshToken(refreshToken: $token) { refreshToken } }`,
      { variables: { token: registered.data!.register.refreshToken } },
    );
    expect(refreshed.errors).toBeUndefined();

    const signIn = (password: string) =>
      graphqlRequest(
        url,
        `mutation ($email: String!, $password: String!) {
          login(input: { email: $email, password: $password }) { accessToken }
        }`,
        { variables: { email, password } },
      );
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await signIn('wrong-password-1')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    expect((await signIn('a-long-password-1')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    // user.registered went into the outbox in the registering transaction on PGlite, and
    // the relay (woken by PGlite's NOTIFY) published it to the subscribers' queues.
    const base = url.replace(/\/graphql$/, '');
    await eventually(async () =>
      (await counterValue(base, 'events_published_total')) >= 1 ? true : undefined,
    );
    const connection = await connect(testEnvironment.amqpUrl);
    try {
      const channel = await connection.createChannel();
      const { messageCount } = await channel.checkQueue(`${prefix}notifications`);
      expect(messageCount).toBe(1);
    } finally {
      await connection.close();
    }
    const ready = await fetch(`${base}/ready`);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', keyspace: 'ok', broker: 'ok' },
    });
  });
});
