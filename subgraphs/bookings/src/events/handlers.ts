import type { EventHandlers } from '@cinegraph/events';
import { cancelUnpaidBooking, markRefunded, settlePaidBooking } from '../booking/sagaSteps.ts';
import { saveShowtimes } from '../catalog/knownCatalog.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { SeatHolds } from '../holds/seatHolds.ts';

export type Tx = Prisma.TransactionClient;

/** What bookings does with each event it consumes (see packages/events eventConsumers.ts). */
export function createHandlers(holds: SeatHolds) {
  return {
    async 'showtime.created'(tx, event) {
      const { showtimeId, startsAt, endsAt, ...facts } = event.data;
      await saveShowtimes(tx, [
        {
          id: showtimeId,
          movieId: facts.movieId,
          screenId: facts.screenId,
          startsAt: new Date(startsAt),
          endsAt: new Date(endsAt),
          priceCents: facts.priceCents,
          currency: facts.currency,
          movieTitle: facts.movieTitle,
          theaterName: facts.theaterName,
          timeZone: facts.timeZone,
          city: facts.city,
        },
      ]);
    },
    'payment.succeeded': (tx, event) => settlePaidBooking(tx, event.data.bookingId, holds),
    async 'payment.failed'(tx, event) {
      const booking = await cancelUnpaidBooking(tx, event.data.bookingId, event.data.reason);
      // Redis too, so the seat map shows the seats free at once; releasing is idempotent.
      if (booking)
        await holds.release({
          id: booking.holdId,
          userId: booking.userId,
          showtimeId: booking.showtimeId,
          seatIds: booking.seatIds,
        });
    },
    'payment.refunded': (tx, event) => markRefunded(tx, event.data.bookingId),
  } satisfies EventHandlers<Tx>;
}
