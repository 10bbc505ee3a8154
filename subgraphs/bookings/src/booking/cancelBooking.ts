import { emit } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { conflict, forbidden, notFound } from '@cinegraph/service-kit';
import type { Booking, PrismaClient } from '../generated/prisma/client.ts';
import type { SeatHolds } from '../holds/seatHolds.ts';
import type { SeatAvailability } from '../seats/seatAvailability.ts';

/**
 * Cancels the owner's booking until `cutoffMinutes` before its showtime: its seats are
 * free again at once and `booking.cancelled` tells payments to refund a paid one.
 */
export async function cancelBooking(
  {
    db,
    holds,
    availability,
    cutoffMinutes,
  }: { db: PrismaClient; holds: SeatHolds; availability: SeatAvailability; cutoffMinutes: number },
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<Booking> {
  const booking = await db.booking.findUnique({ where: { id } });
  if (!booking) throw notFound('No booking has that id.');
  if (booking.userId !== viewer.id) throw forbidden('Only its customer may cancel a booking.');
  const showtime = await db.knownShowtime.findUnique({ where: { id: booking.showtimeId } });
  if (showtime && showtime.startsAt.getTime() - cutoffMinutes * 60_000 <= now.getTime())
    throw conflict(`Bookings can be cancelled until ${cutoffMinutes} minutes before the showtime.`);

  const cancelled = await db.$transaction(async (tx) => {
    // The status condition makes the check and the change one step against the saga.
    const { count } = await tx.booking.updateMany({
      where: { id, status: { in: ['PENDING_PAYMENT', 'CONFIRMED'] } },
      data: { status: 'CANCELLED' },
    });
    if (!count) throw conflict(`A ${booking.status} booking cannot be cancelled.`);
    await tx.seatReservation.deleteMany({ where: { bookingId: id } });
    await emit(tx, 'booking.cancelled', {
      bookingId: id,
      userId: booking.userId,
      showtimeId: booking.showtimeId,
      reason: 'cancelled by the customer',
      cause: 'customer',
    });
    return tx.booking.findUniqueOrThrow({ where: { id } });
  });
  await holds.release({
    id: booking.holdId,
    userId: booking.userId,
    showtimeId: booking.showtimeId,
    seatIds: booking.seatIds,
  });
  await availability.announce(booking);
  return cancelled;
}
