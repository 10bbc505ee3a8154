import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Pick } from './pickConnection.ts';

interface SimilarRow {
  similar_id: string;
  content_score: number;
  co_score: number;
  genres: number;
  directors: number;
  people: number;
  terms: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why two movies are alike, from what they share (person weights say the role, movieFeatures.ts). */
function reasonOf(row: SimilarRow, title: string): string {
  if (row.co_score > row.content_score) return `Liked by people who liked ${title}`;
  const shared = [
    ...(row.directors ? ['its director'] : []),
    ...(row.people ? [plural(row.people, 'cast or crew member', 'cast and crew members')] : []),
    ...(row.genres ? [plural(row.genres, 'genre', 'genres')] : []),
  ];
  if (!shared.length) return row.terms ? `A story like ${title}'s` : `Like ${title}`;
  const list =
    shared.length === 1 ? shared[0] : `${shared.slice(0, -1).join(', ')} and ${shared.at(-1)}`;
  return `Shares ${list} with ${title}`;
}

/**
 * The movies most like each of `movieIds`, from the last recompute, each with what it
 * shares: one query for all of them (a page of movies asking for their similar ones is one
 * statement, not one per movie). A movie recommendations does not know has an empty list.
 */
export async function similarMovies(
  db: PrismaClient,
  movieIds: readonly string[],
): Promise<Map<string, Pick[]>> {
  const lists = new Map<string, Pick[]>(movieIds.map((id) => [id, []]));
  if (!movieIds.length) return lists;
  const rows = await db.$queryRaw<(SimilarRow & { movie_id: string; title: string })[]>`
    SELECT s.movie_id, m.title, s.similar_id, s.content_score, s.co_score, shared.*
      FROM similarities s
      JOIN movies m ON m.movie_id = s.movie_id
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE a.feature LIKE 'genre:%')::int AS genres,
               count(*) FILTER (WHERE a.feature LIKE 'person:%' AND a.weight = 1)::int AS directors,
               count(*) FILTER (WHERE a.feature LIKE 'person:%' AND a.weight < 1)::int AS people,
               count(*) FILTER (WHERE a.feature LIKE 'term:%')::int AS terms
          FROM movie_features a
          JOIN movie_features b ON b.movie_id = s.similar_id AND b.feature = a.feature
         WHERE a.movie_id = s.movie_id) shared
     WHERE s.movie_id = ANY(${[...movieIds]}::uuid[])
     ORDER BY s.movie_id, s.score DESC, s.similar_id`;
  for (const row of rows)
    lists.get(row.movie_id)?.push({ movieId: row.similar_id, reason: reasonOf(row, row.title) });
  return lists;
}
