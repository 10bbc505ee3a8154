// `npm start`: picks the mode (CINEGRAPH_MODE; see docs/embedded-mode.md), migrates (and on
// first start seeds) every database, starts the subgraphs and the gateway (each its own
// process in services mode, all in this one in embedded mode), prints where to go, and
// stops them all on Ctrl-C.
import path from 'node:path';
import { ConfigError } from '@cinegraph/service-kit';
import { chooseMode, repoRoot, startEmbedded, startStack, subgraphs } from '@cinegraph/stack';
import type { WebServer } from '@cinegraph/web/server';
import { buildWebInChildProcess, localWebOrigins, startWebServer } from '@cinegraph/web/server';
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

const ports = {
  gateway: config.GATEWAY_PORT,
  users: config.USERS_PORT,
  movies: config.MOVIES_PORT,
  reviews: config.REVIEWS_PORT,
  watchlists: config.WATCHLISTS_PORT,
  bookings: config.BOOKINGS_PORT,
  payments: config.PAYMENTS_PORT,
  notifications: config.NOTIFICATIONS_PORT,
};
const jwtKeyFile = path.resolve(repoRoot, config.JWT_KEY_FILE);
let stopping = false;

const choice = await chooseMode(config.CINEGRAPH_MODE, {
  postgresUrl: config.POSTGRES_URL,
  redisUrl: config.REDIS_URL,
  amqpUrl: config.AMQP_URL,
});
log(`${choice.mode} mode: ${choice.reason}`);

// The web app is served from its build; rebuilt (a few seconds) while the stack starts
// when its sources changed since the last one.
const webBuild = config.WEB_ENABLED
  ? buildWebInChildProcess(log).catch((error: Error) => {
      console.error(`\nCould not build the web app: ${error.message}`);
      process.exit(1);
    })
  : null;
// The gateway lets the web app's origin call it from a browser.
const corsOrigins = [
  ...config.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
  ...(config.WEB_ENABLED ? localWebOrigins(config.WEB_PORT) : []),
].filter(Boolean);
const commonEnv = {
  LOG_LEVEL: config.LOG_LEVEL,
  JWT_KEY_FILE: jwtKeyFile,
  ...(corsOrigins.length ? { CORS_ORIGINS: corsOrigins.join(',') } : {}),
};

const startedAt = performance.now();
const running = choice.mode === 'embedded' ? await startEmbeddedMode() : await startServicesMode();
let web: WebServer | undefined;
if (webBuild) {
  await webBuild;
  web = await startWebServer({
    port: config.WEB_PORT,
    gateway: config.WEB_GRAPHQL_URL ?? ports.gateway,
  }).catch((error: Error) => {
    console.error(`\nCould not serve the web app on port ${config.WEB_PORT}: ${error.message}`);
    void running.stop().then(() => process.exit(1));
    return undefined;
  });
}
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);

console.log(`
  CineGraph is running in ${choice.mode} mode (ready in ${seconds} s).${
    web
      ? `
  Web app: ${web.url}`
      : ''
  }
  Gateway: ${running.gatewayUrl}
  Subgraphs: ${Object.entries(running.urls)
    .filter(([name]) => name !== 'gateway')
    .sort(
      ([a], [b]) =>
        subgraphs.findIndex((s) => s.name === a) - subgraphs.findIndex((s) => s.name === b),
    )
    .map(([name, url]) => `${name} ${url}/graphql`)
    .join(', ')}${
    choice.mode === 'embedded'
      ? `
  Data: ${path.resolve(repoRoot, config.CINEGRAPH_DATA_DIR)} (delete it to start afresh)`
      : ''
  }
  Press Ctrl-C to stop.
`);

interface Running {
  gatewayUrl: string;
  urls: Record<string, string>;
  stop(): Promise<void>;
}

/** Every subgraph and the gateway as processes of their own, on the real services. */
async function startServicesMode(): Promise<Running> {
  const stack = await startStack({
    postgresUrl: config.POSTGRES_URL,
    redisUrl: config.REDIS_URL,
    redisKeyPrefix: config.REDIS_KEY_PREFIX,
    amqpUrl: config.AMQP_URL,
    eventsPrefix: config.EVENTS_PREFIX,
    databasePrefix: config.DATABASE_PREFIX,
    ports,
    seed: true,
    demoContent: config.CINEGRAPH_DEMO_CONTENT,
    env: commonEnv,
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
  // A process that dies on its own takes the others down with it: a half-up stack misleads.
  for (const running of stack.processes) {
    running.child.once('exit', (code) => {
      if (stopping) return;
      console.error(`${running.name} exited (code ${code}); stopping the rest.`);
      stopping = true;
      void stack.stop().then(() => process.exit(1));
    });
  }
  return {
    gatewayUrl: stack.gatewayUrl,
    urls: Object.fromEntries(stack.processes.map((p) => [p.name, p.url])),
    stop: () => stack.stop(),
  };
}

/** Everything in this process, on PGlite and the in-process keyspace and bus. */
async function startEmbeddedMode(): Promise<Running> {
  return startEmbedded({
    dataDir: path.resolve(repoRoot, config.CINEGRAPH_DATA_DIR),
    name: 'cinegraph',
    ports,
    seed: true,
    demoContent: config.CINEGRAPH_DEMO_CONTENT,
    env: commonEnv,
    log,
  }).catch((error: Error) => {
    console.error(`\nCould not start CineGraph in embedded mode: ${error.message}`);
    process.exit(1);
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('stopping...');
    void Promise.all([web?.close(), running.stop()]).then(() => process.exit(0));
  });
}
