import { emit } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { badInput, conflict, isUniqueViolation, notFound } from '@cinegraph/service-kit';
import type { Booking, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { SeatHolds } from '../holds/seatHolds.ts';
import type { CustomerLimits } from './customerLimits.ts';
import { lockCustomer, refuseOverUnpaidLimits } from './customerLimits.ts';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;

/**
 * Turns the viewer's live hold into a booking waiting for payment, with `booking.created`
 * in the same transaction. The seat reservations' primary key (showtime, seat) is the
 * final guard: whatever Redis said, a seat already in a live booking makes it CONFLICT.
 * The customer's caps on unpaid bookings are settled here, under their advisory lock
 * (holdSeats only refuses early). The same idempotency key returns the same booking,
 * however often it is sent, and is never counted against the caps.
 */
export async function createBooking(
  { db, holds, limits }: { db: PrismaClient; holds: SeatHolds; limits: CustomerLimits },
  viewer: Viewer,
  holdId: string,
  idempotencyKey: string,
): Promise<Booking> {
  if (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw badInput(
      `"idempotencyKey" must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      'idempotencyKey',
    );
  const byKey = (client: Pick<Prisma.TransactionClient, 'booking'> = db) =>
    client.booking.findUnique({
      where: { userId_idempotencyKey: { userId: viewer.id, idempotencyKey } },
    });
  const replay = (booking: Booking) => {
    if (booking.holdId !== holdId)
      throw conflict('That idempotency key was used for another hold.');
    return booking;
  };

  const earlier = await byKey();
  if (earlier) return replay(earlier);

  const hold = await holds.read(holdId);
  if (!hold || hold.userId !== viewer.id) {
    if (await db.booking.findUnique({ where: { holdId }, select: { id: true } }))
      throw conflict('That hold has already been booked.');
    throw notFound('No live hold of yours has that id (holds expire after a few minutes).');
  }

  let outcome: { booking: Booking; isReplay: boolean };
  try {
    outcome = await db.$transaction(async (tx) => {
      await lockCustomer(tx, viewer.id);
      // Under the lock, a request of this customer's that committed meanwhile is visible:
      // the same key is a replay, the same hold is spent; neither is a new unpaid booking.
      const winner = await byKey(tx);
      if (winner) return { booking: replay(winner), isReplay: true };
      if (await tx.booking.findUnique({ where: { holdId }, select: { id: true } }))
        throw conflict('That hold has already been booked.');
      await refuseOverUnpaidLimits(tx, limits, viewer.id, hold.showtimeId);

      const created = await tx.booking.create({
        data: {
          userId: viewer.id,
          showtimeId: hold.showtimeId,
          seatIds: hold.seatIds,
          totalCents: hold.totalCents,
          currency: hold.currency,
          holdId,
          idempotencyKey,
          expiresAt: new Date(hold.expiresAt),
        },
      });
      await tx.seatReservation.createMany({
        data: hold.seatIds.map((seatId) => ({
          showtimeId: hold.showtimeId,
          seatId,
          bookingId: created.id,
        })),
      });
      await emit(tx, 'booking.created', {
        bookingId: created.id,
        userId: created.userId,
        showtimeId: created.showtimeId,
        seatIds: created.seatIds,
        amountCents: created.totalCents,
        currency: created.currency,
      });
      return { booking: created, isReplay: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A seat went to someone else's booking. (This customer's own concurrent requests
    // queue on the lock and are answered there; the look-up by key is a fallback.)
    const winner = await byKey();
    if (winner) return replay(winner);
    throw conflict('Some of those seats are no longer available, or the hold was booked.');
  }
  if (!outcome.isReplay) await holds.consume(hold);
  return outcome.booking;
}
