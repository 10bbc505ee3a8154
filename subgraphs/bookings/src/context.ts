import DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { createLoader, forbidden, isUuid, requireViewer } from '@cinegraph/service-kit';
import type { CustomerLimits } from './booking/customerLimits.ts';
import type { Booking, KnownSeat, KnownShowtime, PrismaClient } from './generated/prisma/client.ts';
import type { SeatHolds } from './holds/seatHolds.ts';
import type { SeatAvailability } from './seats/seatAvailability.ts';
import type { SeatLayouts } from './seats/seatLayouts.ts';
import type { SeatMapModel } from './seats/seatMap.ts';
import { buildSeatMap, countAvailableSeats } from './seats/seatMap.ts';
import type { ShowtimeSeats } from './seats/showtimeSeats.ts';
import { readShowtimeSeats } from './seats/showtimeSeats.ts';

export type { HoldRecord as SeatHoldModel } from './holds/seatHolds.ts';
export type { BookingConnectionModel } from './booking/listBookings.ts';

/** An entity another subgraph owns, as this one knows it: the key the gateway sends. */
export interface EntityReference {
  id: string;
}

export interface BookingsLoaders {
  showtimeById: DataLoader<string, KnownShowtime | null>;
  seatById: DataLoader<string, KnownSeat | null>;
  bookingById: DataLoader<string, Booking | null>;
  /**
   * Each showtime's seats as they stand (layout, reservations, live holds), read for the
   * whole batch at once; null for a showtime this subgraph does not know.
   */
  showtimeSeats: DataLoader<string, ShowtimeSeats | null>;
  /** Each showtime's seat map, from `showtimeSeats`. */
  seatMap: DataLoader<string, SeatMapModel | null>;
  /** Each showtime's AVAILABLE seats, from `showtimeSeats` without building the seat map. */
  availableSeatCount: DataLoader<string, number | null>;
}

/** The rules the process was configured with. */
export interface BookingSettings {
  holdTtlMs: number;
  cancelCutoffMinutes: number;
  limits: CustomerLimits;
}

export interface BookingsContext {
  viewer: Viewer | null;
  db: PrismaClient;
  holds: SeatHolds;
  availability: SeatAvailability;
  settings: BookingSettings;
  loaders: BookingsLoaders;
}

/** The request's loaders; `layouts` is the process's, shared by every request. */
export function createLoaders(
  db: PrismaClient,
  holds: SeatHolds,
  layouts: SeatLayouts,
): BookingsLoaders {
  const uuids = (ids: readonly string[]) => ids.filter(isUuid);
  const showtimeById = createLoader(
    (ids: readonly string[]) => db.knownShowtime.findMany({ where: { id: { in: uuids(ids) } } }),
    (showtime) => showtime.id,
  );
  const showtimeSeats = new DataLoader<string, ShowtimeSeats | null>(async (ids) => {
    const known = (await showtimeById.loadMany(ids)).filter(
      (showtime): showtime is KnownShowtime => showtime !== null && !(showtime instanceof Error),
    );
    const read = await readShowtimeSeats({ db, holds, layouts }, known);
    const byId = new Map(read.map((seats) => [seats.showtime.id, seats]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  // Both batch on `showtimeSeats`: a request asking for counts and maps reads each once.
  const fromShowtimeSeats = <Value>(derive: (seats: ShowtimeSeats) => Value) =>
    new DataLoader<string, Value | null>(async (ids) =>
      (await showtimeSeats.loadMany(ids)).map((seats) =>
        seats instanceof Error ? seats : seats && derive(seats),
      ),
    );
  return {
    showtimeById,
    seatById: createLoader(
      (ids) => db.knownSeat.findMany({ where: { id: { in: uuids(ids) } } }),
      (seat) => seat.id,
    ),
    bookingById: createLoader(
      (ids) => db.booking.findMany({ where: { id: { in: uuids(ids) } } }),
      (booking) => booking.id,
    ),
    showtimeSeats,
    seatMap: fromShowtimeSeats(buildSeatMap),
    availableSeatCount: fromShowtimeSeats(countAvailableSeats),
  };
}

/** A booking is private to its customer; admins may read any. */
export function requireBookingReader(viewer: Viewer | null, booking: Booking): void {
  const known = requireViewer(viewer);
  if (known.id !== booking.userId && known.role !== 'ADMIN')
    throw forbidden('A booking is private to its customer.');
}
