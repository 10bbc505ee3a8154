// `npm run bench:startup [-- --runs 2]`: how long `npm start` takes to a gateway that
// answers, in each mode, side by side, and how much memory embedded mode's one process
// holds. Each run spawns `scripts/start.ts` as a user would:
//   services, first start   fresh databases on PostgreSQL: create, migrate, seed, spawn
//   services, restart       the same databases again: nothing to migrate, spawn
//   services, restart, tsx  the same, each process under tsx's loader instead of a bundle
//                           of our sources (CINEGRAPH_SPAWN=tsx; stack/src/bundle.ts)
//   embedded, first start   a fresh data folder: PGlite initdb, migrate, seed, start in-process
//   embedded, restart       the same folder again: open, nothing to migrate, start
// The clock runs from the spawn to the gateway's first healthy answer; RSS is read from
// /proc once the gateway answered (services mode: all eight processes summed).
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deleteStackResources, gateway, spawnProcess, subgraphs } from '@cinegraph/stack';
import { databaseUrlOf } from '@cinegraph/stack';
import { freePort, testEnvironment, uniqueId } from '@cinegraph/testing';
import { reportTable } from './support/benchStack.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '2' } } });
const runs = Number(args.runs);

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Every descendant of a process (npm start's children in services mode). */
async function descendants(pid: number): Promise<number[]> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => ''))
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return [...children, ...(await Promise.all(children.map(descendants))).flat()];
}

async function startOnce(env: Record<string, string>): Promise<{ seconds: number; rss: number }> {
  const ports: Record<string, number> = {};
  for (const name of [gateway.name, ...subgraphs.map((s) => s.name), 'web'])
    ports[name] = await freePort();
  const portEnv = Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [`${name.toUpperCase()}_PORT`, String(port)]),
  );
  const started = performance.now();
  const running = await spawnProcess({
    name: 'npm start',
    entry: 'scripts/start.ts',
    port: ports['gateway']!,
    env: { LOG_LEVEL: 'error', CINEGRAPH_DEMO_CONTENT: 'false', ...portEnv, ...env },
    readyTimeoutMs: 180_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const pids = [running.child.pid!, ...(await descendants(running.child.pid!))];
  const rss = (await Promise.all(pids.map(rssMiB))).reduce((a, b) => a + b, 0);
  await running.stop();
  // npm start's processes run in process groups of their own: when it is cut short (its
  // drain outlasting spawnProcess's grace), they would live on, consuming the queues the
  // cleanup deletes. None may outlive the measurement.
  for (const pid of pids.slice(1)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  return { seconds, rss };
}

const rows: Record<string, string | number>[] = [];
const add = (mode: string, results: { seconds: number; rss: number }[]) => {
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  rows.push({
    start: mode,
    runs: results.length,
    'best s': seconds[0]!.toFixed(1),
    'median s': seconds[Math.floor(seconds.length / 2)]!.toFixed(1),
    'RSS MiB': Math.max(...results.map((r) => r.rss)).toFixed(0),
  });
};

const servicesRuns = [];
const servicesAgain = [];
const servicesAgainTsx = [];
const embeddedFirst = [];
const embeddedAgain = [];
for (let run = 0; run < runs; run++) {
  const prefix = `cg_bench_${uniqueId()}_`;
  try {
    const env = {
      CINEGRAPH_MODE: 'services',
      POSTGRES_URL: testEnvironment.postgresUrl,
      REDIS_URL: testEnvironment.redisUrl,
      AMQP_URL: testEnvironment.amqpUrl,
      DATABASE_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      EVENTS_PREFIX: `${prefix.replace(/_$/, '.')}`,
    };
    servicesRuns.push(await startOnce(env));
    servicesAgain.push(await startOnce(env));
    servicesAgainTsx.push(await startOnce({ ...env, CINEGRAPH_SPAWN: 'tsx' }));
  } finally {
    await deleteStackResources({
      databaseUrls: subgraphs.map((s) =>
        databaseUrlOf(testEnvironment.postgresUrl, prefix, s.name),
      ),
      redisKeyPrefix: prefix,
      eventsPrefix: prefix.replace(/_$/, '.'),
      retryDelaysMs: [1_000, 10_000, 60_000, 300_000],
    });
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'cg_bench_startup_'));
  try {
    const env = { CINEGRAPH_MODE: 'embedded', CINEGRAPH_DATA_DIR: dir };
    embeddedFirst.push(await startOnce(env));
    embeddedAgain.push(await startOnce(env));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
add('services, first start', servicesRuns);
add('services, restart', servicesAgain);
add('services, restart, tsx', servicesAgainTsx);
add('embedded, first start', embeddedFirst);
add('embedded, restart', embeddedAgain);
const median = (name: string) => Number(rows.find((r) => r['start'] === name)!['median s']);
for (const when of ['first start', 'restart'])
  rows.push({
    start: `embedded ÷ services, ${when}`,
    runs: '',
    'best s': '',
    'median s': `${(median(`embedded, ${when}`) / median(`services, ${when}`)).toFixed(2)}×`,
    'RSS MiB': '',
  });
rows.push({
  start: 'bundled ÷ tsx, services restart',
  runs: '',
  'best s': '',
  'median s': `${(median('services, restart') / median('services, restart, tsx')).toFixed(2)}×`,
  'RSS MiB': '',
});
await reportTable('startup', `npm start to a healthy gateway, ${runs} run(s) of each`, rows, {
  runs,
});
