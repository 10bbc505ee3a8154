import type { BookingStatus, KnownShowtime, PrismaClient } from '../generated/prisma/client.ts';
import type { SeatHolds } from '../holds/seatHolds.ts';
import type { SeatLayout, SeatLayouts } from './seatLayouts.ts';
import type { SeatClaims } from './seatStatus.ts';

/** A showtime's seats as they stand: its screen's layout, its reservations and live holds. */
export interface ShowtimeSeats extends SeatClaims {
  showtime: KnownShowtime;
  layout: SeatLayout;
}

/**
 * Reads the seats of these showtimes at once: layouts from the in-process cache, the
 * reservations (with their booking's status) in one query and the live holds of every
 * seat in one Redis round trip, the last two side by side.
 */
export async function readShowtimeSeats(
  deps: { db: PrismaClient; holds: SeatHolds; layouts: SeatLayouts },
  showtimes: readonly KnownShowtime[],
): Promise<ShowtimeSeats[]> {
  if (!showtimes.length) return [];
  const layoutsRead = deps.layouts.of(showtimes.map((showtime) => showtime.screenId));
  const [layouts, reserved, held] = await Promise.all([
    layoutsRead,
    deps.db.seatReservation.findMany({
      where: { showtimeId: { in: showtimes.map((showtime) => showtime.id) } },
      select: { showtimeId: true, seatId: true, booking: { select: { status: true } } },
    }),
    layoutsRead.then((layouts) =>
      deps.holds.heldSeatsOfEach(
        showtimes.map((showtime) => ({
          showtimeId: showtime.id,
          seatIds: layouts.get(showtime.screenId)!.seatIds,
        })),
      ),
    ),
  ]);
  const reservedAt = new Map(
    showtimes.map((showtime) => [showtime.id, new Map<string, BookingStatus>()]),
  );
  for (const { showtimeId, seatId, booking } of reserved)
    reservedAt.get(showtimeId)?.set(seatId, booking.status);
  return showtimes.map((showtime, i) => ({
    showtime,
    layout: layouts.get(showtime.screenId)!,
    reserved: reservedAt.get(showtime.id)!,
    held: held[i]!,
  }));
}
