import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll } from 'vitest';
import type { GraphQLResponse, RequestOptions } from '@cinegraph/testing';
import { graphqlRequest, testEnvironment, uniqueId } from '@cinegraph/testing';
import type { RunningProcess } from './spawnProcess.ts';
import { databaseUrlOf } from './databases.ts';
import { spawnProcess } from './spawnProcess.ts';
import { deleteStackResources } from './stackResources.ts';
import type { Stack } from './startStack.ts';
import { startStack } from './startStack.ts';
import { gateway, repoRoot, subgraphs } from './subgraphs.ts';

export interface TestStack {
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
   */
  startReplica(name: string): Promise<string>;
  /** Stops one process (e.g. `movies`) to see how the rest copes; afterAll cleans up as usual. */
  stopProcess(name: string): Promise<void>;
  /**
   * Another gateway in front of this stack's subgraphs, configured by the given
   * gateway.yaml text (written to a temporary folder, so relative paths there resolve
   * against it). Returns its GraphQL URL; it stops with the stack.
   */
  startGateway(configYaml: string, env?: Record<string, string>): Promise<string>;
  /** Stops a gateway `startGateway` started (SIGTERM: it drains as in production). */
  stopGateway(url: string): Promise<void>;
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
  } = {},
): TestStack {
  const id = uniqueId();
  const databasePrefix = `cg_test_${id}_`;
  const redisKeyPrefix = `cg_test_${id}:`;
  const eventsPrefix = `cg_test_${id}.`;
  let stack: Stack | undefined;
  let keyDir: string | undefined;
  const extraProcesses: RunningProcess[] = [];
  const extraDirs: string[] = [];

  const handle: TestStack & { urls: Record<string, string> } = {
    get gatewayUrl() {
      if (!stack) throw new Error('The stack is not started yet (use it inside tests or hooks).');
      return stack.gatewayUrl;
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
      const port = await getPort();
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
          REDIS_URL: testEnvironment.redisUrl,
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
      const subgraph = subgraphs.find((s) => s.name === name);
      const env = stack?.environments[name];
      if (!subgraph || !env) throw new Error(`No subgraph named ${name} in this stack`);
      const running = await spawnProcess({
        name: `${name}-replica`,
        entry: subgraph.entry,
        port: await getPort(),
        env,
      });
      extraProcesses.push(running);
      return running.url;
    },
    async stopProcess(name) {
      const running = stack?.processes.find((p) => p.name === name);
      if (!running) throw new Error(`No process named ${name}`);
      await running.stop();
    },
  };

  beforeAll(async () => {
    keyDir = await mkdtemp(path.join(tmpdir(), 'cinegraph-test-'));
    const ports: Record<string, number> = {};
    for (const name of [gateway.name, ...subgraphs.map((s) => s.name)])
      ports[name] = await getPort();
    stack = await startStack({
      postgresUrl: testEnvironment.postgresUrl,
      redisUrl: testEnvironment.redisUrl,
      databasePrefix,
      redisKeyPrefix,
      amqpUrl: testEnvironment.amqpUrl,
      eventsPrefix,
      ports,
      seed: true,
      env: {
        LOG_LEVEL: 'warn',
        // Functional tests send more than an anonymous IP's 100 requests a minute; the
        // rate limits have tests of their own (startGateway with a configuration).
        RATE_LIMITS_ENABLED: 'false',
        JWT_KEY_FILE: path.join(keyDir, 'jwt.pem'),
        EVENTS_RETRY_DELAYS_MS: handle.eventsEnv['EVENTS_RETRY_DELAYS_MS']!,
        ...options.env,
      },
      ...(options.processEnv ? { processEnv: options.processEnv } : {}),
      log: () => {},
    });
    for (const running of stack.processes) handle.urls[running.name] = running.url;
    Object.assign(handle.databaseUrls, stack.databaseUrls);
  });

  afterAll(async () => {
    for (const running of extraProcesses) await running.stop();
    await Promise.all(extraDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    await stack?.stop();
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
