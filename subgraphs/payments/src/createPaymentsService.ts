import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import {
  createAccessTokenVerifier,
  createLogger,
  createMetrics,
  createPrismaClient,
  createService,
  loadSubgraphSchema,
} from '@cinegraph/service-kit';
import type { PaymentsConfig } from './config.ts';
import type { PaymentsContext } from './context.ts';
import { createLoaders } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { createHandlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { settlePendingPayments } from './payments/payBooking.ts';
import { refundCancelledBookings } from './payments/refundPayment.ts';
import { createSimulatedProcessor } from './processor/simulatedProcessor.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Wires the payments subgraph: its database, the (simulated) processor, the consumer of
 * the bookings events (a cancellation's refund runs once it is recorded), the outbox relay
 * for payment events, the worker that settles payments a timeout left PENDING and refunds
 * what a crash left unrefunded, and the schema.
 */
export async function createPaymentsService(config: PaymentsConfig): Promise<Runnable> {
  const logger = createLogger('payments', config.LOG_LEVEL);
  const metrics = createMetrics('payments');
  const db = createPrismaClient(PrismaClient, config.DATABASE_URL, 10, metrics.registry);
  const processor = createSimulatedProcessor(db);
  const refund = (bookingIds?: string[]) =>
    refundCancelledBookings({ db, processor }, bookingIds).catch((error: unknown) =>
      logger.warn({ err: error }, 'refunding failed; the settling worker will retry'),
    );
  const events = await startServiceEvents<Tx>({
    service: 'payments',
    config,
    logger,
    registry: metrics.registry,
    publish: true,
    consume: {
      handlers: createHandlers(),
      transaction: consumerTransaction(db),
      onHandled(event) {
        if (event.type === 'booking.cancelled') void refund([event.data.bookingId]);
      },
    },
  });
  const settler = setInterval(() => {
    settlePendingPayments({ db, processor }, config.SETTLE_INTERVAL_MS)
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'settling pending payments failed; will retry'),
      )
      .then(() => refund());
  }, config.SETTLE_INTERVAL_MS);

  const service = await createService<PaymentsContext>({
    name: 'payments',
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    apollo: { schema: loadSubgraphSchema(new URL('./schema.graphql', import.meta.url), resolvers) },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: async (request) => ({
      viewer: request.viewer,
      db,
      processor,
      bookingWaitMs: config.BOOKING_WAIT_MS,
      loaders: createLoaders(db),
    }),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      broker: events.readiness,
    },
    async onClose() {
      clearInterval(settler);
      await events.close();
      await db.$disconnect();
    },
  });
  return { service, port: config.PORT, host: config.HOST };
}
