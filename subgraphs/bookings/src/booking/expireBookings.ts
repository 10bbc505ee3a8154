import { emit } from '@cinegraph/events';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * Marks unpaid bookings past their expiry EXPIRED, frees their seats and emits
 * `booking.expired`, 100 at a time in one transaction. SKIP LOCKED lets replicas share
 * the work; the status condition keeps a booking the saga confirmed meanwhile.
 */
export async function expireBookings(db: PrismaClient, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ id: string; userId: string; showtimeId: string }[]>`
      UPDATE bookings SET status = 'EXPIRED', updated_at = now()
       WHERE id IN (
         SELECT id FROM bookings
          WHERE status = 'PENDING_PAYMENT' AND expires_at <= ${now}
          ORDER BY expires_at
          LIMIT 100
          FOR UPDATE SKIP LOCKED)
      RETURNING id, user_id AS "userId", showtime_id AS "showtimeId"`;
    if (!expired.length) return 0;
    await tx.seatReservation.deleteMany({ where: { bookingId: { in: expired.map((b) => b.id) } } });
    for (const booking of expired)
      await emit(tx, 'booking.expired', {
        bookingId: booking.id,
        userId: booking.userId,
        showtimeId: booking.showtimeId,
      });
    return expired.length;
  });
}

/** Runs `expireBookings` every `intervalMs` until stopped. */
export function startExpiryWorker(options: {
  db: PrismaClient;
  intervalMs: number;
  logger: Logger;
}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        // Drain: a full batch means there may be more.
        while (!stopped && (await expireBookings(options.db)) === 100);
      } catch (error) {
        options.logger.warn({ err: error }, 'expiring bookings failed; will retry');
      }
      if (!stopped) timer = setTimeout(tick, options.intervalMs);
    })();
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
