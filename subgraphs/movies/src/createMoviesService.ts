import { startServiceEvents } from '@cinegraph/events';
import { connectKeyspace } from '@cinegraph/keyspace';
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
import type { Movie } from './generated/prisma/client.ts';
import { movieCodec } from './catalog/movieCache.ts';
import type { MoviesConfig } from './config.ts';
import type { MoviesContext } from './context.ts';
import { createLoaders } from './context.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { resolvers } from './resolvers/index.ts';

/** Wires the movies subgraph: database, keyspace (the movie cache), token verification, schema. */
export async function createMoviesService(config: MoviesConfig): Promise<Runnable> {
  const logger = createLogger('movies', config.LOG_LEVEL);
  const metrics = createMetrics('movies');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const keyspace = connectKeyspace(config.REDIS_URL, {
    name: 'movies',
    keyPrefix: config.REDIS_KEY_PREFIX,
    logger,
  });
  const movieCache = createReadThroughCache<Movie>({
    store: keyspace.store,
    name: 'movies:movie',
    ttlSeconds: config.CACHE_TTL_SECONDS,
    registry: metrics.registry,
    logger,
    ...movieCodec,
  });
  const events = await startServiceEvents({
    service: 'movies',
    config,
    logger,
    registry: metrics.registry,
    publish: true,
  });
  const service = await createService<MoviesContext>({
    name: 'movies',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: async (request) => ({
      viewer: request.viewer,
      db,
      movieCache,
      loaders: createLoaders(db, movieCache),
    }),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      broker: events.readiness,
    },
    async onClose() {
      await events.close();
      await Promise.allSettled([db.$disconnect(), keyspace.close()]);
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
