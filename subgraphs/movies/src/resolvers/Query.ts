import { assertUuid, badInput } from '@cinegraph/service-kit';
import type { ListShowtimesArgs } from '../catalog/listShowtimes.ts';
import { listShowtimes } from '../catalog/listShowtimes.ts';
import type { SearchMoviesArgs } from '../catalog/searchMovies.ts';
import { searchMovies } from '../catalog/searchMovies.ts';
import type { MoviesContext } from '../context.ts';

export const Query = {
  movie(
    _: unknown,
    args: { id?: string | null; slug?: string | null },
    { db, loaders }: MoviesContext,
  ) {
    if ((args.id == null) === (args.slug == null))
      throw badInput('Give exactly one of "id" and "slug".');
    if (args.id != null) return loaders.movieById.load(assertUuid(args.id, 'id'));
    return db.movie.findUnique({ where: { slug: args.slug! } });
  },

  movies: (_: unknown, args: SearchMoviesArgs, { db }: MoviesContext) => searchMovies(db, args),

  genres: (_: unknown, __: unknown, { db }: MoviesContext) =>
    db.genre.findMany({ orderBy: { name: 'asc' } }),

  theater: (_: unknown, args: { id: string }, { loaders }: MoviesContext) =>
    loaders.theaterById.load(assertUuid(args.id, 'id')),

  theaters(_: unknown, args: { city?: string | null }, { db }: MoviesContext) {
    const city = args.city?.trim();
    return db.theater.findMany({
      where: city ? { city: { equals: city, mode: 'insensitive' } } : {},
      orderBy: [{ city: 'asc' }, { name: 'asc' }],
    });
  },

  showtime: (_: unknown, args: { id: string }, { loaders }: MoviesContext) =>
    loaders.showtimeById.load(assertUuid(args.id, 'id')),

  showtimes: (_: unknown, args: ListShowtimesArgs, { db }: MoviesContext) =>
    listShowtimes(db, args),
};
