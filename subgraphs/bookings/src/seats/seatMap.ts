import type { SeatType } from '../generated/prisma/client.ts';
import type { SeatStatus } from '../schema.types.generated.ts';
import { seatPriceCents } from './seatPriceCents.ts';
import { seatStatus } from './seatStatus.ts';
import type { ShowtimeSeats } from './showtimeSeats.ts';

export interface SeatMapModel {
  rows: {
    label: string;
    seats: { id: string; label: string; type: SeatType; status: SeatStatus; priceCents: number }[];
  }[];
  availableSeatCount: number;
}

/** Every seat of the showtime with its status and price, row by row. */
export function buildSeatMap(seats: ShowtimeSeats): SeatMapModel {
  const { showtime, layout } = seats;
  let availableSeatCount = 0;
  const rows = layout.rows.map((row) => ({
    label: row.label,
    seats: row.seats.map((seat) => {
      const status = seatStatus(seats, seat.id);
      if (status === 'AVAILABLE') availableSeatCount++;
      return {
        id: seat.id,
        label: seat.label,
        type: seat.type,
        status,
        priceCents: seatPriceCents(showtime.priceCents, seat.type),
      };
    }),
  }));
  return { rows, availableSeatCount };
}

/** The showtime's AVAILABLE seats, counted without building its seat map. */
export function countAvailableSeats(seats: ShowtimeSeats): number {
  let count = 0;
  for (const seatId of seats.layout.seatIds) if (seatStatus(seats, seatId) === 'AVAILABLE') count++;
  return count;
}
