import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import { startKnownMoviesBackfill } from '@cinegraph/known-movies';
import type { Runnable } from '@cinegraph/service-kit';
import { createReadThroughCache, createSubgraphService } from '@cinegraph/service-kit';
import type { ReviewsConfig } from './config.ts';
import { createContext } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { handlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import type { RatingSummaryModel } from './reviews/ratingSummary.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * The reviews subgraph: its database, the rating-summary cache in the keyspace, the
 * consumer that keeps the known movies current (plus the start-up backfill), the outbox
 * relay for `review.*`, and the schema.
 */
export function createReviewsService(config: ReviewsConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'reviews',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    keyspace: 'cache',
    setup({ db, keyspace, logger, metrics }) {
      const ratingSummaries = createReadThroughCache<RatingSummaryModel>({
        store: keyspace.store,
        name: 'reviews:ratingSummary',
        ttlSeconds: config.CACHE_TTL_SECONDS,
        registry: metrics.registry,
        logger,
      });
      return {
        context: (viewer) => createContext(db, ratingSummaries, viewer),
        events: (base) =>
          startServiceEvents<Tx>({
            ...base,
            publish: true,
            consume: { handlers, transaction: consumerTransaction(db) },
          }),
        startupTasks: {
          knownMovies: () => startKnownMoviesBackfill({ moviesUrl: config.MOVIES_URL, db, logger }),
        },
      };
    },
  });
}
