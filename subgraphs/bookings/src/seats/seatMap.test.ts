import { describe, expect, it } from 'vitest';
import type { KnownShowtime } from '../generated/prisma/client.ts';
import { buildSeatMap, countAvailableSeats } from './seatMap.ts';
import type { ShowtimeSeats } from './showtimeSeats.ts';

const showtime = { id: 'show', screenId: 'screen', priceCents: 1_000 } as KnownShowtime;
const seats: ShowtimeSeats = {
  showtime,
  layout: {
    rows: [
      {
        label: 'A',
        seats: [
          { id: 'a1', label: 'A1', type: 'PREMIUM' },
          { id: 'a2', label: 'A2', type: 'PREMIUM' },
        ],
      },
      {
        label: 'B',
        seats: [
          { id: 'b1', label: 'B1', type: 'STANDARD' },
          { id: 'b2', label: 'B2', type: 'ACCESSIBLE' },
        ],
      },
    ],
    seatIds: ['a1', 'a2', 'b1', 'b2'],
  },
  reserved: new Map([
    ['a1', 'CONFIRMED'],
    ['b1', 'PENDING_PAYMENT'],
  ]),
  held: new Set(['a2']),
};

describe('the seat map', () => {
  it('gives each seat of the layout its status and price, row by row', () => {
    expect(buildSeatMap(seats)).toEqual({
      rows: [
        {
          label: 'A',
          seats: [
            { id: 'a1', label: 'A1', type: 'PREMIUM', status: 'SOLD', priceCents: 1_500 },
            { id: 'a2', label: 'A2', type: 'PREMIUM', status: 'HELD', priceCents: 1_500 },
          ],
        },
        {
          label: 'B',
          seats: [
            { id: 'b1', label: 'B1', type: 'STANDARD', status: 'HELD', priceCents: 1_000 },
            { id: 'b2', label: 'B2', type: 'ACCESSIBLE', status: 'AVAILABLE', priceCents: 1_000 },
          ],
        },
      ],
      availableSeatCount: 1,
    });
  });

  it('counts the AVAILABLE seats as the seat map does, without building it', () => {
    expect(countAvailableSeats(seats)).toBe(1);
    expect(countAvailableSeats({ ...seats, reserved: new Map(), held: new Set() })).toBe(4);
  });
});
