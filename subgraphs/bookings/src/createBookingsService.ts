import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import {
  createAccessTokenVerifier,
  createLogger,
  createMetrics,
  createPrismaClient,
  createRedis,
  createService,
  loadSubgraphSchema,
} from '@cinegraph/service-kit';
import { startExpiryWorker } from './booking/expireBookings.ts';
import { startCatalogueBackfill } from './catalogue/knownCatalogue.ts';
import type { BookingsConfig } from './config.ts';
import type { BookingsContext } from './context.ts';
import { createLoaders } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { createHandlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { Counter } from 'prom-client';
import { createSeatHolds } from './holds/seatHolds.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Wires the bookings subgraph: its database, the seat holds in Redis, the consumer and
 * outbox relay of its events, the showtime/seat backfill, the expiry worker and the schema.
 */
export async function createBookingsService(config: BookingsConfig): Promise<Runnable> {
  const logger = createLogger('bookings', config.LOG_LEVEL);
  const metrics = createMetrics('bookings');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const redis = createRedis(config.REDIS_URL, {
    name: 'bookings',
    keyPrefix: config.REDIS_KEY_PREFIX,
    logger,
  });
  const holds = createSeatHolds(
    redis,
    new Counter({
      name: 'seat_holds_total',
      help: 'Seat hold attempts and releases, by outcome (held, conflict, released).',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    }),
  );
  const settings = {
    holdTtlMs: config.HOLD_TTL_SECONDS * 1_000,
    cancelCutoffMinutes: config.CANCEL_CUTOFF_MINUTES,
  };
  const events = await startServiceEvents<Tx>({
    service: 'bookings',
    config,
    logger,
    registry: metrics.registry,
    publish: true,
    consume: {
      handlers: createHandlers(holds),
      transaction: consumerTransaction(db),
    },
  });
  const backfill = startCatalogueBackfill({ moviesUrl: config.MOVIES_URL, db, logger });
  await backfill.firstAttempt;
  const expiry = startExpiryWorker({ db, intervalMs: config.EXPIRY_POLL_INTERVAL_MS, logger });

  const service = await createService<BookingsContext>({
    name: 'bookings',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: async (request) => ({
      viewer: request.viewer,
      db,
      holds,
      settings,
      loaders: createLoaders(db, holds),
    }),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      // Holds live in Redis: without it no seat can be held.
      redis: () => redis.ping(),
      broker: events.readiness,
      catalogue: backfill.readiness,
    },
    async onClose() {
      backfill.stop();
      await expiry.stop();
      await events.close();
      await Promise.allSettled([db.$disconnect(), redis.quit()]);
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
