import { emit } from '@cinegraph/events';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SeatChange } from '../holds/seatHolds.ts';
import type { SeatAvailability } from '../seats/seatAvailability.ts';
import { startSeatChangeWorker } from '../seats/seatChangeWorker.ts';

/** Bookings expired per transaction. */
const BATCH = 100;

/**
 * Marks unpaid bookings past their expiry EXPIRED, frees their seats and emits
 * `booking.expired`, 100 at a time in one transaction. SKIP LOCKED lets replicas share
 * the work; the status condition keeps a booking the saga confirmed meanwhile.
 * Returns the seats set free, to announce once committed.
 */
export async function expireBookings(db: PrismaClient, now = new Date()): Promise<SeatChange[]> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<
      { id: string; userId: string; showtimeId: string; seatIds: string[] }[]
    >`
      UPDATE bookings SET status = 'EXPIRED', updated_at = now()
       WHERE id IN (
         SELECT id FROM bookings
          WHERE status = 'PENDING_PAYMENT' AND expires_at <= ${now}
          ORDER BY expires_at
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, user_id AS "userId", showtime_id AS "showtimeId", seat_ids AS "seatIds"`;
    if (!expired.length) return [];
    await tx.seatReservation.deleteMany({ where: { bookingId: { in: expired.map((b) => b.id) } } });
    for (const booking of expired)
      await emit(tx, 'booking.expired', {
        bookingId: booking.id,
        userId: booking.userId,
        showtimeId: booking.showtimeId,
      });
    return expired.map(({ showtimeId, seatIds }) => ({ showtimeId, seatIds }));
  });
}

/** Runs `expireBookings` every `intervalMs` until stopped, announcing the seats it frees. */
export function startExpiryWorker(options: {
  db: PrismaClient;
  availability: SeatAvailability;
  intervalMs: number;
  logger: Logger;
}): { stop(): Promise<void> } {
  return startSeatChangeWorker({
    ...options,
    take: () => expireBookings(options.db),
    batch: BATCH,
    failure: 'expiring bookings failed; will retry',
  });
}
