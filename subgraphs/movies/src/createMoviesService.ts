import { startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import { createReadThroughCache, createSubgraphService } from '@cinegraph/service-kit';
import { movieCodec } from './catalog/movieCache.ts';
import type { MoviesConfig } from './config.ts';
import type { MoviesContext } from './context.ts';
import { createLoaders } from './context.ts';
import type { Movie } from './generated/prisma/client.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/** The movies subgraph: the catalog, its movie cache in the keyspace, catalog events. */
export function createMoviesService(config: MoviesConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'movies',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    keyspace: 'cache',
    setup({ db, keyspace, logger, metrics }) {
      const movieCache = createReadThroughCache<Movie>({
        store: keyspace.store,
        name: 'movies:movie',
        ttlSeconds: config.CACHE_TTL_SECONDS,
        registry: metrics.registry,
        logger,
        ...movieCodec,
      });
      return {
        context: (viewer): MoviesContext => ({
          viewer,
          db,
          movieCache,
          loaders: createLoaders(db, movieCache),
        }),
        events: (base) => startServiceEvents({ ...base, publish: true }),
      };
    },
  });
}
