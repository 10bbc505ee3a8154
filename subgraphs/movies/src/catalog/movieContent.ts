import type { CreditRole, Prisma } from '../generated/prisma/client.ts';

/** A movie's content as `movie.created` and `movie.updated` carry it. */
export interface MovieContent {
  genreIds: string[];
  synopsis: string;
  credits: { personId: string; role: CreditRole }[];
}

/**
 * Reads a movie's genres, synopsis and credits in the transaction that changed it, so the
 * event says what committed: consumers replace their copy with it rather than merge a
 * difference (recommendations compares movies by it). Credits come in billing order,
 * genres in id order (a movie's genres have none of their own).
 */
export async function movieContent(
  tx: Prisma.TransactionClient,
  movieId: string,
): Promise<MovieContent> {
  const movie = await tx.movie.findUniqueOrThrow({
    where: { id: movieId },
    select: {
      synopsis: true,
      genres: { select: { genreId: true }, orderBy: { genreId: 'asc' } },
      credits: {
        select: { personId: true, role: true },
        orderBy: [{ billingOrder: 'asc' }, { id: 'asc' }],
      },
    },
  });
  return {
    genreIds: movie.genres.map((genre) => genre.genreId),
    synopsis: movie.synopsis,
    credits: movie.credits,
  };
}
