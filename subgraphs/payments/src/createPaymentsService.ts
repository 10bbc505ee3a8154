import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Registry } from 'prom-client';
import { Counter, Gauge } from 'prom-client';
import type { Runnable } from '@cinegraph/service-kit';
import { createSubgraphService, createWorkerLease } from '@cinegraph/service-kit';
import type { PaymentsConfig } from './config.ts';
import type { PaymentsContext } from './context.ts';
import { createLoaders } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { createHandlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { refundCancelledBookings } from './payments/refundPayment.ts';
import { createSimulatedProcessor } from './processor/simulatedProcessor.ts';
import { unreconciledSummary } from './reconciliation/reconcilePayments.ts';
import { startReconciler } from './reconciliation/startReconciler.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * The payments subgraph: its database, the (simulated) processor, the consumer of the
 * bookings events (a cancellation's refund runs once it is recorded), the outbox relay
 * for payment events, the reconciler (one replica at a time: it settles payments a timeout
 * left PENDING, refunds what a crash left unrefunded, and asks bookings to settle what is
 * unreconciled), its metrics, and the schema.
 */
export function createPaymentsService(config: PaymentsConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'payments',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    setup({ db, logger, metrics }) {
      const processor = createSimulatedProcessor(db);
      const refund = (bookingIds: string[]) =>
        refundCancelledBookings({ db, processor }, bookingIds).catch((error: unknown) =>
          logger.warn({ err: error }, 'refunding failed; the reconciler will retry'),
        );
      registerUnreconciledGauges(metrics.registry, () =>
        unreconciledSummary(db, config.RECONCILE_AFTER_MS),
      );
      return {
        context: (viewer): PaymentsContext => ({
          viewer,
          db,
          processor,
          bookingWaitMs: config.BOOKING_WAIT_MS,
          loaders: createLoaders(db),
        }),
        events: (base) =>
          startServiceEvents<Tx>({
            ...base,
            publish: true,
            consume: {
              handlers: createHandlers(),
              transaction: consumerTransaction(db),
              onHandled(event) {
                if (event.type === 'booking.cancelled') void refund([event.data.bookingId]);
              },
            },
          }),
        workers: {
          reconciler: () =>
            startReconciler({
              db,
              processor,
              // A holder that stops renewing (it died) is replaced after three missed runs.
              lease: createWorkerLease(db, 'payments-reconciler', config.SETTLE_INTERVAL_MS * 3),
              intervalMs: config.SETTLE_INTERVAL_MS,
              boundMs: config.RECONCILE_AFTER_MS,
              logger,
              actions: new Counter({
                name: 'payment_reconciliation_actions_total',
                help: 'What the reconciler did: settled (a PENDING payment), refunded, asked (bookings to settle a booking).',
                labelNames: ['action'] as const,
                registers: [metrics.registry],
              }),
            }),
        },
      };
    },
  });
}

/**
 * `payments_unreconciled` and the age of the oldest one, read from the database when
 * scraped (every replica reports the same truth, whichever holds the reconciler's lease).
 * One query serves both gauges of a scrape.
 */
function registerUnreconciledGauges(
  registry: Registry,
  read: () => Promise<{ count: number; oldestAgeSeconds: number }>,
) {
  let pending: Promise<{ count: number; oldestAgeSeconds: number }> | null = null;
  const summary = () => {
    pending ??= read().finally(() => setTimeout(() => (pending = null), 1_000).unref());
    return pending;
  };
  new Gauge({
    name: 'payments_unreconciled',
    help: 'Payments whose booking is not where the payment says it should be, past the reconciliation bound.',
    registers: [registry],
    async collect() {
      const read = await summary().catch(() => null);
      if (read) this.set(read.count);
    },
  });
  new Gauge({
    name: 'payments_unreconciled_oldest_age_seconds',
    help: 'Seconds since the last fact about the oldest unreconciled payment (its creation, or its booking status); 0 when none is unreconciled.',
    registers: [registry],
    async collect() {
      const read = await summary().catch(() => null);
      if (read) this.set(read.oldestAgeSeconds);
    },
  });
}
