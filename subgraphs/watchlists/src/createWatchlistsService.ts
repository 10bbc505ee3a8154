import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import { startKnownMoviesBackfill } from '@cinegraph/known-movies';
import type { Runnable } from '@cinegraph/service-kit';
import {
  createAccessTokenVerifier,
  createLogger,
  createMetrics,
  createPrismaClient,
  createService,
  loadSubgraphSchema,
} from '@cinegraph/service-kit';
import type { WatchlistsConfig } from './config.ts';
import type { WatchlistsContext } from './context.ts';
import { createContext } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { handlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Wires the watchlists subgraph: its database, the consumer that keeps the known movies
 * current (plus the start-up backfill), and the schema.
 */
export async function createWatchlistsService(config: WatchlistsConfig): Promise<Runnable> {
  const logger = createLogger('watchlists', config.LOG_LEVEL);
  const metrics = createMetrics('watchlists');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const events = await startServiceEvents<Tx>({
    service: 'watchlists',
    config,
    logger,
    registry: metrics.registry,
    consume: {
      handlers,
      transaction: consumerTransaction(db),
    },
  });
  const backfill = startKnownMoviesBackfill({ moviesUrl: config.MOVIES_URL, db, logger });
  await backfill.firstAttempt;

  const service = await createService<WatchlistsContext>({
    name: 'watchlists',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: async (request) => createContext(db, request.viewer),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      broker: events.readiness,
      knownMovies: backfill.readiness,
    },
    async onClose() {
      backfill.stop();
      await events.close();
      await db.$disconnect();
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
