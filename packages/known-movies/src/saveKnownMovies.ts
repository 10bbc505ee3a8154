import type { SqlExecutor } from '@cinegraph/events';

export interface KnownMovie {
  id: string;
  title: string;
}

/** Records movies as existing (or renames them): an upsert into `known_movies`. */
export async function saveKnownMovies(
  db: SqlExecutor,
  movies: readonly KnownMovie[],
): Promise<void> {
  if (!movies.length) return;
  await db.$executeRaw`
    INSERT INTO known_movies (movie_id, title, updated_at)
    SELECT movie.id, movie.title, now()
    FROM unnest(${movies.map((m) => m.id)}::uuid[], ${movies.map((m) => m.title)}::text[])
      AS movie(id, title)
    ON CONFLICT (movie_id) DO UPDATE SET title = EXCLUDED.title, updated_at = now()
    WHERE known_movies.title IS DISTINCT FROM EXCLUDED.title`;
}
