import { assertUuid, notFound } from '@cinegraph/service-kit';
import type { SeatAvailabilityEventModel } from '../seats/seatAvailability.ts';
import type { SeatAvailabilityEventResolvers, SubscriptionResolvers } from '../schema.generated.ts';

export const Subscription: SubscriptionResolvers = {
  seatAvailabilityChanged: {
    async subscribe(_, { showtimeId }, { db, availability }) {
      const id = assertUuid(showtimeId, 'showtimeId');
      const showtime = await db.knownShowtime.findUnique({ where: { id }, select: { id: true } });
      if (!showtime) throw notFound('No showtime has that id.');
      return availability.events(id);
    },
    resolve: (event: SeatAvailabilityEventModel) => event,
  },
};

export const SeatAvailabilityEvent: SeatAvailabilityEventResolvers = {
  showtime: (event) => ({ id: event.showtimeId }),
  occurredAt: (event) => new Date(event.occurredAt),
};
