import type { PrismaClient } from '../generated/prisma/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { Pick } from './pickConnection.ts';
import { MAX_PICKS } from './pickConnection.ts';

/** A signal counts half as much a week later. */
const HALF_LIFE_SECONDS = 7 * 24 * 3600;
/** Older signals are left out altogether (they would count for less than 1/8000). */
const WINDOW = '90 days';

/**
 * What is popular now, best first: each confirmed booking counts 1 (only those in
 * `city`'s theaters when a city is given), each high rating up to 0.5 and each watchlist
 * addition 0.3, all decayed by age. Ratings and watchlists know no city; they rank a
 * city's list too, after its own bookings, so a city with few bookings still has one.
 */
export async function popularMovies(
  db: PrismaClient,
  city: string | null,
  exclude: readonly string[] = [],
): Promise<Pick[]> {
  const inCity = city ? Prisma.sql`lower(city) = lower(${city})` : Prisma.sql`true`;
  const excluded = exclude.length
    ? Prisma.sql`AND s.movie_id <> ALL(${exclude}::uuid[])`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ movie_id: string; local: number }[]>`
    SELECT s.movie_id,
           sum(CASE kind
                 WHEN 'BOOKED' THEN 1.0
                 WHEN 'RATED' THEN (value - 5) / 10
                 ELSE 0.3
               END * exp(-extract(epoch FROM now() - occurred_at) / ${HALF_LIFE_SECONDS} * ln(2))) AS score,
           count(*) FILTER (WHERE kind = 'BOOKED')::int AS local
      FROM signals s JOIN movies m ON m.movie_id = s.movie_id
     WHERE occurred_at > now() - ${WINDOW}::interval
       AND ((kind = 'BOOKED' AND ${inCity}) OR (kind = 'RATED' AND value >= 7) OR kind = 'WATCHLISTED')
       ${excluded}
     GROUP BY s.movie_id
     ORDER BY score DESC, s.movie_id
     LIMIT ${MAX_PICKS}`;
  return rows.map((row) => ({
    movieId: row.movie_id,
    reason: city && row.local > 0 ? `Popular in ${city} this week` : 'Popular this week',
  }));
}
