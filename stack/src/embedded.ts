import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { lock } from 'proper-lockfile';
import type { Runnable } from '@cinegraph/service-kit';
import type { Log } from './databases.ts';
import { migrateSubgraph, seedSubgraph } from './databases.ts';
import { writeDemoContentLogged } from './demoContent.ts';
import { StartupFailure } from './startupFailure.ts';
import type { SubgraphDefinition } from './subgraphs.ts';
import { repoRoot, startWaves, subgraphs } from './subgraphs.ts';

export interface EmbeddedOptions {
  /** Where each subgraph's PGlite database and the bus journal live (created if missing). */
  dataDir: string;
  /** Names the in-process keyspace and bus (`memory://<name>`), one per running stack. */
  name: string;
  /** Port for each service by name (the gateway included). */
  ports: Record<string, number>;
  host?: string;
  seed: boolean;
  /** As in startStack: demo reviews and a watchlist when the reviews database is new. */
  demoContent?: boolean;
  /** Environment every service reads, over the process's own (LOG_LEVEL, JWT_KEY_FILE, ...). */
  env?: Record<string, string>;
  log: Log;
}

export interface EmbeddedStack {
  gatewayUrl: string;
  /** Base URL (no path) of each service by name, the gateway included. */
  urls: Record<string, string>;
  databaseUrls: Record<string, string>;
  /** The keyspace and bus URLs the services share (REDIS_URL and AMQP_URL). */
  keyspaceUrl: string;
  busUrl: string;
  /** The gateway stops taking traffic first, then the subgraphs in reverse start order. */
  stop(): Promise<void>;
}

type Factory = (env: Record<string, string | undefined>) => Promise<Runnable>;

/**
 * Each subgraph's factory, from its configuration loader and service builder: the same
 * code its own process runs (src/index.ts), imported on demand.
 */
const factories: Record<string, () => Promise<Factory>> = {
  async users() {
    const [{ loadUsersConfig }, { createUsersService }] = await Promise.all([
      import('@cinegraph/users/config'),
      import('@cinegraph/users/service'),
    ]);
    return (env) => createUsersService(loadUsersConfig(env));
  },
  async movies() {
    const [{ loadMoviesConfig }, { createMoviesService }] = await Promise.all([
      import('@cinegraph/movies/config'),
      import('@cinegraph/movies/service'),
    ]);
    return (env) => createMoviesService(loadMoviesConfig(env));
  },
  async reviews() {
    const [{ loadReviewsConfig }, { createReviewsService }] = await Promise.all([
      import('@cinegraph/reviews/config'),
      import('@cinegraph/reviews/service'),
    ]);
    return (env) => createReviewsService(loadReviewsConfig(env));
  },
  async watchlists() {
    const [{ loadWatchlistsConfig }, { createWatchlistsService }] = await Promise.all([
      import('@cinegraph/watchlists/config'),
      import('@cinegraph/watchlists/service'),
    ]);
    return (env) => createWatchlistsService(loadWatchlistsConfig(env));
  },
  async bookings() {
    const [{ loadBookingsConfig }, { createBookingsService }] = await Promise.all([
      import('@cinegraph/bookings/config'),
      import('@cinegraph/bookings/service'),
    ]);
    return (env) => createBookingsService(loadBookingsConfig(env));
  },
  async payments() {
    const [{ loadPaymentsConfig }, { createPaymentsService }] = await Promise.all([
      import('@cinegraph/payments/config'),
      import('@cinegraph/payments/service'),
    ]);
    return (env) => createPaymentsService(loadPaymentsConfig(env));
  },
  async notifications() {
    const [{ loadNotificationsConfig }, { createNotificationsService }] = await Promise.all([
      import('@cinegraph/notifications/config'),
      import('@cinegraph/notifications/service'),
    ]);
    return (env) => createNotificationsService(loadNotificationsConfig(env));
  },
  async recommendations() {
    const [{ loadRecommendationsConfig }, { createRecommendationsService }] = await Promise.all([
      import('@cinegraph/recommendations/config'),
      import('@cinegraph/recommendations/service'),
    ]);
    return (env) => createRecommendationsService(loadRecommendationsConfig(env));
  },
  async gateway() {
    const { createGateway, loadGatewayConfig } = await import('@cinegraph/gateway');
    return (env) => createGateway(loadGatewayConfig(env, repoRoot));
  },
};

/** `pglite:<dataDir>/<subgraph>`: each subgraph's database folder. */
export function embeddedDatabaseUrl(dataDir: string, subgraph: string): string {
  return `pglite:${path.join(dataDir, subgraph)}`;
}

