import { consumerTransaction, startServiceEvents } from '@cinegraph/events';
import type { Runnable } from '@cinegraph/service-kit';
import { createSubgraphService } from '@cinegraph/service-kit';
import { Counter, Gauge } from 'prom-client';
import { startExpiryWorker } from './booking/expireBookings.ts';
import { startCatalogBackfill } from './catalog/knownCatalog.ts';
import type { BookingsConfig } from './config.ts';
import type { BookingsContext } from './context.ts';
import { createLoaders } from './context.ts';
import type { Tx } from './events/handlers.ts';
import { createHandlers } from './events/handlers.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import type { HoldRecord } from './holds/seatHolds.ts';
import { createSeatHolds } from './holds/seatHolds.ts';
import { resolvers } from './resolvers/index.ts';
import { startHoldExpiryAnnouncer } from './seats/holdExpiryAnnouncer.ts';
import { createSeatAvailability } from './seats/seatAvailability.ts';
import { createSeatLayouts } from './seats/seatLayouts.ts';

/**
 * The bookings subgraph: its database, the seat holds (keyspace locks), seat availability
 * fanned out through the keyspace's pub/sub, the consumer and outbox relay of its events,
 * the showtime/seat backfill, the expiry workers and the schema (with its subscription).
 */
export function createBookingsService(config: BookingsConfig): Promise<Runnable> {
  return createSubgraphService({
    name: 'bookings',
    config,
    PrismaClient,
    schema: { sdl: new URL('./schema.graphql', import.meta.url), resolvers },
    // Holds live in the keyspace: without it no seat can be held.
    keyspace: 'required',
    setup({ db, keyspace, logger, metrics }) {
      const holds = createSeatHolds(
        keyspace.locks<HoldRecord>('hold'),
        new Counter({
          name: 'seat_holds_total',
          help: 'Seat hold attempts and releases, by outcome (held, conflict, released).',
          labelNames: ['outcome'] as const,
          registers: [metrics.registry],
        }),
      );
      // Seat layouts never change: read once per process, shared by every request's loaders.
      const layouts = createSeatLayouts(db);
      new Gauge({
        name: 'seat_availability_channels',
        help: 'Showtimes this replica listens to on pub/sub (one channel each, shared by its subscribers).',
        registers: [metrics.registry],
        collect() {
          this.set(keyspace.pubSub.channels());
        },
      });
      const availability = createSeatAvailability({
        pubSub: keyspace.pubSub,
        readSeatMap: (showtimeId) => createLoaders(db, holds, layouts).seatMap.load(showtimeId),
        logger,
        published: new Counter({
          name: 'seat_availability_announcements_total',
          help: 'Seat changes announced to subscribers through pub/sub, by outcome (published, failed).',
          labelNames: ['outcome'] as const,
          registers: [metrics.registry],
        }),
      });
      const settings = {
        holdTtlMs: config.HOLD_TTL_SECONDS * 1_000,
        cancelCutoffMinutes: config.CANCEL_CUTOFF_MINUTES,
        limits: {
          maxSeatsPerBooking: config.MAX_SEATS_PER_BOOKING,
          maxUnpaidBookingsPerShowtime: config.MAX_UNPAID_BOOKINGS_PER_SHOWTIME,
          maxUnpaidBookings: config.MAX_UNPAID_BOOKINGS,
        },
      };
      const context = (viewer: BookingsContext['viewer']): BookingsContext => ({
        viewer,
        db,
        holds,
        availability,
        settings,
        loaders: createLoaders(db, holds, layouts),
      });

      return {
        context,
        subscriptions: { context },
        events: (base) =>
          startServiceEvents<Tx>({
            ...base,
            publish: true,
            consume: {
              handlers: createHandlers(holds),
              transaction: consumerTransaction(db),
              // The saga's steps change seats (sold, or freed when a payment failed): announce
              // them once committed.
              onHandled(event) {
                if (event.type !== 'payment.succeeded' && event.type !== 'payment.failed') return;
                db.booking
                  .findUnique({
                    where: { id: (event.data as { bookingId: string }).bookingId },
                    select: { showtimeId: true, seatIds: true },
                  })
                  .then((booking) => booking && availability.announce(booking))
                  .catch((error: unknown) =>
                    logger.warn({ err: error }, 'announcing a saga step failed'),
                  );
              },
            },
          }),
        startupTasks: {
          catalog: () => startCatalogBackfill({ moviesUrl: config.MOVIES_URL, db, logger }),
        },
        workers: {
          expiry: () =>
            startExpiryWorker({
              db,
              availability,
              intervalMs: config.EXPIRY_POLL_INTERVAL_MS,
              logger,
            }),
          holdExpiry: () =>
            startHoldExpiryAnnouncer({
              holds,
              availability,
              intervalMs: config.HOLD_EXPIRY_POLL_INTERVAL_MS,
              logger,
            }),
        },
      };
    },
  });
}
