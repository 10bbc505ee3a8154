// `npm run bench:supergraph [-- --seconds 30 --warmup 8 --connections 32 --viewers 200 --seed 7 --only NAME --quick]`:
// a mixed workload on the real supergraph (seven subgraph processes on PostgreSQL, Redis
// and RabbitMQ, seeded), through five gateways over the same subgraph processes, in one
// run: CineGraph's gateway with its response cache on and off, plain @apollo/gateway, and
// Hive Gateway as one process and as cluster workers. Every query and mutation of the web
// app's and the partner's persisted-query manifests, with variables drawn from the seeded
// data, by 200 signed-in viewers and anonymous traffic (workload.ts, writes.ts); every
// answer checked (mixedLoad.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { gateway as gatewayDefinition, repoRoot, subgraphs } from '@cinegraph/stack';
import { freePort, graphqlRequest } from '@cinegraph/testing';
import type { BenchStack } from '../support/benchStack.ts';
import { percentile, reportTable, startBenchStack } from '../support/benchStack.ts';
import { createAnswerCheck } from './answerShape.ts';
import type { RunningGateway } from './gatewayProcesses.ts';
import {
  stackGateway,
  startApolloGateway,
  startExtraCineGraphGateway,
  startHiveGateway,
  writeSupergraph,
} from './gatewayProcesses.ts';
import { ensureHiveGateway, hiveGatewayVersion } from './hiveGateway.ts';
import type { LoadResult } from './mixedLoad.ts';
import { runMixedLoad } from './mixedLoad.ts';
import { leftOutOperations, loadOperations } from './operations.ts';
import { cacheHitRatio, snapshotCounters } from './processCounters.ts';
import { createRandomChoices } from './randomChoices.ts';
import { loadSeededData } from './seededData.ts';
import { prepareViewers, settleViewers } from './viewers.ts';
import {
  CATALOG_WEIGHTS,
  CATEGORY_WEIGHTS,
  SIGNED_IN_BROWSING,
  SIGNED_IN_WEIGHTS,
} from './workload.ts';
import { WRITE_WEIGHTS } from './writes.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    /** The first pass over every gateway, before any is measured. */
    warmup: { type: 'string' },
    /** Again just before a gateway's own measurement (its pools, its JIT). */
    rewarm: { type: 'string' },
    connections: { type: 'string', default: '32' },
    viewers: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261207' },
    showtimes: { type: 'string', default: '600' },
    /** Measure only the gateways whose name contains one of these (comma-separated); the results files are left alone. */
    only: { type: 'string' },
  },
});
const seconds = Number(args.seconds ?? (args.quick ? 10 : 30));
const warmupSeconds = Number(args.warmup ?? (args.quick ? 4 : 8));
const rewarmSeconds = Number(args.rewarm ?? (args.quick ? 2 : 3));
const connections = Number(args.connections);
const viewerCount = Number(args.viewers);
const seed = Number(args.seed);

const CINEGRAPH = 'CineGraph gateway, response cache on';
const CINEGRAPH_NO_CACHE = 'CineGraph gateway, response cache off';
const APOLLO = 'plain @apollo/gateway';
const HIVE_ONE = 'Hive Gateway, 1 process (--fork 1, its default)';
const cores = availableParallelism();
const HIVE_WORKERS = `Hive Gateway, ${cores} workers (--fork ${cores}, one per core)`;

console.log(
  `bench:supergraph: ${connections} connections, ${warmupSeconds} s warm-up pass, then ${rewarmSeconds} s + ${seconds} s per gateway; ${viewerCount} viewers; seed ${seed}; Node ${process.version}`,
);
await ensureHiveGateway();

const production = { NODE_ENV: 'production' };
const processEnv: Record<string, Record<string, string>> = {
  [gatewayDefinition.name]: { ...production, RESPONSE_CACHE_ENABLED: 'true' },
};
for (const subgraph of subgraphs) processEnv[subgraph.name] = production;

