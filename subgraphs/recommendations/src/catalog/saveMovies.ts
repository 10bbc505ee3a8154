import type { Prisma } from '../generated/prisma/client.ts';
import type { MovieContent } from './movieFeatures.ts';
import { movieFeatures } from './movieFeatures.ts';

export interface CatalogMovie {
  movieId: string;
  title: string;
  /** Absent when an event did not carry it (one published before it did): kept as it was. */
  content?: MovieContent;
}

type Db = Pick<Prisma.TransactionClient, 'movie' | 'movieFeature'>;

/**
 * Upserts movies and, where their content is known, replaces their features. Idempotent:
 * a backfill page and an event about the same movie leave the same rows.
 */
export async function saveMovies(db: Db, movies: readonly CatalogMovie[]): Promise<void> {
  for (const movie of movies) {
    await db.movie.upsert({
      where: { movieId: movie.movieId },
      create: { movieId: movie.movieId, title: movie.title },
      update: { title: movie.title },
    });
    if (!movie.content) continue;
    const features = movieFeatures(movie.content);
    await db.movieFeature.deleteMany({ where: { movieId: movie.movieId } });
    await db.movieFeature.createMany({
      data: [...features].map(([feature, weight]) => ({
        movieId: movie.movieId,
        feature,
        weight,
      })),
    });
  }
}
