import type { BaseContext } from '@apollo/server';
import type { Keyspace } from '@cinegraph/keyspace';
import { connectKeyspace } from '@cinegraph/keyspace';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { z } from 'zod';
import type { subgraphEnv } from './config.ts';
import type { ReadinessCheck } from './createService.ts';
import { createService } from './createService.ts';
import type { AccessTokenVerifier, Viewer } from './jwt.ts';
import { createAccessTokenVerifier } from './jwt.ts';
import { createLogger } from './logger.ts';
import { resolveLogFormat } from './prettyLogs.ts';
import type { Metrics } from './metrics.ts';
import { createMetrics } from './metrics.ts';
import { createPrismaClient } from './prisma.ts';
import type { Runnable } from './runService.ts';
import { loadSubgraphSchema } from './subgraphSchema.ts';

/** Connections each subgraph process holds to its own database. */
const DATABASE_POOL_SIZE = 10;

/**
 * What createSubgraphService reads of a subgraph's configuration: `subgraphEnv`, its
 * `PORT`, and `JWKS_URL` where access tokens are verified against the users subgraph's keys.
 */
export type SubgraphConfig = Readonly<z.infer<z.ZodObject<typeof subgraphEnv>>> & {
  readonly PORT: number;
  readonly JWKS_URL?: string;
};

