import type { SeatType } from '../generated/prisma/client.ts';

/** PREMIUM seats cost half as much again as the showtime's price; the others, its price. */
export function seatPriceCents(showtimePriceCents: number, type: SeatType): number {
  return type === 'PREMIUM' ? Math.round(showtimePriceCents * 1.5) : showtimePriceCents;
}
