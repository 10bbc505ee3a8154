import { constants } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { GraphQLResponse, RequestOptions } from '@cinegraph/testing';
import { freePort, graphqlRequest, testEnvironment, uniqueId } from '@cinegraph/testing';
import type { RunningProcess } from './spawnProcess.ts';
import { databaseUrlOf } from './databases.ts';
import { embeddedDatabaseUrl } from './embedded.ts';
import { spawnProcess } from './spawnProcess.ts';
import { deleteStackResources } from './stackResources.ts';
import type { Stack } from './startStack.ts';
import { startStack } from './startStack.ts';
import { gateway, repoRoot, subgraphs } from './subgraphs.ts';
import type { WebServer } from '@cinegraph/web/server';
import { localWebOrigins, startWebServer } from '@cinegraph/web/server';

/**
 * Which mode a test run's stacks run in: `services` (each subgraph its own process, on
 * PostgreSQL, Redis and RabbitMQ) or `embedded` (one `npm start` process on PGlite and the
 * in-process keyspace and bus). The e2e-embedded project sets CINEGRAPH_TEST_MODE.
 */
export type StackMode = 'services' | 'embedded';

export function testStackMode(): StackMode {
  return process.env['CINEGRAPH_TEST_MODE'] === 'embedded' ? 'embedded' : 'services';
}

declare module 'vitest' {
  interface ProvidedContext {
    /** A migrated, seeded embedded data folder to copy (see e2e/embeddedTemplate.ts). */
    embeddedTemplateDir: string;
  }
}