// Each spawned process (seven subgraphs and five gateways) kills itself on our exit.
process.setMaxListeners(30);
let bench: BenchStack | undefined;
const gateways: RunningGateway[] = [];
const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-bench-supergraph-'));
let cleaned: Promise<void> | undefined;
const cleanUp = () =>
  (cleaned ??= (async () => {
    for (const gateway of gateways) await gateway.stop().catch(() => {});
    await bench?.dispose();
    await rm(dir, { recursive: true, force: true });
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  const started = performance.now();
  bench = await startBenchStack(processEnv);
  const { stack } = bench;
  console.log(`stack up in ${((performance.now() - started) / 1_000).toFixed(0)} s`);

  const operations = loadOperations();
  const schema = buildSchema(await readFile(path.join(repoRoot, 'supergraph.graphql'), 'utf8'));
  const checks = Object.fromEntries(
    Object.values(operations).map((op) => [op.name, createAnswerCheck(schema, op.body)]),
  );
  const data = await loadSeededData(
    stack.gatewayUrl,
    stack.databaseUrls['bookings']!,
    Number(args.showtimes),
  );
  const viewers = await prepareViewers({
    gatewayUrl: stack.gatewayUrl,
    signingKeyFile: bench.signingKeyFile,
    operations,
    data,
    count: viewerCount,
    random: createRandomChoices(seed - 1),
  });
  console.log(
    `${data.movies.length} movies, ${data.showtimes.length} showtimes, ${viewers.length} viewers with a past, ready in ${((performance.now() - started) / 1_000).toFixed(0)} s`,
  );

  const supergraph = await writeSupergraph(dir, bench.urlOf);
  const all: (() => Promise<RunningGateway>)[] = [
    async () => startApolloGateway(APOLLO, supergraph, await freePort()),
    async () => startHiveGateway(HIVE_ONE, supergraph, await freePort(), 1),
    async () => startHiveGateway(HIVE_WORKERS, supergraph, await freePort(), cores),
    async () =>
      startExtraCineGraphGateway(CINEGRAPH_NO_CACHE, stack, bench!.urlOf, await freePort(), {
        ...production,
        RESPONSE_CACHE_ENABLED: 'false',
      }),
    async () => stackGateway(CINEGRAPH, stack),
  ];
  const names = [APOLLO, HIVE_ONE, HIVE_WORKERS, CINEGRAPH_NO_CACHE, CINEGRAPH];
  const only = args.only?.toLowerCase().split(',');
  for (const [i, start] of all.entries())
    if (!only || only.some((part) => names[i]!.toLowerCase().includes(part.trim())))
      gateways.push(await start());
  if (gateways.length === 0) throw new Error(`No gateway's name contains ${args.only}`);
  // A signed-in `me` through each: null would mean the token never reached users.
  for (const gateway of gateways) {
    const answer = await graphqlRequest<{ me: { id: string } | null }>(
      gateway.url,
      operations['UnreadNotificationCount']!.body,
      { token: viewers[0]!.token },
    );
    if (answer.data?.me?.id !== viewers[0]!.id)
      throw new Error(
        `${gateway.name} does not pass the viewer on to the subgraphs: ${JSON.stringify(answer)}`,
      );
  }

  const subgraphProcesses = stack.processes
    .filter((p) => p.name !== gatewayDefinition.name)
    .map((p) => ({ pid: p.child.pid!, url: p.url }));
  let keys = 0;
  let passes = 0;
  const run = Date.now().toString(36);
  const load = (gateway: RunningGateway, durationS: number, loadSeed: number) =>
    runMixedLoad({
      url: gateway.url,
      seconds: durationS,
      connections,
      seed: loadSeed,
      pass: passes++,
      viewers,
      data,
      operations,
      checks,
      uniqueKey: () => `${run}-${keys++}`,
    });

  // One pass over every gateway first, so that the subgraphs' caches and PostgreSQL's
  // buffers are as warm for the first one measured as for the last; on another seed than
  // the measured sequence.
  for (const gateway of gateways) {
    const warm = await load(gateway, warmupSeconds, seed + 100_000);
    await settleViewers(stack.gatewayUrl, operations, viewers);
    console.log(
      `warm-up ${gateway.name}: ${(warm.requests / warm.wallSeconds).toFixed(0)} requests/s, ${warm.errors} errors`,
    );
  }

  interface Measured {
    gateway: RunningGateway;
    result: LoadResult;
    row: Record<string, string | number>;
  }
  const measured: Measured[] = [];
  for (const gateway of gateways) {
    await load(gateway, rewarmSeconds, seed + 200_000);
    await settleViewers(stack.gatewayUrl, operations, viewers);
    const before = await snapshotCounters(gateway, subgraphProcesses);
    const result = await load(gateway, seconds, seed);
    const after = await snapshotCounters(gateway, subgraphProcesses);
    await settleViewers(stack.gatewayUrl, operations, viewers);
    const answered = result.requests + result.errors + result.unexpectedRefusals;
    const perThousand = (cpu: number) => ((cpu / answered) * 1_000).toFixed(2);
    measured.push({
      gateway,
      result,
      row: {
        gateway: gateway.name,
        'requests/s': (result.requests / result.wallSeconds).toFixed(0),
        'p50 ms': percentile(result.latencies, 50).toFixed(1),
        'p95 ms': percentile(result.latencies, 95).toFixed(1),
        'p99 ms': percentile(result.latencies, 99).toFixed(1),
        'gateway CPU s / 1k requests': perThousand(
          after.gatewayCpuSeconds - before.gatewayCpuSeconds,
        ),
        'gateway peak RSS MiB': after.gatewayPeakRssMb.toFixed(0),
        'subgraph CPU s / 1k requests': perThousand(
          after.subgraphCpuSeconds - before.subgraphCpuSeconds,
        ),
        'SQL statements / request': (
          (after.sqlStatements - before.sqlStatements) /
          answered
        ).toFixed(2),
        errors: result.errors,
        'expected refusals': result.expectedRefusals,
        'unexpected refusals': result.unexpectedRefusals,
        'cache hit ratio': cacheHitRatio(before, after),
        // Others' work on the machine shows here: compare rows measured under like loads.
        'machine load avg': loadavg()[0]!.toFixed(1),
      },
    });
    console.log(`${gateway.name}:`, measured.at(-1)!.row);
    console.log('  sent:', JSON.stringify(result.byOperation));
    if (before.cacheLookups && after.cacheLookups)
      console.log(
        '  cache lookups:',
        JSON.stringify(
          Object.fromEntries(
            Object.entries(after.cacheLookups).map(([outcome, n]) => [
              outcome,
              n - before.cacheLookups![outcome as keyof typeof after.cacheLookups],
            ]),
          ),
        ),
      );
    console.log('  refused as expected:', JSON.stringify(result.refusals));
    for (const [key, { count, sample }] of result.problems)
      console.log(`  ${count} × ${key}\n    e.g. ${sample}`);
  }

  const baseline = measured.find((m) => m.gateway.name === APOLLO)?.row;
  const ratio = (row: Record<string, string | number>, column: string) =>
    baseline ? `${(Number(row[column]) / Number(baseline[column])).toFixed(2)}x` : 'n/a';
  const rows = measured.map(({ row }) => ({
    ...row,
    'requests/s vs Apollo': ratio(row, 'requests/s'),
    'p99 vs Apollo': ratio(row, 'p99 ms'),
    'gateway CPU vs Apollo': ratio(row, 'gateway CPU s / 1k requests'),
  }));

  const first = measured[0]!.result;
  const mix = Object.entries(first.byCategory)
    .map(([category, n]) => `${category} ${((n / Math.max(1, first.requests)) * 100).toFixed(1)}%`)
    .join(', ');
  const unsent = Object.keys(operations).filter((name) =>
    measured.every(({ result }) => !result.byOperation[name]),
  );
  const problems = measured.flatMap(({ gateway, result }) =>
    [...result.problems].map(
      ([key, { count, sample }]) => `- ${gateway.name}: ${count} × ${key} (e.g. ${sample})`,
    ),
  );
  const heading = [
    `A mixed workload on the real supergraph (seven subgraph processes on PostgreSQL, Redis and RabbitMQ, seeded; every process with NODE_ENV=production), through each gateway in turn over the same subgraph processes: ${connections} connections (an undici pool), ${viewerCount} signed-in viewers plus anonymous traffic, the same seeded request sequence (seed ${seed}) for every gateway.`,
    `Operations: every query and mutation of web/persisted-query-manifest.json and clients/partner/persisted-query-manifest.json, plus UpdateReview (the API's review edit, which the web app lacks); left out: ${leftOutOperations().join(', ')} (a subscription). Every gateway, ours included, is sent the full query text, not persisted-query ids, since the others do not know our manifests.`,
    `Mix by weight: ${Object.entries(CATEGORY_WEIGHTS)
      .map(([k, v]) => `${k} ${v}%`)
      .join(
        ', ',
      )} (${SIGNED_IN_BROWSING * 100}% of catalog reads and movie pages signed in); as sent to the first gateway: ${mix}. Writes: reviews created and edited, marked helpful, watchlist add/remove/watched, notifications marked read, sign-ups, and two flows whose steps follow each other at once, as in a client (each step counted as a write, the next write draws skipped to keep the share): seat holds of 1 to 4 seats on any of ${data.showtimes.length} showtimes → booking → payment (a tenth declined), or the hold released (one in four), or a past booking cancelled; and sign-in → refresh → sign-out. A CONFLICT or NOT_FOUND on a write (a seat someone holds, a second review, an expired hold) is an expected refusal; any other error, a non-200 status or an answer whose shape does not match the operation (non-null fields, lists) is an error.`,
    `Order: a warm-up pass of ${warmupSeconds} s over every gateway first (another seed), so that the subgraphs' caches are as warm for the first gateway measured as for the last; then per gateway ${rewarmSeconds} s of warm-up and ${seconds} s measured, in the table's order. Holds and unpaid bookings are released between gateways. CPU per 1,000 requests: the gateway's process tree (Hive's workers included) and the seven subgraph processes (background work included), from /proc; SQL statements from the subgraphs' db_statements_total; cache hit ratio: hits among all lookups of gateway_response_cache_lookups_total (n/a where the gateway exports no such metric). The load generator shares the machine's ${cores} cores with everything else; "machine load avg" is the 1-minute load average at the end of each gateway's window (above the core count, other work was competing for the CPU, and the rows are only comparable under like loads). Hive Gateway ${await hiveGatewayVersion()} runs one process by default (its --fork defaults to 1); its second row is its cluster mode with a worker per core.`,
    ...(unsent.length ? [`Drawn by no measured window: ${unsent.join(', ')}.`] : []),
    `Expected refusals: ${measured
      .map(
        ({ gateway, result }) =>
          `${gateway.name}: ${
            Object.entries(result.refusals)
              .map(([key, n]) => `${n} × ${key}`)
              .join(', ') || 'none'
          }`,
      )
      .join('; ')}.`,
    ...(problems.length ? ['', 'Errors and unexpected refusals:', ...problems] : []),
    '',
    `Node ${process.version}; ${new Date().toISOString()}`,
  ].join('\n');
  const settings = {
    seconds,
    warmupSeconds,
    rewarmSeconds,
    connections,
    viewers: viewerCount,
    seed,
    showtimes: data.showtimes.length,
    categoryWeights: Object.entries(CATEGORY_WEIGHTS).map(([k, v]) => `${k} ${v}`),
    catalogWeights: Object.entries(CATALOG_WEIGHTS).map(([k, v]) => `${k} ${v}`),
    signedInWeights: Object.entries(SIGNED_IN_WEIGHTS).map(([k, v]) => `${k} ${v}`),
    writeWeights: Object.entries(WRITE_WEIGHTS).map(([k, v]) => `${k} ${v}`),
    signedInBrowsing: SIGNED_IN_BROWSING,
    gateways: gateways.map((g) => g.name),
  };
  // Where each gateway's tail comes from: p50 and p99 by operation.
  const shortName = (name: string) =>
    name
      .replace('plain @apollo/gateway', 'Apollo')
      .replace(/Hive Gateway, (\d+) (process|workers).*/, 'Hive $1 $2')
      .replace('CineGraph gateway, response cache', 'CineGraph cache');
  const operationRows = Object.keys(operations)
    .filter((name) => measured.some(({ result }) => result.latenciesByOperation[name]))
    .map((name) => {
      const row: Record<string, string | number> = {
        operation: name,
        'share %': (
          ((first.latenciesByOperation[name]?.length ?? 0) / Math.max(1, first.requests)) *
          100
        ).toFixed(1),
      };
      for (const { gateway, result } of measured) {
        const latencies = result.latenciesByOperation[name] ?? [];
        const figure = (p: number) =>
          latencies.length ? percentile(latencies, p).toFixed(0) : 'n/a';
        row[`${shortName(gateway.name)} p50 ms`] = figure(50);
        row[`${shortName(gateway.name)} p99 ms`] = figure(99);
      }
      return row;
    });
  const operationHeading = `Latency by operation in bench:supergraph's run of the same date (bench/results/supergraph.md has the settings): p50 and p99 in ms of each operation's answered requests per gateway (n/a: none answered in that window), and each operation's share of the first gateway's requests.`;
  if (args.only) {
    console.log(`${heading}\n(a partial run: bench/results is left as it was)`);
    console.table(rows);
    console.table(operationRows);
  } else {
    await reportTable('supergraph', heading, rows, settings);
    await reportTable('supergraph-operations', operationHeading, operationRows, settings);
  }
  if (measured.some(({ result }) => result.errors || result.unexpectedRefusals))
    process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
