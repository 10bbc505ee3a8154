import { emit } from '@cinegraph/events';
import { seatLabel } from '../catalogue/pricing.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/**
 * The bookings side of the booking–payment saga (docs/booking-saga.md). Each step runs in
 * the consumer's transaction with the event recorded as processed, and changes a booking
 * only from the status it expects, so a redelivered or overtaken event changes nothing.
 */

/** payment.succeeded: PENDING_PAYMENT → CONFIRMED with the ticket in booking.confirmed. */
export async function confirmBooking(tx: Tx, bookingId: string): Promise<void> {
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: 'PENDING_PAYMENT' },
    data: { status: 'CONFIRMED' },
  });
  const booking = await tx.booking.findUnique({ where: { id: bookingId } });
  if (!booking) return;
  if (!count) {
    // Paid after the booking ended (expired, or cancelled meanwhile): give the money back.
    if (booking.status === 'EXPIRED' || booking.status === 'CANCELLED')
      await emit(tx, 'booking.cancelled', {
        bookingId,
        userId: booking.userId,
        showtimeId: booking.showtimeId,
        reason: `the payment arrived after the booking was ${booking.status.toLowerCase()}`,
        cause: 'ended',
      });
    return;
  }
  const [showtime, seats] = await Promise.all([
    tx.knownShowtime.findUniqueOrThrow({ where: { id: booking.showtimeId } }),
    tx.knownSeat.findMany({ where: { id: { in: booking.seatIds } } }),
  ]);
  const labelOf = new Map(seats.map((seat) => [seat.id, seatLabel(seat)]));
  await emit(tx, 'booking.confirmed', {
    bookingId,
    userId: booking.userId,
    showtimeId: booking.showtimeId,
    movieTitle: showtime.movieTitle,
    theaterName: showtime.theaterName,
    startsAt: showtime.startsAt.toISOString(),
    timeZone: showtime.timeZone,
    seats: booking.seatIds.map((id) => labelOf.get(id) ?? id),
    amountCents: booking.totalCents,
    currency: booking.currency,
  });
}

/**
 * payment.failed: PENDING_PAYMENT → CANCELLED, seats released (the compensation).
 * Returns the booking whose seats the caller should release in Redis, if any.
 */
export async function cancelUnpaidBooking(tx: Tx, bookingId: string, reason: string) {
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: 'PENDING_PAYMENT' },
    data: { status: 'CANCELLED' },
  });
  if (!count) return null;
  await tx.seatReservation.deleteMany({ where: { bookingId } });
  const booking = await tx.booking.findUniqueOrThrow({ where: { id: bookingId } });
  await emit(tx, 'booking.cancelled', {
    bookingId,
    userId: booking.userId,
    showtimeId: booking.showtimeId,
    reason: `the payment failed: ${reason}`,
    cause: 'payment_failed',
  });
  return booking;
}

/** payment.refunded: a cancelled (or ended) paid booking → REFUNDED. */
export async function markRefunded(tx: Tx, bookingId: string): Promise<void> {
  await tx.booking.updateMany({
    where: { id: bookingId, status: { in: ['CANCELLED', 'EXPIRED'] } },
    data: { status: 'REFUNDED' },
  });
}
