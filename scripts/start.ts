// `npm start`: checks that its ports are free, picks the mode (CINEGRAPH_MODE; see
// docs/embedded-mode.md), migrates (and on first start seeds) every database, starts the
// subgraphs and the gateway (each its own process in services mode, all in this one in
// embedded mode), prints where to go, and stops them all on Ctrl-C. Its processes stop
// too when it goes any other way (see docs/npm-start.md).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, createLogger, resolveLogFormat } from '@cinegraph/service-kit';
import type { PortUse } from '@cinegraph/stack';
import {
  checkPorts,
  chooseMode,
  createOutputPrinter,
  createRunRecord,
  formatStartupFailure,
  repoRoot,
  requireServices,
  startEmbedded,
  startStack,
  StartupFailure,
  subgraphs,
} from '@cinegraph/stack';
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

// A person at a terminal reads one pretty line per entry; anything else gets JSON.
const format = resolveLogFormat(config.LOG_FORMAT);
const logger = createLogger('start', config.LOG_LEVEL, format);
const log = (message: string) => logger.info(message);
const printOutput = createOutputPrinter(format);

const ports = {
  gateway: config.GATEWAY_PORT,
  users: config.USERS_PORT,
  movies: config.MOVIES_PORT,
  reviews: config.REVIEWS_PORT,
  watchlists: config.WATCHLISTS_PORT,
  bookings: config.BOOKINGS_PORT,
  payments: config.PAYMENTS_PORT,
  notifications: config.NOTIFICATIONS_PORT,
  recommendations: config.RECOMMENDATIONS_PORT,
};
const portUses: PortUse[] = [
  ...(config.WEB_ENABLED ? [{ name: 'web', port: config.WEB_PORT }] : []),
  ...Object.entries(ports).map(([name, port]) => ({ name, port })),
];
const jwtKeyFile = path.resolve(repoRoot, config.JWT_KEY_FILE);
const serviceUrls = {
  postgresUrl: config.POSTGRES_URL,
  redisUrl: config.REDIS_URL,
  amqpUrl: config.AMQP_URL,
};

interface Running {
  gatewayUrl: string;
  urls: Record<string, string>;
  /** Pid of each process by name (embedded mode: none of its own). */
  pids: Record<string, number>;
  stop(): Promise<void>;
}

let running: Running | undefined;
let web: WebServer | undefined;
let stopping = false;

async function stop(exitCode: number): Promise<never> {
  stopping = true;
  await Promise.allSettled([web?.close(), running?.stop()]);
  process.exit(exitCode);
}

/** The sentences (and details) of a failed start, then everything started so far stopped. */
async function fail(error: unknown): Promise<never> {
  if (stopping) return stop(1);
  const report = formatStartupFailure(error, format);
  if (format === 'json') process.stdout.write(report);
  else process.stderr.write(report);
  return stop(1);
}

// Ctrl-C, `kill`, a closed terminal: stop everything, gateway first. Installed before
// anything starts, so that a stop while migrating stops what has started.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    log(`${signal}: stopping...`);
    void stop(0);
  });
}
// Started by another process with a channel (a test, a benchmark): its end is ours.
if (process.connected)
  process.once('disconnect', () => {
    if (stopping) return;
    log('the process that started npm start is gone: stopping...');
    void stop(0);
  });

// Run by `npm start`, whose script execs node: npm is the parent. When npm goes alone (a
// SIGKILL to its pid), this process is handed to another parent; it stops as if stopped.
if (config.npm_lifecycle_event === 'start') {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid === parent || stopping) return;
    log('npm start (the npm process) is gone: stopping...');
    void stop(0);
  }, 1_000).unref();
}

const startedAt = performance.now();
const record = createRunRecord({
  pid: process.pid,
  instance: config.INSTANCE_ID,
  mode: 'services',
  startedAt: new Date().toISOString(),
  ports: Object.fromEntries(portUses.map((use) => [use.name, use.port])),
  processes: {},
});
// However this process ends, its record goes with it (a SIGKILL leaves it stale, and the
// next start, finding its pids gone, removes it).
process.once('exit', () => rmSync(record.file, { force: true }));

let mode: 'services' | 'embedded';
try {
  // Before anything is migrated or spawned: a taken port is a sentence, not a stack trace.
  await checkPorts(portUses);
  const choice = await chooseMode(config.CINEGRAPH_MODE, serviceUrls);
  mode = choice.mode;
  record.record.mode = mode;
  await record.write();
  log(`${mode} mode: ${choice.reason}`);
  if (config.CINEGRAPH_MODE === 'services') await requireServices(serviceUrls);

  // The web app is served from its build; rebuilt (a few seconds) while the stack starts
  // when its sources changed since the last one.
  const webBuild = config.WEB_ENABLED
    ? buildWebInChildProcess(log).catch((error: Error) => {
        throw new StartupFailure(
          [
            `The web app could not be built: run npm run build -w @cinegraph/web to see why, or start without it (WEB_ENABLED=false).`,
          ],
          error.message,
        );
      })
    : undefined;
  // Settled even if the stack fails first, so that no rejection goes unheard.
  webBuild?.catch(() => {});
  running = mode === 'embedded' ? await startEmbeddedMode() : await startServicesMode();
  record.record.processes = running.pids;
  await record.write();
  if (webBuild) {
    await webBuild;
    web = await startWebServer({
      port: config.WEB_PORT,
      gateway: config.WEB_GRAPHQL_URL ?? ports.gateway,
    }).catch((error: Error) => {
      throw new StartupFailure([
        `The web app could not listen on port ${config.WEB_PORT} (${error.message}): set WEB_PORT to a free port.`,
      ]);
    });
  }
} catch (error) {
  await fail(error);
}
printBanner(running!, ((performance.now() - startedAt) / 1000).toFixed(1));