/**
 * Creates (initdb), migrates and, when new and `seed` is set, seeds every subgraph's PGlite
 * database under `dataDir`. Returns their URLs and which were created.
 */
export async function prepareEmbeddedData(
  dataDir: string,
  options: { seed: boolean; log: Log },
): Promise<{ databaseUrls: Record<string, string>; created: Set<string> }> {
  await mkdir(dataDir, { recursive: true });
  const databaseUrls: Record<string, string> = {};
  const created = new Set<string>();
  // PGlite runs on this thread: one database after another is as fast as side by side.
  for (const subgraph of subgraphs) {
    const databaseUrl = embeddedDatabaseUrl(dataDir, subgraph.name);
    databaseUrls[subgraph.name] = databaseUrl;
    if (await migrateSubgraph(subgraph, databaseUrl, options.log)) created.add(subgraph.name);
    if (created.has(subgraph.name) && options.seed)
      await seedSubgraph(subgraph, databaseUrl, options.log);
  }
  return { databaseUrls, created };
}

/**
 * Embedded mode: the whole supergraph in this process, on no outside service. Each
 * subgraph's database is PGlite under `dataDir` (migrated by the same migrator and SQL as
 * in services mode, seeded when new); the keyspace (holds, caches, rate limits, tokens,
 * fan-out) and the event bus are in-process, the bus journaled under `dataDir`. Every
 * service is built by its own factory and listens on its own port, so the supergraph and
 * every client call are those of services mode.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedStack> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // One process per data folder: two would write the same PGlite files.
  const unlock = await lock(dataDir, {
    stale: 60_000,
    update: 15_000,
    // PGlite's initdb blocks the event loop for seconds: a late refresh is no reason to crash.
    onCompromised: () => {},
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ELOCKED') throw error;
    throw new StartupFailure([
      `The data folder ${dataDir} is in use by another CineGraph in embedded mode (or by one that stopped less than a minute ago without releasing it): stop that one, or set CINEGRAPH_DATA_DIR to another folder.`,
    ]);
  });
  try {
    return await startOn(dataDir, options, unlock);
  } catch (error) {
    await unlock().catch(() => {});
    throw error;
  }
}

async function startOn(
  dataDir: string,
  options: EmbeddedOptions,
  unlock: () => Promise<void>,
): Promise<EmbeddedStack> {
  const { databaseUrls, created } = await prepareEmbeddedData(dataDir, options);

  const host = options.host ?? '127.0.0.1';
  const portOf = (name: string) => {
    const port = options.ports[name];
    if (port === undefined) throw new Error(`No port given for ${name}`);
    return port;
  };
  const urlOf = (name: string) => `http://${host}:${portOf(name)}`;
  const keyspaceUrl = `memory://${options.name}`;
  const busUrl = `memory://${options.name}?journal=${path.join(dataDir, 'bus.journal')}`;
  const common: Record<string, string | undefined> = {
    ...process.env,
    REDIS_URL: keyspaceUrl,
    AMQP_URL: busUrl,
    JWKS_URL: `${urlOf('users')}/.well-known/jwks.json`,
    MOVIES_URL: `${urlOf('movies')}/graphql`,
    HOST: host,
    ...options.env,
  };

  const running: { name: string; runnable: Runnable }[] = [];
  const urls: Record<string, string> = {};
  const stopServices = async () => {
    for (const { runnable } of running.splice(0).reverse())
      await runnable.service.close().catch(() => {});
  };
  const start = async (name: string, env: Record<string, string | undefined>) => {
    const runnable = await (await factories[name]!())({ ...env, PORT: String(portOf(name)) });
    running.push({ name, runnable });
    urls[name] = await runnable.service.listen(portOf(name), host);
  };
  try {
    for (const wave of startWaves) {
      const results = await Promise.allSettled(
        wave.map((subgraph: SubgraphDefinition) =>
          start(subgraph.name, { ...common, DATABASE_URL: databaseUrls[subgraph.name] }),
        ),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    await start('gateway', {
      ...common,
      SUBGRAPH_URLS: subgraphs.map((s) => `${s.name}=${urlOf(s.name)}/graphql`).join(','),
    });
  } catch (error) {
    await stopServices();
    throw error;
  }

  const gatewayUrl = `${urlOf('gateway')}/graphql`;
  if (options.demoContent && options.seed && created.has('reviews'))
    await writeDemoContentLogged(gatewayUrl, options.log);
  return {
    gatewayUrl,
    urls,
    databaseUrls,
    keyspaceUrl,
    busUrl,
    async stop() {
      await stopServices();
      await unlock().catch(() => {});
    },
  };
}