export interface TestStack {
  readonly mode: StackMode;
  /** The gateway's GraphQL endpoint. */
  readonly gatewayUrl: string;
  /** Base URL (no path) of each process by name: users, movies, reviews, ..., gateway. */
  readonly urls: Record<string, string>;
  readonly databaseUrls: Record<string, string>;
  /** The Redis key prefix of this stack's processes (pub/sub channels carry it too). */
  readonly redisKeyPrefix: string;
  /** The event settings every process of this stack runs with (AMQP_URL, EVENTS_PREFIX, ...). */
  readonly eventsEnv: Record<string, string>;
  /** The PKCS#8 PEM the users subgraph signs with (to forge expired tokens in tests). */
  signingKeyPem(): Promise<string>;
  graphql<Data = Record<string, unknown>>(
    query: string,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<Data>>;
  /**
   * Another replica of a subgraph (e.g. `bookings`): the same database, Redis, broker and
   * settings, on a port of its own. Returns its base URL; it stops with the stack.
   * Services mode only (in embedded mode every service is in one process).
   */
  startReplica(name: string): Promise<string>;
  /**
   * Stops one process (e.g. `movies`) to see how the rest copes; afterAll cleans up as
   * usual. Services mode only; in embedded mode, `stop()` stops the whole stack.
   */
  stopProcess(name: string): Promise<void>;
  /**
   * Starts again, on its port and with its settings, a process `stopProcess` stopped.
   * Services mode only.
   */
  startProcess(name: string): Promise<void>;
  /**
   * Another gateway in front of this stack's subgraphs, configured by the given
   * gateway.yaml text (written to a temporary folder, so relative paths there resolve
   * against it). Returns its GraphQL URL; it stops with the stack.
   */
  startGateway(configYaml: string, env?: Record<string, string>): Promise<string>;
  /** Stops a gateway `startGateway` started (SIGTERM: it drains as in production). */
  stopGateway(url: string): Promise<void>;
  /**
   * Embedded mode: stops the stack's process (SIGTERM, as Ctrl-C) and starts it again on
   * the same data folder, on the same ports.
   */
  restart(): Promise<void>;
}

const TEST_RETRY_DELAYS_MS = [200, 1_000];

/**
 * The whole supergraph for one test file: fresh databases (migrated and seeded), a Redis
 * key prefix, broker names of its own, and every process spawned on free ports. Torn down
 * after the file.
 */
export function useStack(
  options: {
    /** Extra environment for every process. */
    env?: Record<string, string>;
    /** Extra environment for one process by name (e.g. `{ reviews: { REDIS_URL } }`). */
    processEnv?: Record<string, Record<string, string>>;
    /**
     * Serve the built web app too (web/dist), as `npm start` does: `urls.web`, with the
     * gateway allowing its origin. Off by default.
     */
    web?: boolean;
  } = {},
): TestStack {
  const mode = testStackMode();
  const id = uniqueId();
  const databasePrefix = `cg_test_${id}_`;
  const redisKeyPrefix = `cg_test_${id}:`;
  const eventsPrefix = `cg_test_${id}.`;
  let stack: Stack | undefined;
  let keyDir: string | undefined;
  const extraProcesses: RunningProcess[] = [];
  const extraDirs: string[] = [];

  // Embedded mode: the one process, its ports and data folder.
  let embedded: { process: RunningProcess; start: () => Promise<RunningProcess> } | undefined;
  let dataDir: string | undefined;
  const servicesOnly = (what: string) =>
    new Error(`${what} needs services mode (this stack runs embedded, in one process)`);

  const handle: TestStack & { urls: Record<string, string> } = {
    mode,
    get gatewayUrl() {
      const url = stack?.gatewayUrl ?? (embedded && `${handle.urls['gateway']}/graphql`);
      if (!url) throw new Error('The stack is not started yet (use it inside tests or hooks).');
      return url;
    },
    urls: {},
    databaseUrls: {},
    redisKeyPrefix,
    eventsEnv: {
      AMQP_URL: testEnvironment.amqpUrl,
      EVENTS_PREFIX: eventsPrefix,
      EVENTS_RETRY_DELAYS_MS: TEST_RETRY_DELAYS_MS.join(','),
    },
    signingKeyPem: () => readFile(path.join(keyDir!, 'jwt.pem'), 'utf8'),
    graphql: (query, options) => graphqlRequest(handle.gatewayUrl, query, options),
    async startGateway(configYaml, env = {}) {
      const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-gateway-'));
      extraDirs.push(dir);
      await writeFile(path.join(dir, 'gateway.yaml'), configYaml);
      const port = await freePort();
      const running = await spawnProcess({
        name: 'gateway',
        entry: gateway.entry,
        port,
        args: ['--config', path.join(dir, 'gateway.yaml')],
        env: {
          LOG_LEVEL: 'warn',
          SUPERGRAPH_PATH: path.join(repoRoot, 'supergraph.graphql'),
          SUBGRAPH_URLS: subgraphs.map((s) => `${s.name}=${handle.urls[s.name]}/graphql`).join(','),
          JWKS_URL: `${handle.urls['users']}/.well-known/jwks.json`,
          // In embedded mode the stack's keyspace is inside its process: this gateway keeps
          // its own (persisted queries and rate limits are per gateway there).
          REDIS_URL: mode === 'embedded' ? `memory://${id}-gateway` : testEnvironment.redisUrl,
          REDIS_KEY_PREFIX: redisKeyPrefix,
          // Off unless a test turns them on (env: { RATE_LIMITS_ENABLED: 'true' }).
          RATE_LIMITS_ENABLED: 'false',
          ...env,
        },
      });
      extraProcesses.push(running);
      return `${running.url}/graphql`;
    },
    async stopGateway(url) {
      const running = extraProcesses.find((p) => url.startsWith(p.url));
      if (!running) throw new Error(`No gateway of this stack at ${url}`);
      await running.stop();
    },
    async startReplica(name) {
      if (mode === 'embedded') throw servicesOnly('startReplica');
      const subgraph = subgraphs.find((s) => s.name === name);
      const env = stack?.environments[name];
      if (!subgraph || !env) throw new Error(`No subgraph named ${name} in this stack`);
      const running = await spawnProcess({
        name: `${name}-replica`,
        entry: subgraph.entry,
        port: await freePort(),
        env,
      });
      extraProcesses.push(running);
      return running.url;
    },
    async stopProcess(name) {
      if (mode === 'embedded') throw servicesOnly('stopProcess');
      const running = stack?.processes.find((p) => p.name === name);
      if (!running) throw new Error(`No process named ${name}`);
      await running.stop();
    },
    async startProcess(name) {
      if (mode === 'embedded') throw servicesOnly('startProcess');
      const index = stack?.processes.findIndex((p) => p.name === name) ?? -1;
      const subgraph = subgraphs.find((s) => s.name === name);
      const env = stack?.environments[name];
      if (!stack || index < 0 || !subgraph || !env) throw new Error(`No subgraph named ${name}`);
      const stopped = stack.processes[index]!;
      if (stopped.child.exitCode === null && stopped.child.signalCode === null)
        throw new Error(`${name} is running; stop it first`);
      stack.processes[index] = await spawnProcess({
        name,
        entry: subgraph.entry,
        port: Number(new URL(stopped.url).port),
        env,
      });
    },
    async restart() {
      if (!embedded) throw new Error('restart() is for embedded mode');
      await embedded.process.stop();
      embedded.process = await embedded.start();
    },
  };

  let webServer: WebServer | undefined;

  const commonEnv = () => ({
    LOG_LEVEL: 'warn',
    // `npm start` serves the web app only where a test asks for it (each on its own port).
    WEB_ENABLED: 'false',
    // Functional tests send more than an anonymous IP's 100 requests a minute; the
    // rate limits have tests of their own (startGateway with a configuration).
    RATE_LIMITS_ENABLED: 'false',
    // Every test registers its accounts from 127.0.0.1; the limit has tests of its own.
    REGISTRATIONS_PER_HOUR: '1000000',
    JWT_KEY_FILE: path.join(keyDir!, 'jwt.pem'),
    EVENTS_RETRY_DELAYS_MS: handle.eventsEnv['EVENTS_RETRY_DELAYS_MS']!,
    ...options.env,
  });

  /** `npm start` in embedded mode on a copy of the template data folder. */
  async function startEmbeddedStack(ports: Record<string, number>): Promise<void> {
    // One process reads one environment: per-process settings are merged, which is sound
    // while each is read by one service only (e.g. bookings' HOLD_TTL_SECONDS).
    const merged: Record<string, string> = {};
    for (const [name, variables] of Object.entries(options.processEnv ?? {}))
      for (const [variable, value] of Object.entries(variables)) {
        if (['REDIS_URL', 'AMQP_URL', 'DATABASE_URL'].includes(variable))
          throw servicesOnly(`${name}'s own ${variable}`);
        if (merged[variable] !== undefined && merged[variable] !== value)
          throw servicesOnly(`a ${variable} for ${name} alone`);
        merged[variable] = value;
      }
    dataDir = await mkdtemp(path.join(tmpdir(), 'cg_test_embedded_'));
    const template = inject('embeddedTemplateDir');
    // A copy-on-write clone where the filesystem has them, a plain copy elsewhere.
    if (template)
      await cp(template, dataDir, { recursive: true, mode: constants.COPYFILE_FICLONE });
    const env: Record<string, string> = {
      ...commonEnv(),
      ...merged,
      CINEGRAPH_MODE: 'embedded',
      CINEGRAPH_DATA_DIR: dataDir,
      CINEGRAPH_DEMO_CONTENT: 'false',
    };
    for (const [name, port] of Object.entries(ports))
      env[`${name.toUpperCase()}_PORT`] = String(port);
    if (options.web) env['WEB_ENABLED'] = 'true';
    const start = () =>
      spawnProcess({
        name: 'embedded',
        entry: 'scripts/start.ts',
        // The gateway starts last: its health means every service is up.
        port: ports['gateway']!,
        env,
        readyTimeoutMs: 120_000,
      });
    embedded = { process: await start(), start };
    for (const [name, port] of Object.entries(ports))
      handle.urls[name] = `http://127.0.0.1:${port}`;
    for (const subgraph of subgraphs)
      handle.databaseUrls[subgraph.name] = embeddedDatabaseUrl(dataDir, subgraph.name);
  }

  beforeAll(async () => {
    keyDir = await mkdtemp(path.join(tmpdir(), 'cinegraph-test-'));
    const ports: Record<string, number> = {};
    for (const name of [gateway.name, ...subgraphs.map((s) => s.name)])
      ports[name] = await freePort();
    if (options.web) ports['web'] = await freePort();
    if (mode === 'embedded') return startEmbeddedStack(ports);
    stack = await startStack({
      postgresUrl: testEnvironment.postgresUrl,
      redisUrl: testEnvironment.redisUrl,
      databasePrefix,
      redisKeyPrefix,
      amqpUrl: testEnvironment.amqpUrl,
      eventsPrefix,
      ports,
      seed: true,
      env: commonEnv(),
      processEnv: {
        ...options.processEnv,
        ...(options.web
          ? {
              gateway: {
                CORS_ORIGINS: localWebOrigins(ports['web']!).join(','),
                ...options.processEnv?.['gateway'],
              },
            }
          : {}),
      },
      log: () => {},
    });
    for (const running of stack.processes) handle.urls[running.name] = running.url;
    Object.assign(handle.databaseUrls, stack.databaseUrls);
    // Services mode: the web app is served from this test's process, as `npm start` would.
    if (options.web) {
      webServer = await startWebServer({ port: ports['web']!, gateway: ports['gateway']! });
      handle.urls['web'] = localWebOrigins(ports['web']!)[0]!;
    }
  });

  afterAll(async () => {
    await webServer?.close();
    for (const running of extraProcesses) await running.stop();
    await Promise.all(extraDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    await stack?.stop();
    await embedded?.process.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (mode === 'embedded') {
      if (keyDir) await rm(keyDir, { recursive: true, force: true });
      return;
    }
    await deleteStackResources({
      // Every database the stack may have made, also when it failed half-way through
      // starting (then `stack` is undefined but some databases exist).
      databaseUrls: subgraphs.map((s) =>
        databaseUrlOf(testEnvironment.postgresUrl, databasePrefix, s.name),
      ),
      redisKeyPrefix,
      eventsPrefix,
      retryDelaysMs: TEST_RETRY_DELAYS_MS,
    });
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  return handle;
}
