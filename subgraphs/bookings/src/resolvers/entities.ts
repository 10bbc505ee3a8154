import { notFound, requireSelfOrAdmin } from '@cinegraph/service-kit';
import { listBookings } from '../booking/listBookings.ts';
import type { BookingsLoaders } from '../context.ts';
import { requireBookingReader } from '../context.ts';
import type {
  BookingConnectionResolvers,
  BookingResolvers,
  SeatHoldResolvers,
  ShowtimeResolvers,
  UserResolvers,
} from '../schema.generated.ts';
import { seatLabel } from '../seats/seatLabel.ts';
import { seatPriceCents } from '../seats/seatPriceCents.ts';

/** The seats of a hold or booking with their labels and prices. */
async function bookedSeats(loaders: BookingsLoaders, showtimeId: string, seatIds: string[]) {
  const [showtime, seats] = await Promise.all([
    loaders.showtimeById.load(showtimeId),
    loaders.seatById.loadMany(seatIds),
  ]);
  return seats.flatMap((seat) =>
    seat && !(seat instanceof Error)
      ? [
          {
            id: seat.id,
            label: seatLabel(seat),
            type: seat.type,
            priceCents: showtime ? seatPriceCents(showtime.priceCents, seat.type) : 0,
          },
        ]
      : [],
  );
}

/** A showtime's seat map or count; NOT_FOUND for a showtime this subgraph does not know. */
async function onSale<Value>(answer: Promise<Value | null>): Promise<Value> {
  const value = await answer;
  if (value === null) throw notFound('Seats for that showtime are not on sale (yet).');
  return value;
}

export const Showtime: ShowtimeResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  seatMap: async (showtime, _, { loaders }) =>
    (await onSale(loaders.seatMap.load(showtime.id))).rows,
  availableSeatCount: (showtime, _, { loaders }) =>
    onSale(loaders.availableSeatCount.load(showtime.id)),
};

export const SeatHold: SeatHoldResolvers = {
  showtime: (hold) => ({ id: hold.showtimeId }),
  seats: (hold, _, { loaders }) => bookedSeats(loaders, hold.showtimeId, hold.seatIds),
  expiresAt: (hold) => new Date(hold.expiresAt),
};

export const Booking: BookingResolvers = {
  async __resolveReference(ref, { loaders, viewer }) {
    const booking = await loaders.bookingById.load(ref.id);
    if (booking) requireBookingReader(viewer, booking);
    return booking;
  },
  user: (booking) => ({ id: booking.userId }),
  showtime: (booking) => ({ id: booking.showtimeId }),
  seats: (booking, _, { loaders }) => bookedSeats(loaders, booking.showtimeId, booking.seatIds),
};

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  bookings(user, args, { viewer, db }) {
    requireSelfOrAdmin(viewer, user.id);
    return listBookings(db, user.id, args);
  },
};

export const BookingConnection: BookingConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