/** The subgraph's Prisma client, as far as the shared wiring uses it. */
export interface SubgraphDatabase {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/**
 * The generated `PrismaClient` class, as createPrismaClient constructs it. Options take the
 * class itself and give `setup` its instances (InstanceType): TypeScript cannot infer the
 * client's type from the class's generic constructor next to a context-sensitive `setup`.
 */
export type PrismaClientClass = new (
  options: ConstructorParameters<Parameters<typeof createPrismaClient>[0]>[0],
) => SubgraphDatabase;

/**
 * How the subgraph uses the keyspace (REDIS_URL, under REDIS_KEY_PREFIX). `required`: it
 * keeps state there that it cannot work without (users: refresh tokens and sign-in
 * throttles; bookings: seat holds), so `/ready` checks it. `cache`: only read-through
 * caches that fall back to the database while it is away, so `/ready` leaves it out.
 */
export type KeyspaceUse = 'required' | 'cache';

/** The process's shared clients, handed to the subgraph's `setup`. */
export interface SubgraphClients<Db, Use extends KeyspaceUse | undefined> {
  logger: Logger;
  metrics: Metrics;
  db: Db;
  keyspace: Use extends KeyspaceUse ? Keyspace : undefined;
}

/** What every subgraph passes to `startServiceEvents` (@cinegraph/events), to spread. */
export interface ServiceEventsBase<Config> {
  service: string;
  config: Config;
  logger: Logger;
  registry: Registry;
}

/** What the process needs of its running events (`startServiceEvents`'s result). */
export interface SubgraphEvents {
  /** Fails while the broker connection is down. */
  readiness(): Promise<void>;
  close(): Promise<void>;
}

/** Start-up work the process must not die for (a backfill from another subgraph). */
export interface SubgraphStartupTask {
  /** Settles after the first attempt, whether it succeeded or will be retried. */
  readonly firstAttempt: Promise<void>;
  /** A `/ready` check: passes once the work is done (or its data is there). */
  readiness(): Promise<void>;
  stop(): void;
}

/** A background loop of the subgraph (an expiry poller, a reconciler). */
export interface SubgraphWorker {
  /** Finishes the run in progress and stops. */
  stop(): Promise<void>;
}

/** What a subgraph builds on its clients: the parts that differ from one to another. */
export interface SubgraphParts<Config, Context> {
  /** An operation's context over HTTP, from the verified viewer (and the request: its `ip`). */
  context: (viewer: Viewer | null, request: FastifyRequest) => Context | Promise<Context>;
  /** Serve subscriptions over graphql-ws: each operation's context from the viewer. */
  subscriptions?: { context: (viewer: Viewer | null) => Context | Promise<Context> };
  /**
   * Starts the subgraph's events: `(base) => startServiceEvents({ ...base, publish, consume })`
   * with what it publishes and consumes. A function, because @cinegraph/events is built on
   * this package and cannot be imported by it.
   */
  events: (base: ServiceEventsBase<Config>) => Promise<SubgraphEvents>;
  /**
   * Started once the events run (a consumer queue exists, so no change made meanwhile is
   * missed), awaited for their first attempt, checked by `/ready` under their name.
   */
  startupTasks?: Record<string, () => SubgraphStartupTask>;
  /**
   * Started after the events and the start-up tasks' first attempts (bookings' pollers
   * announce seats of the showtimes a backfill brought), stopped before the events close.
   */
  workers?: Record<string, () => SubgraphWorker>;
  /**
   * Stops what `setup` started itself, after the events have closed: a part the consumer
   * uses must exist before it starts and outlive it (notifications' delivery worker, which
   * each handled event wakes).
   */
  close?: () => Promise<void>;
}

type Authentication<Config> = Config extends { JWKS_URL: string }
  ? {
      /** Defaults to verifying against `config.JWKS_URL` (the users subgraph's keys). */
      authenticate?: AccessTokenVerifier;
    }
  : {
      /** Without a JWKS_URL (users, which signs the tokens, verifies with its own key). */
      authenticate: AccessTokenVerifier;
    };

export type SubgraphServiceOptions<
  Config extends SubgraphConfig,
  Client extends PrismaClientClass,
  Context extends BaseContext,
  Use extends KeyspaceUse | undefined,
> = {
  /** In logs, metrics, the keyspace's and the broker's connection names, the event queue. */
  name: string;
  config: Config;
  /** The generated client of the subgraph's own database. */
  PrismaClient: Client;
  /** The SDL file (`new URL('./schema.graphql', import.meta.url)`) and its resolvers. */
  schema: { sdl: URL; resolvers: object };
  /** Connect the keyspace; unset: the subgraph keeps nothing outside its database. */
  keyspace?: Use;
  /** Extra HTTP routes (users' JWKS), registered before GraphQL. */
  routes?: (app: FastifyInstance) => void | Promise<void>;
  /** Builds the subgraph's own parts on the process's clients. */
  setup: (
    clients: SubgraphClients<InstanceType<Client>, Use>,
  ) => SubgraphParts<Config, Context> | Promise<SubgraphParts<Config, Context>>;
} & Authentication<Config>;

/**
 * A subgraph process from its declaration. The wiring every subgraph shares lives here:
 * logger, metrics, its Prisma client, the keyspace, token verification, the schema and
 * createService (trust proxy, tracing, `/ready`: database, keyspace when required, broker,
 * start-up tasks). Starts clients, `setup`, events, start-up tasks, workers, in this order;
 * closes them in the reverse one once the HTTP server has drained, except that start-up
 * tasks are aborted first. A failure while starting closes what had started.
 */
export async function createSubgraphService<
  Config extends SubgraphConfig,
  Client extends PrismaClientClass,
  Context extends BaseContext,
  Use extends KeyspaceUse | undefined = undefined,
>(options: SubgraphServiceOptions<Config, Client, Context, Use>): Promise<Runnable> {
  const { name, config } = options;
  // A broken SDL stops the process before anything is opened.
  const schema = loadSubgraphSchema(options.schema.sdl, options.schema.resolvers);
  const authenticate =
    options.authenticate ?? createAccessTokenVerifier(new URL(jwksUrlOf(config, name)));
  const logger = createLogger(name, config.LOG_LEVEL, resolveLogFormat(config.LOG_FORMAT));
  const metrics = createMetrics(name);
  const db = createPrismaClient(
    options.PrismaClient,
    config.DATABASE_URL,
    DATABASE_POOL_SIZE,
    metrics.registry,
  );
  const keyspace = options.keyspace
    ? connectKeyspace(config.REDIS_URL, { name, keyPrefix: config.REDIS_KEY_PREFIX, logger })
    : undefined;

  let parts: SubgraphParts<Config, Context> | undefined;
  let events: SubgraphEvents | undefined;
  let tasks: [string, SubgraphStartupTask][] = [];
  let workers: SubgraphWorker[] = [];
  async function close() {
    // Stopping a start-up task only aborts it: nothing to wait for.
    for (const [, task] of tasks) task.stop();
    await Promise.all(workers.map((worker) => worker.stop()));
    await events?.close();
    await parts?.close?.();
    const closed = await Promise.allSettled([db.$disconnect(), keyspace?.close()]);
    for (const result of closed)
      if (result.status === 'rejected')
        logger.warn({ err: result.reason }, 'closing a client failed');
  }

  try {
    parts = await options.setup({
      logger,
      metrics,
      db,
      keyspace,
    } as SubgraphClients<InstanceType<Client>, Use>);
    events = await parts.events({ service: name, config, logger, registry: metrics.registry });
    tasks = Object.entries(parts.startupTasks ?? {}).map(([task, start]) => [task, start()]);
    await Promise.all(tasks.map(([, task]) => task.firstAttempt));
    workers = Object.values(parts.workers ?? {}).map((start) => start());

    const { context, subscriptions } = parts;
    const broker = events;
    const readiness: Record<string, ReadinessCheck> = {
      database: () => db.$queryRaw`SELECT 1`,
      ...(keyspace && options.keyspace === 'required' ? { keyspace: () => keyspace.ping() } : {}),
      broker: () => broker.readiness(),
      ...Object.fromEntries(tasks.map(([task, started]) => [task, () => started.readiness()])),
    };
    const service = await createService<Context>({
      name,
      instance: config.INSTANCE_ID,
      logger,
      metrics,
      trustProxy: config.TRUST_PROXY,
      otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      apollo: { schema },
      authenticate,
      context: async (request) => context(request.viewer, request),
      ...(subscriptions
        ? { subscriptions: { context: async (viewer) => subscriptions.context(viewer) } }
        : {}),
      readiness,
      ...(options.routes ? { routes: options.routes } : {}),
      onClose: close,
    });
    return { service, port: config.PORT, host: config.HOST };
  } catch (error) {
    await close().catch((closing: unknown) =>
      logger.warn({ err: closing }, 'closing after a failed start failed'),
    );
    throw error;
  }
}

function jwksUrlOf(config: SubgraphConfig, name: string): string {
  if (!config.JWKS_URL) throw new Error(`${name}: no JWKS_URL to verify access tokens against`);
  return config.JWKS_URL;
}
