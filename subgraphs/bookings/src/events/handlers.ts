import type { EventHandlers } from '@cinegraph/events';
import { saveShowtimes } from '../catalogue/knownCatalogue.ts';
import type { Prisma } from '../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;

/** What bookings does with each event it consumes (see packages/events subscriptions). */
export const handlers = {
  async 'showtime.created'(tx, event) {
    const { showtimeId, startsAt, endsAt, ...rest } = event.data;
    await saveShowtimes(tx, [
      {
        id: showtimeId,
        movieId: rest.movieId,
        screenId: rest.screenId,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        priceCents: rest.priceCents,
        currency: rest.currency,
      },
    ]);
  },
} satisfies EventHandlers<Tx>;
