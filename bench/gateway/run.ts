// `npm run bench:gateway [-- --quick] [-- --seconds 30 --connections 50 --only NAME[,NAME] --node-options=FLAGS --before REF]`: CineGraph's gateway
// against plain @apollo/gateway and Hive Gateway, side by side in one run, on the same four
// benchmark subgraphs (accounts, inventory, products, reviews: the well-known federation
// benchmark's shape), the same heavy nested query and the same autocannon load. Every
// response is compared with the expected result; a wrong or failed one is an error, not a
// request. Then the gateways' own overhead: a trivial one-subgraph query through each
// gateway against the same query straight at the subgraph.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import autocannon from 'autocannon';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { repoRoot } from '@cinegraph/stack';
import { usage } from '../support/processUsage.ts';
import { deleteKeys, freePort, testEnvironment, uniqueId } from '@cinegraph/testing';
import { percentile, reportTable } from '../support/benchStack.ts';
import { HEAVY_QUERY, TRIVIAL_QUERY } from './queries.ts';
import { benchSubgraphs } from './subgraphs/schemas.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '50' },
    // Run only the gateway of this name, or else those whose name contains it (e.g. for
    // profiling one of them); several, comma-separated. A partial run prints its tables
    // but does not write them: the files in bench/results hold full runs.
    only: { type: 'string' },
    // NODE_OPTIONS for the gateways' processes (e.g. `--heapsnapshot-signal=SIGUSR2`).
    'node-options': { type: 'string' },
    // Also CineGraph's gateway as it was at this git ref (its gateway/ from a worktree, the
    // query planner as published, the shared packages as they are now), for a change's
    // before and after in one run.
    before: { type: 'string' },
  },
});
const seconds = Number(args.seconds ?? (args.quick ? 8 : 30));
const warmupSeconds = args.quick ? 2 : 5;
const connections = Number(args.connections);
const here = import.meta.dirname;

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

