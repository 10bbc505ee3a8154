import type { PrismaClient, SignalKind } from '../generated/prisma/client.ts';
import { positiveSignals } from '../signals/positiveSignals.ts';
import type { Pick } from './pickConnection.ts';
import { MAX_PICKS } from './pickConnection.ts';
import { popularMovies } from './popularMovies.ts';

/** How the reason names what the person did with the movie a pick comes from. */
const VERBS: Record<SignalKind, string> = {
  RATED: 'liked',
  BOOKED: 'booked',
  WATCHED: 'watched',
  WATCHLISTED: 'saved',
};

/**
 * A person's picks, best first: item-item collaborative filtering over the similarities
 * (content blended with co-occurrence), from their positive signals. A movie scores the
 * sum, over the movies they liked, of how much they liked it times how similar the two
 * are; its reason names the movie that contributed most. Nothing they already rated,
 * watched, booked or listed comes back. Read at request time from their signals, so a
 * new rating moves them as soon as its event is consumed; when there are fewer than
 * MAX_PICKS, popular movies (in the city they book in most) fill the rest.
 */
export async function userPicks(db: PrismaClient, userId: string): Promise<Pick[]> {
  const rows = await db.$queryRaw<{ movie_id: string; because: string }[]>`
    WITH positive AS (${positiveSignals(userId)}),
    contributions AS (
      SELECT s.similar_id AS movie_id, p.movie_id AS because, p.weight * s.score AS contribution
        FROM positive p JOIN similarities s ON s.movie_id = p.movie_id
       WHERE NOT EXISTS (
         SELECT 1 FROM signals seen WHERE seen.user_id = ${userId}::uuid AND seen.movie_id = s.similar_id))
    SELECT movie_id, (array_agg(because ORDER BY contribution DESC, because))[1] AS because
      FROM contributions
     GROUP BY movie_id
     ORDER BY sum(contribution) DESC, movie_id
     LIMIT ${MAX_PICKS}`;

  const signals = await db.signal.findMany({
    where: { userId },
    select: { movieId: true, kind: true, value: true, city: true },
  });
  const because = new Set(rows.map((row) => row.because));
  const titles = new Map(
    (
      await db.movie.findMany({
        where: { movieId: { in: [...because] } },
        select: { movieId: true, title: true },
      })
    ).map((movie) => [movie.movieId, movie.title]),
  );
  /** What they did with a movie, the strongest first: a high rating, a booking, ... */
  const verbFor = (movieId: string) => {
    const kinds = signals.filter((signal) => signal.movieId === movieId);
    const order: SignalKind[] = ['RATED', 'BOOKED', 'WATCHED', 'WATCHLISTED'];
    const kind = order.find((k) =>
      kinds.some((signal) => signal.kind === k && (k !== 'RATED' || signal.value >= 7)),
    );
    return VERBS[kind ?? 'RATED'];
  };
  const picks: Pick[] = rows.map((row) => ({
    movieId: row.movie_id,
    reason: `Because you ${verbFor(row.because)} ${titles.get(row.because) ?? 'a movie'}`,
  }));
  if (picks.length >= MAX_PICKS) return picks;

  // Their city: where they book most, when they have booked.
  const cities = new Map<string, number>();
  for (const signal of signals)
    if (signal.kind === 'BOOKED' && signal.city)
      cities.set(signal.city, (cities.get(signal.city) ?? 0) + 1);
  const city = [...cities].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const exclude = [...new Set([...signals.map((s) => s.movieId), ...picks.map((p) => p.movieId)])];
  const popular = await popularMovies(db, city, exclude);
  return [...picks, ...popular].slice(0, MAX_PICKS);
}
