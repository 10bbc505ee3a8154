// `npm run broker:users`: one RabbitMQ user per service (brokerServices), with the
// permissions brokerPermissions gives it, created or updated through the management HTTP
// API. Idempotent: compose's `broker-users` and the Kubernetes Job of that name run it on
// every deployment, and it is how a password is rotated.
// Reads RABBITMQ_MANAGEMENT_URL, RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD,
// RABBITMQ_VHOST (`/`), EVENTS_PREFIX, EVENTS_PRODUCER_USER (`{service}`) and one
// BROKER_PASSWORD_<SERVICE> per service (docs/operations.md).
import { z } from 'zod';
import { brokerPermissions, brokerServices, brokerUserFor, eventsEnv } from '@cinegraph/events';
import { ConfigError, env, loadConfig } from '@cinegraph/service-kit';

const passwordVariable = (service: string) => `BROKER_PASSWORD_${service.toUpperCase()}`;
const required = z.string().min(1, 'must not be empty');

let config;
try {
  config = loadConfig(
    {
      RABBITMQ_MANAGEMENT_URL: env.httpUrl(),
      RABBITMQ_ADMIN_USER: required,
      RABBITMQ_ADMIN_PASSWORD: required,
      RABBITMQ_VHOST: required.default('/'),
      EVENTS_PREFIX: eventsEnv.EVENTS_PREFIX,
      EVENTS_PRODUCER_USER: eventsEnv.EVENTS_PRODUCER_USER.default('{service}'),
      ...Object.fromEntries(brokerServices.map((service) => [passwordVariable(service), required])),
    },
    process.env,
  );
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// The password variables are named at run time, from brokerServices: loadConfig has
// checked each, but its type cannot list them.
const passwordOf = (service: string) =>
  (config as Readonly<Record<string, string>>)[passwordVariable(service)]!;
const api = `${config.RABBITMQ_MANAGEMENT_URL.replace(/\/+$/, '')}/api`;
const vhost = encodeURIComponent(config.RABBITMQ_VHOST);
const authorization = `Basic ${Buffer.from(
  `${config.RABBITMQ_ADMIN_USER}:${config.RABBITMQ_ADMIN_PASSWORD}`,
).toString('base64')}`;

async function put(path: string, body: object): Promise<void> {
  const response = await fetch(`${api}${path}`, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch((error: Error) => {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    console.error(`Cannot reach RabbitMQ's management API at ${api}: ${error.message}${cause}`);
    process.exit(1);
  });
  if (!response.ok) {
    console.error(
      `RabbitMQ refused PUT /api${path}: ${response.status} ${(await response.text()).slice(0, 300)}`,
    );
    process.exit(1);
  }
}

for (const service of brokerServices) {
  const user = brokerUserFor(config.EVENTS_PRODUCER_USER, service);
  const name = encodeURIComponent(user);
  const { configure, write, read, topic } = brokerPermissions(service, config.EVENTS_PREFIX);
  // No tags: the management UI and API are for the admin, never for a service.
  await put(`/users/${name}`, { password: passwordOf(service), tags: '' });
  await put(`/permissions/${vhost}/${name}`, { configure, write, read });
  // topic.exchange is the exchange's exact name: RabbitMQ keys topic permissions by it,
  // and lets anything through on an exchange that has none.
  await put(`/topic-permissions/${vhost}/${name}`, topic);
  const publishes = topic.write === '^$' ? 'nothing' : topic.write;
  console.log(`${service}: user ${user} on vhost ${config.RABBITMQ_VHOST}, publishes ${publishes}`);
}