function start(
  name: string,
  command: string,
  commandArgs: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = repoRoot,
) {
  const child = spawn(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  child.once('exit', (code) => {
    if (code && code !== 143 && !child.killed) console.error(`${name} exited ${code}:\n${stderr}`);
  });
  children.push(child);
  return child;
}

async function post(url: string, query: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return response.text();
}

async function waitFor(url: string, name: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await post(url, '{ __typename }').catch(() => null);
    if (answer?.includes('"data"')) return;
    if (Date.now() > deadline) throw new Error(`${name} did not come up at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  latencies: number[];
}

/** A fixed-concurrency autocannon load; responses that differ from `expected` are errors. */
function load(
  url: string,
  query: string,
  expected: string,
  durationS: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections,
        duration: durationS,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        verifyBody: (raw) => {
          const body = String(raw ?? '');
          return body === expected || canonical(body) === expected;
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const errors = result.errors + result.timeouts + result.mismatches + result.non2xx;
        resolve({
          requests: result.requests.total - errors,
          errors,
          rps: (result.requests.total - errors) / durationS,
          latencies: latencies.sort((a, b) => a - b),
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
}

/** The answer as data only, keys in the query's order: what every gateway must return. */
function canonical(body: string): string {
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `not JSON: ${body.slice(0, 100)}`;
  }
  return parsed.errors
    ? `errors:${JSON.stringify(parsed.errors)}`
    : JSON.stringify({ data: parsed.data });
}

interface GatewayDefinition {
  name: string;
  start(port: number, supergraphPath: string): ChildProcess;
}

/**
 * CineGraph's gateway with its defaults and two changes the benchmark needs: no
 * per-address rate limit (one load generator, one address) and a cost limit above this
 * query's estimate (the benchmark schema declares no @listSize, so every list counts at the
 * default size; the other gateways enforce no cost limit at all).
 */
function cinegraph(
  name: string,
  configFile: string,
  nodeFlags: string[] = [],
  checkout = repoRoot,
): GatewayDefinition {
  return {
    name,
    start: (port, supergraph) =>
      start(
        'cinegraph',
        process.execPath,
        [
          '--import',
          'tsx',
          ...nodeFlags,
          'gateway/src/cli.ts',
          '--config',
          path.join(path.dirname(supergraph), configFile),
        ],
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          SUPERGRAPH_PATH: supergraph,
          REDIS_URL: testEnvironment.redisUrl,
          REDIS_KEY_PREFIX: redisKeyPrefix,
          RATE_LIMITS_ENABLED: 'false',
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          ...gatewayEnv,
        },
        checkout,
      ),
  };
}

/** What every gateway's process gets in its environment besides its own settings. */
const gatewayEnv = args['node-options'] ? { NODE_OPTIONS: args['node-options'] } : {};
const id = uniqueId();
const redisKeyPrefix = `cg_bench_${id}:`;
const allGateways: GatewayDefinition[] = [
  {
    name: 'plain @apollo/gateway',
    start: (port, supergraph) =>
      // NODE_ENV=production like the others: every gateway runs as it would be deployed.
      start(
        'apollo',
        process.execPath,
        ['--import', 'tsx', path.join(here, 'apolloGateway.ts'), supergraph, String(port)],
        { NODE_ENV: 'production', ...gatewayEnv },
      ),
  },
  {
    name: 'Hive Gateway',
    start: (port, supergraph) =>
      start(
        'hive',
        path.join(here, 'hive/node_modules/.bin/hive-gateway'),
        ['supergraph', supergraph, '--port', String(port), '--host', '127.0.0.1'],
        { NODE_ENV: 'production', ...gatewayEnv },
      ),
  },
  cinegraph('CineGraph gateway', 'gateway.yaml'),
  // The same without in-flight deduplication: identical concurrent requests (as a load
  // generator sends) otherwise share subgraph fetches, which real traffic does less.
  cinegraph('CineGraph gateway, dedupe off', 'gateway-no-dedupe.yaml'),
  // The same with V8's own heap growth instead of the gateway's 60%
  // (gateway/src/heapGrowth.ts): what that setting saves in peak RSS, and what it costs.
  cinegraph('CineGraph gateway, V8 default heap growth', 'gateway.yaml', [
    '--heap-growing-percent=0',
  ]),
];
const before = args.before ? await checkoutBefore(args.before) : undefined;
if (before)
  allGateways.push(
    cinegraph(
      `CineGraph gateway at ${before.commit} (before)`,
      'gateway.yaml',
      ['--import', path.join(repoRoot, 'gateway/conformance/upstreamPlanner.ts')],
      before.dir,
    ),
  );

/** A worktree of `ref` that runs on this checkout's node_modules. */
async function checkoutBefore(ref: string): Promise<{ dir: string; commit: string }> {
  const commit = execFileSync('git', ['rev-parse', '--short=12', ref], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-bench-before-'));
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: repoRoot });
  for (const modules of ['node_modules', 'gateway/node_modules'])
    if (existsSync(path.join(repoRoot, modules)))
      await symlink(path.join(repoRoot, modules), path.join(dir, modules));
  return { dir, commit };
}

// `--only` names one gateway or several, comma-separated: each the exact name of one, or
// else a part of the names of those it selects.
const selected = (name: string) =>
  allGateways.some((gateway) => gateway.name === name)
    ? allGateways.filter((gateway) => gateway.name === name)
    : allGateways.filter((gateway) => gateway.name.includes(name));
const gateways = args.only
  ? allGateways.filter((gateway) =>
      args.only!.split(',').some((name) => selected(name.trim()).includes(gateway)),
    )
  : allGateways;
if (
  gateways.some((gateway) => gateway.name === 'Hive Gateway') &&
  !existsSync(path.join(here, 'hive/node_modules/.bin/hive-gateway'))
) {
  console.log('bench:gateway: installing Hive Gateway into bench/gateway/hive (npm ci, once)');
  await new Promise<void>((resolve, reject) =>
    spawn('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: path.join(here, 'hive'),
      stdio: 'inherit',
    })
      .once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ci exited ${code}`))))
      .once('error', reject),
  );
}

