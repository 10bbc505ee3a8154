import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Stack } from '@cinegraph/stack';
import { gateway as gatewayDefinition, repoRoot, spawnProcess, subgraphs } from '@cinegraph/stack';
import { hiveGatewayBin, writeHiveConfig } from './hiveGateway.ts';

/** A gateway under test: where to send the load, and which process tree to measure. */
export interface RunningGateway {
  name: string;
  /** Its GraphQL endpoint. */
  url: string;
  pid: number;
  /** Where its Prometheus /metrics are, for CineGraph's gateways. */
  metricsBaseUrl?: string;
  stop(): Promise<void>;
}

/** The supergraph.graphql of the repository, with each subgraph's URL where the stack runs it. */
export async function writeSupergraph(
  dir: string,
  urlOf: (name: string) => string,
): Promise<string> {
  let sdl = await readFile(path.join(repoRoot, 'supergraph.graphql'), 'utf8');
  for (const subgraph of subgraphs)
    sdl = sdl.replace(
      new RegExp(`(@join__graph\\(name: "${subgraph.name}", url: )"[^"]*"`),
      `$1"${urlOf(subgraph.name)}/graphql"`,
    );
  const file = path.join(dir, 'supergraph.graphql');
  await writeFile(file, sdl);
  return file;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2_000),
    });
    return (await response.text()).includes('"data"');
  } catch {
    return false;
  }
}

/** Spawns a gateway that is not ours and waits until it answers a query. */
async function startForeign(
  name: string,
  command: string,
  args: string[],
  port: number,
  cwd: string,
): Promise<RunningGateway> {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const url = `http://127.0.0.1:${port}/graphql`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!running) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  while (!(await answers(url))) {
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not come up at ${url}:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { name, url, pid: child.pid!, stop };
}

export function startApolloGateway(name: string, supergraph: string, port: number) {
  return startForeign(
    name,
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'apolloGateway.ts'),
      supergraph,
      String(port),
    ],
    port,
    repoRoot,
  );
}

/** Hive Gateway's CLI; `fork` 1 is one process (its default), more are cluster workers. */
export async function startHiveGateway(
  name: string,
  supergraph: string,
  port: number,
  fork: number,
) {
  const dir = path.dirname(supergraph);
  const config = await writeHiveConfig(dir);
  return startForeign(
    name,
    hiveGatewayBin,
    [
      'supergraph',
      supergraph,
      '--config-path',
      config,
      '--fork',
      String(fork),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    port,
    dir,
  );
}

/** The stack's own gateway process, as a gateway under test. */
export function stackGateway(name: string, stack: Stack): RunningGateway {
  const running = stack.processes.find((p) => p.name === gatewayDefinition.name)!;
  return {
    name,
    url: stack.gatewayUrl,
    pid: running.child.pid!,
    metricsBaseUrl: running.url,
    // The stack stops it with the rest.
    stop: async () => {},
  };
}

/**
 * Another CineGraph gateway over the same subgraphs, started as the stack starts its own
 * (the same bundle and environment: the subgraph URLs, JWKS, Redis and its key prefix),
 * with `env` on top (e.g. RESPONSE_CACHE_ENABLED=false).
 */
export async function startExtraCineGraphGateway(
  name: string,
  stack: Stack,
  urlOf: (name: string) => string,
  port: number,
  env: Record<string, string>,
): Promise<RunningGateway> {
  // Every subgraph gets the stack's common environment plus its own DATABASE_URL.
  const { DATABASE_URL: _database, ...common } = stack.environments['users']!;
  const running = await spawnProcess({
    name,
    entry: gatewayDefinition.entry,
    port,
    env: {
      ...common,
      SUBGRAPH_URLS: subgraphs.map((s) => `${s.name}=${urlOf(s.name)}/graphql`).join(','),
      ...env,
    },
  });
  return {
    name,
    url: `${running.url}/graphql`,
    pid: running.child.pid!,
    metricsBaseUrl: running.url,
    stop: () => running.stop(),
  };
}
