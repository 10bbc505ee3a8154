import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { brokerPermissions, brokerServices, brokerUserFor } from '@cinegraph/events';
import { testEnvironment, uniqueId } from '@cinegraph/testing';

const run = promisify(execFile);

/** RabbitMQ's `rabbit_password_hashing_sha256`: base64(salt ++ sha256(salt ++ password)). */
function passwordHash(password: string): string {
  const salt = randomBytes(4);
  const digest = createHash('sha256').update(salt).update(password, 'utf8').digest();
  return Buffer.concat([salt, digest]).toString('base64');
}

export interface BrokerUsers {
  /** The EVENTS_PRODUCER_USER template the users follow. */
  readonly template: string;
  /** A service's AMQP_URL: the test broker with that service's own user. */
  amqpUrl(service: string): string;
  /** The broker user of a service. */
  user(service: string): string;
}

/**
 * One RabbitMQ user per service for a test file, as deployments have them (compose's
 * `broker-users`, `npm run broker:users`): unique names, each with the permissions
 * `brokerPermissions` gives it under `eventsPrefix`. Created with `rabbitmqctl
 * import_definitions` (one call; the test broker runs on this machine, as in CI) before
 * the stack starts, deleted after it stops: call it before `useStack`.
 */
export function useBrokerUsers(eventsPrefix: () => string): BrokerUsers {
  const id = uniqueId();
  const template = `cg_test_${id}_{service}`;
  const password = randomBytes(12).toString('hex');
  const user = (service: string) => brokerUserFor(template, service);
  const base = new URL(testEnvironment.amqpUrl);
  const definitions = path.join(tmpdir(), `cg_test_${id}_broker.json`);

  beforeAll(async () => {
    const prefix = eventsPrefix();
    const users = brokerServices.map((service) => ({ service, name: user(service) }));
    await writeFile(
      definitions,
      JSON.stringify({
        users: users.map(({ name }) => ({
          name,
          password_hash: passwordHash(password),
          hashing_algorithm: 'rabbit_password_hashing_sha256',
          tags: '',
        })),
        permissions: users.map(({ service, name }) => {
          const { configure, write, read } = brokerPermissions(service, prefix);
          return { user: name, vhost: '/', configure, write, read };
        }),
        topic_permissions: users.map(({ service, name }) => {
          const { topic } = brokerPermissions(service, prefix);
          return { user: name, vhost: '/', ...topic };
        }),
      }),
    );
    await run('rabbitmqctl', ['import_definitions', definitions]);
    // The import finishes in the background: wait until the last user has its topic
    // permissions (they are imported last).
    const last = users.at(-1)!.name;
    for (let attempt = 0; ; attempt++) {
      const { stdout } = await run('rabbitmqctl', [
        '-q',
        'list_user_topic_permissions',
        last,
      ]).catch(() => ({ stdout: '' }));
      if (stdout.includes('cinegraph.events')) break;
      if (attempt === 20) throw new Error(`rabbitmqctl did not import the test users (${last})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
  afterAll(async () => {
    await rm(definitions, { force: true });
    await Promise.all(
      brokerServices.map((service) =>
        run('rabbitmqctl', ['delete_user', user(service)]).catch(() => {}),
      ),
    );
  });

  return {
    template,
    user,
    amqpUrl(service) {
      const url = new URL(base);
      url.username = user(service);
      url.password = password;
      return url.toString();
    },
  };
}
