import DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { createLoader, forbidden, isUuid, requireViewer } from '@cinegraph/service-kit';
import type { CustomerLimits } from './booking/customerLimits.ts';
import { seatLabel, seatPriceCents } from './catalogue/pricing.ts';
import type {
  Booking,
  KnownSeat,
  KnownShowtime,
  PrismaClient,
  SeatType,
} from './generated/prisma/client.ts';
import type { SeatHolds } from './holds/seatHolds.ts';
import type { SeatAvailability } from './seats/seatAvailability.ts';

export type { HoldRecord as SeatHoldModel } from './holds/seatHolds.ts';
export type { BookingConnectionModel } from './booking/listBookings.ts';

/** An entity another subgraph owns, as this one knows it: the key the gateway sends. */
export interface EntityReference {
  id: string;
}

export type SeatStatus = 'AVAILABLE' | 'HELD' | 'SOLD';

export interface SeatMapModel {
  rows: {
    label: string;
    seats: { id: string; label: string; type: SeatType; status: SeatStatus; priceCents: number }[];
  }[];
  availableSeatCount: number;
}

export interface BookingsLoaders {
  showtimeById: DataLoader<string, KnownShowtime | null>;
  seatById: DataLoader<string, KnownSeat | null>;
  bookingById: DataLoader<string, Booking | null>;
  /** Each showtime's seats with their status: the layout, the bookings, then Redis holds. */
  seatMap: DataLoader<string, SeatMapModel | null>;
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

export function createLoaders(db: PrismaClient, holds: SeatHolds): BookingsLoaders {
  const uuids = (ids: readonly string[]) => ids.filter(isUuid);
  const showtimeById = createLoader(
    (ids: readonly string[]) => db.knownShowtime.findMany({ where: { id: { in: uuids(ids) } } }),
    (showtime) => showtime.id,
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
    seatMap: new DataLoader(async (ids) => {
      const showtimes = (await showtimeById.loadMany(ids)).map((s) =>
        s instanceof Error ? null : s,
      );
      const known = showtimes.filter((s): s is KnownShowtime => s !== null);
      const [seats, reservations] = await Promise.all([
        db.knownSeat.findMany({
          where: { screenId: { in: [...new Set(known.map((s) => s.screenId))] } },
          orderBy: [{ row: 'asc' }, { number: 'asc' }],
        }),
        db.seatReservation.findMany({
          where: { showtimeId: { in: known.map((s) => s.id) } },
          select: { showtimeId: true, seatId: true, booking: { select: { status: true } } },
        }),
      ]);
      const reserved = new Map(
        reservations.map((r) => [`${r.showtimeId}:${r.seatId}`, r.booking.status]),
      );
      return Promise.all(
        showtimes.map(async (showtime) => {
          if (!showtime) return null;
          const screenSeats = seats.filter((seat) => seat.screenId === showtime.screenId);
          const held = await holds.heldSeats(
            showtime.id,
            screenSeats.map((seat) => seat.id),
          );
          const rows = new Map<string, SeatMapModel['rows'][number]['seats']>();
          let availableSeatCount = 0;
          for (const seat of screenSeats) {
            const booking = reserved.get(`${showtime.id}:${seat.id}`);
            const status: SeatStatus =
              booking === 'CONFIRMED'
                ? 'SOLD'
                : booking || held.has(seat.id)
                  ? 'HELD'
                  : 'AVAILABLE';
            if (status === 'AVAILABLE') availableSeatCount++;
            const row = rows.get(seat.row) ?? [];
            row.push({
              id: seat.id,
              label: seatLabel(seat),
              type: seat.type,
              status,
              priceCents: seatPriceCents(showtime.priceCents, seat.type),
            });
            rows.set(seat.row, row);
          }
          return {
            rows: [...rows].map(([label, rowSeats]) => ({ label, seats: rowSeats })),
            availableSeatCount,
          };
        }),
      );
    }),
  };
}

/** A booking is private to its customer; admins may read any. */
export function requireBookingReader(viewer: Viewer | null, booking: Booking): void {
  const known = requireViewer(viewer);
  if (known.id !== booking.userId && known.role !== 'ADMIN')
    throw forbidden('A booking is private to its customer.');
}
