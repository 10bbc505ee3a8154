import type { ReadThroughCache } from '@cinegraph/service-kit';
import type { Movie } from '../generated/prisma/client.ts';

export type MovieCache = ReadThroughCache<Movie>;

type StoredMovie = Omit<Movie, 'releaseDate' | 'createdAt' | 'updatedAt'> & {
  releaseDate: string;
  createdAt: string;
  updatedAt: string;
};

/** Movies by id as JSON, with their dates written as ISO strings and revived on reading. */
export const movieCodec = {
  encode: (movie: Movie): StoredMovie => ({
    ...movie,
    releaseDate: movie.releaseDate.toISOString(),
    createdAt: movie.createdAt.toISOString(),
    updatedAt: movie.updatedAt.toISOString(),
  }),
  decode: (stored: unknown): Movie => {
    const movie = stored as StoredMovie;
    return {
      ...movie,
      releaseDate: new Date(movie.releaseDate),
      createdAt: new Date(movie.createdAt),
      updatedAt: new Date(movie.updatedAt),
    };
  },
};
