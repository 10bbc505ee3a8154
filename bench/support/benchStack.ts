import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Stack } from '@cinegraph/stack';
import {
  deleteStackResources,
  gateway,
  startEmbedded,
  startStack,
  subgraphs,
} from '@cinegraph/stack';
import { freePort, testEnvironment, uniqueId } from '@cinegraph/testing';
import type { Row, Settings } from './results.ts';
import { writeResults } from './results.ts';

const RETRY_DELAYS_MS = [1_000];

export interface BenchStack {
  stack: Stack;
  /** Where the users subgraph's signing key is (to mint access tokens for load). */
  signingKeyFile: string;
  redisKeyPrefix: string;
  urlOf(name: string): string;
  /** Stops every process and removes its databases, keys and queues. */
  dispose(): Promise<void>;
}

/**
 * The whole supergraph for a benchmark: real processes on free ports, fresh seeded
 * databases, its own Redis prefix and broker names, all removed by `dispose()`.
 */
export async function startBenchStack(processEnv: Record<string, Record<string, string>> = {}) {
  const id = uniqueId();
  const redisKeyPrefix = `cg_bench_${id}:`;
  const eventsPrefix = `cg_bench_${id}.`;
  const keyDir = await mkdtemp(path.join(tmpdir(), 'cinegraph-bench-'));
  const ports: Record<string, number> = {};
  for (const name of [gateway.name, ...subgraphs.map((s) => s.name)])
    ports[name] = await freePort();
  const signingKeyFile = path.join(keyDir, 'jwt.pem');
  const stack = await startStack({
    postgresUrl: testEnvironment.postgresUrl,
    redisUrl: testEnvironment.redisUrl,
    amqpUrl: testEnvironment.amqpUrl,
    databasePrefix: `cg_bench_${id}_`,
    redisKeyPrefix,
    eventsPrefix,
    ports,
    seed: true,
    env: {
      LOG_LEVEL: 'warn',
      RATE_LIMITS_ENABLED: 'false',
      REGISTRATIONS_PER_HOUR: '1000000',
      EVENTS_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
      JWT_KEY_FILE: signingKeyFile,
    },
    processEnv,
    log: () => {},
  });
  return {
    stack,
    signingKeyFile,
    redisKeyPrefix,
    urlOf: (name: string) => stack.processes.find((p) => p.name === name)!.url,
    async dispose() {
      await stack.stop();
      await deleteStackResources({
        databaseUrls: Object.values(stack.databaseUrls),
        redisKeyPrefix,
        eventsPrefix,
        retryDelaysMs: RETRY_DELAYS_MS,
      });
      await rm(keyDir, { recursive: true, force: true });
    },
  } satisfies BenchStack;
}

export type BenchMode = 'services' | 'embedded';

/** What a benchmark that runs in either mode needs of its stack. */
export interface ModeBenchStack {
  mode: BenchMode;
  gatewayUrl: string;
  /** Each subgraph's database URL (open with @cinegraph/database's openDatabase). */
  databaseUrls: Record<string, string>;
  signingKeyFile: string;
  /** Milliseconds from the call to a gateway that answers. */
  startMs: number;
  dispose(): Promise<void>;
}

/**
 * The supergraph in either mode: services mode as startBenchStack; embedded mode in this
 * very process (as `npm start` runs it), on a fresh PGlite data folder, so that the
 * benchmark can read its databases. The load generator then shares the event loop with
 * the services: embedded figures carry that handicap.
 */
export async function startModeBenchStack(mode: BenchMode): Promise<ModeBenchStack> {
  const started = performance.now();
  if (mode === 'services') {
    const bench = await startBenchStack();
    return {
      mode,
      gatewayUrl: bench.stack.gatewayUrl,
      databaseUrls: bench.stack.databaseUrls,
      signingKeyFile: bench.signingKeyFile,
      startMs: performance.now() - started,
      dispose: () => bench.dispose(),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cg_bench_embedded_'));
  const ports: Record<string, number> = {};
  for (const name of [gateway.name, ...subgraphs.map((s) => s.name)])
    ports[name] = await freePort();
  const signingKeyFile = path.join(dir, 'jwt.pem');
  const stack = await startEmbedded({
    dataDir: path.join(dir, 'data'),
    name: `cg_bench_${uniqueId()}`,
    ports,
    seed: true,
    env: {
      // In this process: a warning per minted (unregistered) customer would flood the table.
      LOG_LEVEL: 'error',
      RATE_LIMITS_ENABLED: 'false',
      REGISTRATIONS_PER_HOUR: '1000000',
      EVENTS_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
      JWT_KEY_FILE: signingKeyFile,
    },
    log: () => {},
  });
  return {
    mode,
    gatewayUrl: stack.gatewayUrl,
    databaseUrls: stack.databaseUrls,
    signingKeyFile,
    startMs: performance.now() - started,
    async dispose() {
      await stack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A latency percentile of sorted milliseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Prints rows as a markdown table and writes bench/results/<name>.md and .json (results.ts). */
export async function reportTable(
  name: string,
  heading: string,
  rows: Row[],
  settings: Settings = {},
): Promise<void> {
  await writeResults(name, heading, rows, settings);
}
