import { assertUuid, badInput } from '@cinegraph/service-kit';
import { listShowtimes } from '../catalog/listShowtimes.ts';
import { searchMovies } from '../catalog/searchMovies.ts';
import type { QueryResolvers } from '../schema.generated.ts';

export const Query: QueryResolvers = {
  movie(_, args, { db, loaders }) {
    if ((args.id == null) === (args.slug == null))
      throw badInput('Give exactly one of "id" and "slug".');
    if (args.id != null) return loaders.movieById.load(assertUuid(args.id, 'id'));
    return db.movie.findUnique({ where: { slug: args.slug! } });
  },

  movies: (_, args, { db }) => searchMovies(db, args),

  genres: (_, __, { db }) => db.genre.findMany({ orderBy: { name: 'asc' } }),

  theater: (_, args, { loaders }) => loaders.theaterById.load(assertUuid(args.id, 'id')),

  theaters(_, args, { db }) {
    const city = args.city?.trim();
    return db.theater.findMany({
      where: city ? { city: { equals: city, mode: 'insensitive' } } : {},
      orderBy: [{ city: 'asc' }, { name: 'asc' }],
    });
  },

  showtime: (_, args, { loaders }) => loaders.showtimeById.load(assertUuid(args.id, 'id')),

  showtimes: (_, args, { db }) => listShowtimes(db, args),
};
