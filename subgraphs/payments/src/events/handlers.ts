import type { EventHandlers } from '@cinegraph/events';
import type { Prisma } from '../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;

/**
 * What payments does with each event it consumes (see packages/events eventConsumers.ts), in
 * the consumer's transaction. A cancellation is recorded here; its refund, a call to the
 * processor, runs after the commit (refundCancelledBookings).
 */
export function createHandlers() {
  const markBooking = (tx: Tx, bookingId: string, status: string) =>
    tx.payableBooking.updateMany({ where: { bookingId }, data: { status } });
  return {
    async 'booking.created'(tx, event) {
      const { bookingId, userId, amountCents, currency } = event.data;
      // A later status (cancelled, expired) that overtook this event is kept.
      await tx.payableBooking.createMany({
        data: [{ bookingId, userId, amountCents, currency, status: 'PENDING_PAYMENT' }],
        skipDuplicates: true,
      });
    },
    // What reconciliation waits for: a succeeded payment's booking reached CONFIRMED.
    async 'booking.confirmed'(tx, event) {
      await markBooking(tx, event.data.bookingId, 'CONFIRMED');
    },
    async 'booking.expired'(tx, event) {
      await markBooking(tx, event.data.bookingId, 'EXPIRED');
    },
    async 'booking.cancelled'(tx, event) {
      await markBooking(tx, event.data.bookingId, 'CANCELLED');
    },
  } satisfies EventHandlers<Tx>;
}
