import type { PrismaClient } from '../../src/generated/prisma/client.ts';

/**
 * A screen of 10 rows × 10 seats (row A premium) and a showtime on it, `hoursAhead` away,
 * at a theater in `city` (null: a showtime learnt before the catalog sent cities).
 */
export async function showtimeWithSeats(
  db: PrismaClient,
  hoursAhead = 24,
  city: string | null = 'London',
) {
  const screenId = crypto.randomUUID();
  const seats = 'ABCDEFGHIJ'.split('').flatMap((row) =>
    Array.from({ length: 10 }, (_, i) => ({
      id: crypto.randomUUID(),
      screenId,
      row,
      number: i + 1,
      type: row === 'A' ? ('PREMIUM' as const) : ('STANDARD' as const),
    })),
  );
  await db.knownSeat.createMany({ data: seats });
  const startsAt = new Date(Date.now() + hoursAhead * 3_600_000);
  const showtime = await db.knownShowtime.create({
    data: {
      id: crypto.randomUUID(),
      movieId: crypto.randomUUID(),
      screenId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      priceCents: 1_000,
      currency: 'GBP',
      movieTitle: 'Heat',
      theaterName: 'The Electric',
      timeZone: 'Europe/London',
      city,
    },
  });
  return { showtime, seatIds: seats.map((seat) => seat.id) };
}
