import { Prisma } from '../generated/prisma/client.ts';

/**
 * How much each of a person's movies says they like it, 0..1, one row per (user, movie)
 * with a positive weight. A rating decides when there is one: 7 and up is liked ((r - 5) / 5,
 * so 0.4 for a 7 and 1 for a 10), below is not, whatever else they did. Without a rating:
 * booked 0.8, watched 0.6, on the watchlist 0.5.
 *
 * `forUser` narrows it to one person (their picks); without it, everyone (the recompute).
 */
export function positiveSignals(forUser?: string): Prisma.Sql {
  const where = forUser ? Prisma.sql`WHERE user_id = ${forUser}::uuid` : Prisma.empty;
  return Prisma.sql`
    SELECT user_id, movie_id, weight FROM (
      SELECT user_id, movie_id,
             COALESCE(
               max(CASE WHEN value >= 7 THEN (value - 5) / 5 ELSE 0 END) FILTER (WHERE kind = 'RATED'),
               max(CASE kind WHEN 'BOOKED' THEN 0.8 WHEN 'WATCHED' THEN 0.6 WHEN 'WATCHLISTED' THEN 0.5 END)
             ) AS weight
        FROM signals ${where}
       GROUP BY user_id, movie_id
    ) weighted
    WHERE weight > 0`;
}