console.log(
  `bench:gateway: ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per gateway; Node ${process.version}`,
);
const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-bench-gateway-'));
try {
  // The subgraphs, each its own process, shared by every gateway.
  const urls: Record<string, string> = {};
  for (const subgraph of benchSubgraphs) {
    const port = await freePort();
    urls[subgraph.name] = `http://127.0.0.1:${port}/`;
    start(subgraph.name, process.execPath, [
      '--import',
      'tsx',
      path.join(here, 'subgraphs/serve.ts'),
      subgraph.name,
      String(port),
    ]);
  }
  for (const [name, url] of Object.entries(urls)) await waitFor(url, name);
  const composed = composeServices(
    benchSubgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.typeDefs), url: urls[s.name]! })),
  );
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, composed.supergraphSdl);
  const config = 'supergraph:\n  path: supergraph.graphql\nlimits:\n  maxCost: 10000000\n';
  await writeFile(path.join(dir, 'gateway.yaml'), config);
  await writeFile(
    path.join(dir, 'gateway-no-dedupe.yaml'),
    `${config}subgraphs:\n  dedupeQueries: false\n`,
  );

  const rows: Record<string, string | number>[] = [];
  const overhead: Record<string, string | number>[] = [];
  let expected: string | undefined;
  let expectedTrivial: string | undefined;
  let baseline: { rps: number; p99: number; cpu: number } | undefined;

  const trivialDirect = canonical(await post(urls['products']!, TRIVIAL_QUERY));
  for (const gateway of gateways) {
    const port = await freePort();
    const child = gateway.start(port, supergraphPath);
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitFor(url, gateway.name);
    const answer = canonical(await post(url, HEAVY_QUERY));
    if (answer.startsWith('errors:')) throw new Error(`${gateway.name}: ${answer}`);
    expected ??= answer;
    if (answer !== expected) throw new Error(`${gateway.name} answers differently`);
    expectedTrivial ??= canonical(await post(url, TRIVIAL_QUERY));

    await load(url, HEAVY_QUERY, expected, warmupSeconds);
    const before = usage(child.pid!);
    const result = await load(url, HEAVY_QUERY, expected, seconds);
    const after = usage(child.pid!);
    const cpuPer1k = ((after.cpuSeconds - before.cpuSeconds) / result.requests) * 1_000;
    const p99 = percentile(result.latencies, 99);
    baseline ??= { rps: result.rps, p99, cpu: cpuPer1k };
    rows.push({
      gateway: gateway.name,
      'requests/s': result.rps.toFixed(0),
      'p50 ms': percentile(result.latencies, 50).toFixed(1),
      'p95 ms': percentile(result.latencies, 95).toFixed(1),
      'p99 ms': p99.toFixed(1),
      errors: result.errors,
      'peak RSS MB': after.peakRssMb.toFixed(0),
      'CPU s / 1k requests': cpuPer1k.toFixed(2),
      'requests/s vs Apollo': `${(result.rps / baseline.rps).toFixed(2)}x`,
      'p99 vs Apollo': `${(p99 / baseline.p99).toFixed(2)}x`,
    });

    const trivial = await load(url, TRIVIAL_QUERY, expectedTrivial, Math.max(3, seconds / 3));
    overhead.push({
      target: `${gateway.name} (trivial query)`,
      'requests/s': trivial.rps.toFixed(0),
      'p50 ms': percentile(trivial.latencies, 50).toFixed(2),
      'p99 ms': percentile(trivial.latencies, 99).toFixed(2),
      errors: trivial.errors,
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const direct = await load(
    urls['products']!,
    TRIVIAL_QUERY,
    trivialDirect,
    Math.max(3, seconds / 3),
  );
  overhead.push({
    target: 'products subgraph directly',
    'requests/s': direct.rps.toFixed(0),
    'p50 ms': percentile(direct.latencies, 50).toFixed(2),
    'p99 ms': percentile(direct.latencies, 99).toFixed(2),
    errors: direct.errors,
  });

  const heading = `${connections} connections, ${warmupSeconds} s warm-up then ${seconds} s each, heavy nested query (users and topProducts, three levels of reviews, @requires shipping estimates); Node ${process.version}; ${new Date().toISOString()}`;
  if (gateways.length === allGateways.length) {
    await reportTable('gateway', heading, rows, before ? { before: before.commit } : {});
    await reportTable(
      'gateway-overhead',
      `${heading}\n\nThe gateways' own overhead: a trivial one-subgraph query.`,
      overhead,
    );
  } else {
    console.log(`${heading}\n(a partial run: bench/results is left as it was)`);
    console.table(rows);
    console.table(overhead);
  }
  if (rows.some((row) => row.errors !== 0)) process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
  if (before) execFileSync('git', ['worktree', 'remove', '--force', before.dir], { cwd: repoRoot });
  const redis = new Redis(testEnvironment.redisUrl);
  await deleteKeys(redis, redisKeyPrefix);
  redis.disconnect();
}
