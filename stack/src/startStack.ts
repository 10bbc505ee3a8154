import { randomUUID } from 'node:crypto';
import type { Log } from './databases.ts';
import { databaseUrlOf, migrateSubgraph, seedSubgraph } from './databases.ts';
import { writeDemoContentLogged } from './demoContent.ts';
import type { RunningProcess } from './spawnProcess.ts';
import { spawnProcess } from './spawnProcess.ts';
import { StartupFailure } from './startupFailure.ts';
import type { SubgraphDefinition } from './subgraphs.ts';
import { gateway, startWaves, subgraphs } from './subgraphs.ts';

export interface StackOptions {
  /** A PostgreSQL server URL (no database); each subgraph gets `<prefix><name>` on it. */
  postgresUrl: string;
  redisUrl: string;
  amqpUrl: string;
  databasePrefix: string;
  redisKeyPrefix: string;
  /** Put in front of the broker's exchange and queue names. */
  eventsPrefix: string;
  /** Port for each process by name (the gateway included). */
  ports: Record<string, number>;
  /** Seed a subgraph's database when it has just been created. */
  seed: boolean;
  /**
   * When the reviews database has just been created, write demo reviews and a watchlist
   * for the seeded accounts through the gateway once everything is up (`npm start`).
   */
  demoContent?: boolean;
  /** Extra environment for every process (e.g. LOG_LEVEL, JWT_KEY_FILE). */
  env?: Record<string, string>;
  /** Extra environment for one process by name, over `env` (e.g. a broken REDIS_URL). */
  processEnv?: Record<string, Record<string, string>>;
  /**
   * The INSTANCE_ID every process reports on `/health` (by default a fresh one): which
   * start they belong to.
   */
  instance?: string;
  log: Log;
  onLine?: (name: string, line: string, stream: 'stdout' | 'stderr') => void;
}

export interface Stack {
  gatewayUrl: string;
  /** The INSTANCE_ID its processes report on `/health`. */
  instance: string;
  processes: RunningProcess[];
  /** The environment each process was started with, by name (to start a replica alike). */
  environments: Record<string, Record<string, string>>;
  databaseUrls: Record<string, string>;
  stop(): Promise<void>;
}

/** Prepares every database, then starts the subgraphs in waves and the gateway last. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const databaseUrls: Record<string, string> = {};
  const created = new Set<string>();
  // Each database is its own: they are migrated and seeded side by side.
  await Promise.all(
    subgraphs.map(async (subgraph) => {
      const databaseUrl = databaseUrlOf(options.postgresUrl, options.databasePrefix, subgraph.name);
      databaseUrls[subgraph.name] = databaseUrl;
      try {
        if (await migrateSubgraph(subgraph, databaseUrl, options.log)) created.add(subgraph.name);
        if (created.has(subgraph.name) && options.seed)
          await seedSubgraph(subgraph, databaseUrl, options.log);
      } catch (error) {
        throw new StartupFailure(
          [
            `The ${subgraph.name} database could not be prepared (${(error as Error).message}): check that POSTGRES_URL names a server this user may create databases on.`,
          ],
          (error as Error).stack,
        );
      }
    }),
  );
  const instance = options.instance ?? randomUUID();

  const portOf = (name: string) => {
    const port = options.ports[name];
    if (port === undefined) throw new Error(`No port given for ${name}`);
    return port;
  };
  const jwksUrl = `http://127.0.0.1:${portOf('users')}/.well-known/jwks.json`;
  const common = {
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: options.redisKeyPrefix,
    AMQP_URL: options.amqpUrl,
    EVENTS_PREFIX: options.eventsPrefix,
    JWKS_URL: jwksUrl,
    // reviews and watchlists learn the catalog from movies at start-up (not per request).
    MOVIES_URL: `http://127.0.0.1:${portOf('movies')}/graphql`,
    ...options.env,
    INSTANCE_ID: instance,
  };

  const processes: RunningProcess[] = [];
  const environments: Record<string, Record<string, string>> = {};
  const stop = async () => {
    // Reverse order: the gateway stops taking traffic before the subgraphs go.
    for (const running of [...processes].reverse()) await running.stop();
  };
  try {
    const start = async (subgraph: SubgraphDefinition) => {
      const env = {
        ...common,
        DATABASE_URL: databaseUrls[subgraph.name]!,
        ...options.processEnv?.[subgraph.name],
      };
      environments[subgraph.name] = env;
      const running = spawnProcess({
        name: subgraph.name,
        entry: subgraph.entry,
        port: portOf(subgraph.name),
        env,
        ...(options.onLine ? { onLine: options.onLine } : {}),
      });
      // Kept even when another process of the wave fails, so that stop() reaches it.
      await running.then((started) => processes.push(started));
    };
    // In waves (see startWaves): a process starts once those it calls at start-up answer.
    for (const wave of startWaves) {
      const results = await Promise.allSettled(wave.map(start));
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const subgraphUrls = subgraphs
      .map((s) => `${s.name}=http://127.0.0.1:${portOf(s.name)}/graphql`)
      .join(',');
    processes.push(
      await spawnProcess({
        name: gateway.name,
        entry: gateway.entry,
        port: portOf(gateway.name),
        env: { ...common, SUBGRAPH_URLS: subgraphUrls, ...options.processEnv?.[gateway.name] },
        ...(options.onLine ? { onLine: options.onLine } : {}),
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayUrl = `http://127.0.0.1:${portOf('gateway')}/graphql`;
  if (options.demoContent && options.seed && created.has('reviews'))
    await writeDemoContentLogged(gatewayUrl, options.log);
  return {
    gatewayUrl,
    instance,
    processes,
    environments,
    databaseUrls,
    stop,
  };
}
