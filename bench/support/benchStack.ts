import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import type { Stack } from '@cinegraph/stack';
import { deleteStackResources, gateway, repoRoot, startStack, subgraphs } from '@cinegraph/stack';
import { testEnvironment, uniqueId } from '@cinegraph/testing';

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
  for (const name of [gateway.name, ...subgraphs.map((s) => s.name)]) ports[name] = await getPort();
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

/** A latency percentile of sorted milliseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Prints rows as a markdown table and writes it, with a heading, to bench/results/<name>.md. */
export async function reportTable(
  name: string,
  heading: string,
  rows: Record<string, string | number>[],
): Promise<void> {
  const header = Object.keys(rows[0]!);
  const table = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${Object.values(row).join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  const dir = path.join(repoRoot, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${name}.md`), `# bench:${name}\n\n${heading}\n\n${table}\n`);
}