function printBanner(stack: Running, seconds: string) {
  const subgraphUrls = Object.entries(stack.urls)
    .filter(([name]) => name !== 'gateway')
    .sort(
      ([a], [b]) =>
        subgraphs.findIndex((s) => s.name === a) - subgraphs.findIndex((s) => s.name === b),
    );
  const dataDir =
    mode === 'embedded' ? path.resolve(repoRoot, config.CINEGRAPH_DATA_DIR) : undefined;
  if (format === 'json') {
    logger.info(
      {
        mode,
        seconds: Number(seconds),
        web: web?.url,
        gateway: stack.gatewayUrl,
        subgraphs: Object.fromEntries(subgraphUrls.map(([name, url]) => [name, `${url}/graphql`])),
        dataDir,
      },
      'CineGraph is running',
    );
    return;
  }
  console.log(
    [
      '',
      `  CineGraph is running in ${mode} mode (ready in ${seconds} s).`,
      ...(web ? [`  Web app: ${web.url}`] : []),
      `  Gateway: ${stack.gatewayUrl}`,
      '  Subgraphs:',
      ...subgraphUrls.map(([name, url]) => `    ${name.padEnd(14)}${url}/graphql`),
      ...(dataDir ? [`  Data: ${dataDir} (delete it to start afresh)`] : []),
      '  Logs: one line per entry here; LOG_FORMAT=json for JSON, LOG_LEVEL=debug for every request.',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

/** What every process gets from npm start, over its own defaults. */
function commonEnv(): Record<string, string> {
  // The gateway lets the web app's origin call it from a browser.
  const corsOrigins = [
    ...config.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
    ...(config.WEB_ENABLED ? localWebOrigins(config.WEB_PORT) : []),
  ].filter(Boolean);
  return {
    LOG_LEVEL: config.LOG_LEVEL,
    JWT_KEY_FILE: jwtKeyFile,
    ...(corsOrigins.length ? { CORS_ORIGINS: corsOrigins.join(',') } : {}),
  };
}

/** Every subgraph and the gateway as processes of their own, on the real services. */
async function startServicesMode(): Promise<Running> {
  const stack = await startStack({
    ...serviceUrls,
    redisKeyPrefix: config.REDIS_KEY_PREFIX,
    eventsPrefix: config.EVENTS_PREFIX,
    databasePrefix: config.DATABASE_PREFIX,
    ports,
    seed: true,
    demoContent: config.CINEGRAPH_DEMO_CONTENT,
    env: commonEnv(),
    instance: config.INSTANCE_ID,
    log,
    onLine: printOutput,
  });

  // Up is not the same as ready: say which dependency a process is still waiting for.
  for (const started of stack.processes) {
    const response = await fetch(`${started.url}/ready`).catch(() => null);
    if (response?.ok) continue;
    const checks = response
      ? ((await response.json()) as { checks?: unknown }).checks
      : 'no answer';
    logger.warn({ process: started.name, checks }, `${started.name} is not ready yet`);
  }
  // A process that dies on its own takes the others down with it: a half-up stack misleads.
  for (const running of stack.processes) {
    running.child.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error(
        { process: running.name, code, signal },
        `${running.name} exited on its own (${signal ?? `code ${code}`}): stopping the rest`,
      );
      void stop(1);
    });
  }
  return {
    gatewayUrl: stack.gatewayUrl,
    urls: Object.fromEntries(stack.processes.map((p) => [p.name, p.url])),
    pids: Object.fromEntries(stack.processes.map((p) => [p.name, p.child.pid!])),
    stop: () => stack.stop(),
  };
}

/** Everything in this process, on PGlite and the in-process keyspace and bus. */
async function startEmbeddedMode(): Promise<Running> {
  const stack = await startEmbedded({
    dataDir: path.resolve(repoRoot, config.CINEGRAPH_DATA_DIR),
    name: 'cinegraph',
    ports,
    seed: true,
    demoContent: config.CINEGRAPH_DEMO_CONTENT,
    // Every service in this process logs as this process does, and reports its start.
    env: { ...commonEnv(), LOG_FORMAT: format, INSTANCE_ID: config.INSTANCE_ID },
    log,
  });
  return { ...stack, pids: {} };
}
