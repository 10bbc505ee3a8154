import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import { connectKeyspace } from '@cinegraph/keyspace';
import { startKnownMoviesBackfill } from '@cinegraph/known-movies';
import type { Runnable } from '@cinegraph/service-kit';
import {
  createAccessTokenVerifier,
  createLogger,
  createMetrics,
  createPrismaClient,
  createReadThroughCache,
  createService,
  loadSubgraphSchema,
} from '@cinegraph/service-kit';
import type { ReviewsConfig } from './config.ts';
import type { ReviewsContext } from './context.ts';
import { createContext } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { handlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import type { RatingSummaryModel } from './reviews/ratingSummary.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Wires the reviews subgraph: its database, the rating-summary cache in the keyspace, the
 * consumer that keeps the known movies current (plus the start-up backfill), the outbox
 * relay for `review.created`, and the schema.
 */
export async function createReviewsService(config: ReviewsConfig): Promise<Runnable> {
  const logger = createLogger('reviews', config.LOG_LEVEL);
  const metrics = createMetrics('reviews');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const keyspace = connectKeyspace(config.REDIS_URL, {
    name: 'reviews',
    keyPrefix: config.REDIS_KEY_PREFIX,
    logger,
  });
  const ratingSummaries = createReadThroughCache<RatingSummaryModel>({
    store: keyspace.store,
    name: 'reviews:ratingSummary',
    ttlSeconds: config.CACHE_TTL_SECONDS,
    registry: metrics.registry,
    logger,
  });
  const events = await startServiceEvents<Tx>({
    service: 'reviews',
    config,
    logger,
    registry: metrics.registry,
    publish: true,
    consume: {
      handlers,
      transaction: consumerTransaction(db),
    },
  });
  const backfill = startKnownMoviesBackfill({ moviesUrl: config.MOVIES_URL, db, logger });
  await backfill.firstAttempt;

  const service = await createService<ReviewsContext>({
    name: 'reviews',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: async (request) => createContext(db, ratingSummaries, request.viewer),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      // The cache is optional (reads fall back to the database): the keyspace is not checked.
      broker: events.readiness,
      knownMovies: backfill.readiness,
    },
    async onClose() {
      backfill.stop();
      await events.close();
      await Promise.allSettled([db.$disconnect(), keyspace.close()]);
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
