import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import { startKnownMoviesBackfill } from '@cinegraph/known-movies';
import type { Runnable } from '@cinegraph/service-kit';
import { createSubgraphService } from '@cinegraph/service-kit';
import type { WatchlistsConfig } from './config.ts';
import { createContext } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { handlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * The watchlists subgraph: its database, the consumer that keeps the known movies current
 * (plus the start-up backfill), the outbox relay for `watchlist.*`, and the schema.
 */
export function createWatchlistsService(config: WatchlistsConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'watchlists',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    setup: ({ db, logger }) => ({
      context: (viewer) => createContext(db, viewer),
      events: (base) =>
        startServiceEvents<Tx>({
          ...base,
          publish: true,
          consume: { handlers, transaction: consumerTransaction(db) },
        }),
      startupTasks: {
        knownMovies: () => startKnownMoviesBackfill({ moviesUrl: config.MOVIES_URL, db, logger }),
      },
    }),
  });
}
