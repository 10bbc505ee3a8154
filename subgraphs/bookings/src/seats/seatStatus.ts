import type { BookingStatus } from '../generated/prisma/client.ts';
import type { SeatStatus } from '../schema.types.generated.ts';

/** What decides the status of a showtime's seats: its reservations and its live holds. */
export interface SeatClaims {
  /** The status of the booking of each reserved seat, by seat id. */
  reserved: ReadonlyMap<string, BookingStatus>;
  /** The seats a live hold has (Redis). */
  held: ReadonlySet<string>;
}

/**
 * A seat is SOLD when a CONFIRMED booking reserves it; HELD when any other booking does
 * (waiting for payment) or a live hold has it; AVAILABLE otherwise. A reservation outranks
 * a hold: a booking's seats stay held in Redis for a while after it was made.
 */
export function seatStatus(claims: SeatClaims, seatId: string): SeatStatus {
  const booking = claims.reserved.get(seatId);
  if (booking === 'CONFIRMED') return 'SOLD';
  return booking !== undefined || claims.held.has(seatId) ? 'HELD' : 'AVAILABLE';
}
