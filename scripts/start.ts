// `npm start`: migrates (and on first start seeds) every database, starts each subgraph
// and the gateway as its own process, prints where to go, and stops them all on Ctrl-C.
import path from 'node:path';
import { ConfigError } from '@cinegraph/service-kit';
import { repoRoot, startStack } from '@cinegraph/stack';
import { loadSupervisorConfig } from './supervisorConfig.ts';

let config: ReturnType<typeof loadSupervisorConfig>;
try {
  config = loadSupervisorConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const colors = {
  users: 35,
  movies: 36,
  reviews: 33,
  watchlists: 91,
  bookings: 93,
  payments: 92,
  notifications: 34,
  gateway: 32,
} as Record<string, number>;
const prefix = (name: string) => `\u001b[${colors[name] ?? 37}m${name.padEnd(13)}\u001b[0m|`;
const log = (message: string) => console.log(`${prefix('start')} ${message}`);

const stack = await startStack({
  postgresUrl: config.POSTGRES_URL,
  redisUrl: config.REDIS_URL,
  redisKeyPrefix: config.REDIS_KEY_PREFIX,
  amqpUrl: config.AMQP_URL,
  eventsPrefix: config.EVENTS_PREFIX,
  databasePrefix: config.DATABASE_PREFIX,
  ports: {
    gateway: config.GATEWAY_PORT,
    users: config.USERS_PORT,
    movies: config.MOVIES_PORT,
    reviews: config.REVIEWS_PORT,
    watchlists: config.WATCHLISTS_PORT,
    bookings: config.BOOKINGS_PORT,
    payments: config.PAYMENTS_PORT,
    notifications: config.NOTIFICATIONS_PORT,
  },
  seed: true,
  demoContent: true,
  env: {
    LOG_LEVEL: config.LOG_LEVEL,
    JWT_KEY_FILE: path.join(repoRoot, '.cinegraph', 'jwt-signing-key.pem'),
  },
  log,
  onLine: (name, line) => console.log(`${prefix(name)} ${line}`),
}).catch((error: Error) => {
  console.error(`\nCould not start CineGraph: ${error.message}`);
  console.error(
    'Are PostgreSQL, Redis and RabbitMQ running where POSTGRES_URL, REDIS_URL and AMQP_URL say? (see README)',
  );
  process.exit(1);
});

// Up is not the same as ready: say which dependency a process is still waiting for.
for (const running of stack.processes) {
  const response = await fetch(`${running.url}/ready`).catch(() => null);
  if (response?.ok) continue;
  const body = response
    ? JSON.stringify(((await response.json()) as { checks?: unknown }).checks)
    : 'no answer';
  console.warn(`${prefix(running.name)} not ready yet: ${body}`);
}

console.log(`
  CineGraph is running.
  Gateway: ${stack.gatewayUrl}
  Subgraphs: ${stack.processes
    .filter((p) => p.name !== 'gateway')
    .map((p) => `${p.name} ${p.url}/graphql`)
    .join(', ')}
  Press Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('stopping...');
    void stack.stop().then(() => process.exit(0));
  });
}
// A process that dies on its own takes the others down with it: a half-up stack misleads.
for (const running of stack.processes) {
  running.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`${running.name} exited (code ${code}); stopping the rest.`);
    stopping = true;
    void stack.stop().then(() => process.exit(1));
  });
}
