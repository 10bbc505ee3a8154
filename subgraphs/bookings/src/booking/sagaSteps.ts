import { emit } from '@cinegraph/events';
import type { Booking, Prisma } from '../generated/prisma/client.ts';
import type { SeatHolds } from '../holds/seatHolds.ts';
import { seatLabel } from '../seats/seatLabel.ts';

type Tx = Prisma.TransactionClient;

/**
 * The bookings side of the booking–payment saga (docs/booking-saga.md). Each step runs in
 * the consumer's transaction with the event recorded as processed, and changes a booking
 * only from the status it expects, so a redelivered or overtaken event changes nothing.
 */

/**
 * payment.succeeded: the booking is paid, from whatever state it is in; payments sends it
 * again when it finds the payment unreconciled (payments' reconciliation), so this is also
 * the answer to "what became of this booking?".
 * - PENDING_PAYMENT → CONFIRMED, with the ticket in booking.confirmed.
 * - EXPIRED (the payment came late, or bookings could not take it in time) → CONFIRMED
 *   all the same when its seats are still free and the showtime has not started.
 * - Otherwise, an ended booking (EXPIRED with its seats gone, or CANCELLED) gets
 *   booking.cancelled with cause `ended`, on which payments refunds.
 * - CONFIRMED: booking.confirmed again, marked `restated` (no second ticket), so that
 *   payments, which asked because it never heard the first, learns it.
 * - REFUNDED: nothing to do.
 */
export async function settlePaidBooking(
  tx: Tx,
  bookingId: string,
  holds: Pick<SeatHolds, 'heldSeats'>,
  now = new Date(),
): Promise<void> {
  const { count } = await tx.booking.updateMany({
    where: { id: bookingId, status: 'PENDING_PAYMENT' },
    data: { status: 'CONFIRMED' },
  });
  const booking = await tx.booking.findUnique({ where: { id: bookingId } });
  if (!booking) return;
  if (!count) {
    if (booking.status === 'CONFIRMED') return emitTicket(tx, booking, true);
    if (booking.status !== 'EXPIRED' && booking.status !== 'CANCELLED') return;
    const refused =
      booking.status === 'EXPIRED'
        ? await reviveExpired(tx, booking, holds, now)
        : 'the booking was cancelled';
    if (refused) {
      await emit(tx, 'booking.cancelled', {
        bookingId,
        userId: booking.userId,
        showtimeId: booking.showtimeId,
        reason: `the payment arrived after ${refused}`,
        cause: 'ended',
      });
      return;
    }
  }
  await emitTicket(tx, booking);
}

/**
 * Confirms an EXPIRED booking that was paid, if its seats can be had again: the showtime
 * has not started, no other live hold has them (Redis) and no live booking (the reservations'
 * primary key, inserted with ON CONFLICT DO NOTHING: a seat someone else took is simply
 * not inserted, and the transaction stays usable). Returns why not, or null once confirmed.
 */
async function reviveExpired(
  tx: Tx,
  booking: Booking,
  holds: Pick<SeatHolds, 'heldSeats'>,
  now: Date,
): Promise<string | null> {
  const showtime = await tx.knownShowtime.findUnique({ where: { id: booking.showtimeId } });
  if (!showtime || showtime.startsAt <= now) return 'the showtime had started';
  const gone = 'the booking expired and its seats were taken';
  // The booking's own hold may still hold its seats for a moment (its keys live as long as
  // the booking did); any other hold has them.
  if ((await holds.heldSeats(booking.showtimeId, booking.seatIds, booking.holdId)).size)
    return gone;
  const { count } = await tx.seatReservation.createMany({
    data: booking.seatIds.map((seatId) => ({
      showtimeId: booking.showtimeId,
      seatId,
      bookingId: booking.id,
    })),
    skipDuplicates: true,
  });
  if (count < booking.seatIds.length) {
    await tx.seatReservation.deleteMany({ where: { bookingId: booking.id } });
    return gone;
  }
  await tx.booking.update({ where: { id: booking.id }, data: { status: 'CONFIRMED' } });
  return null;
}

/**
 * booking.confirmed: the ticket (or, `restated`, the news again without one), with the
 * movie and, when the copy of the showtime knows it, the city, for recommendations.
 */
async function emitTicket(tx: Tx, booking: Booking, restated = false): Promise<void> {
  const bookingId = booking.id;
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
    movieId: showtime.movieId,
    ...(showtime.city ? { city: showtime.city } : {}),
    ...(restated ? { restated } : {}),
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
