import { assertUuid, requireAdmin } from '@cinegraph/service-kit';
import type { CreateShowtimeInput } from '../catalog/createShowtime.ts';
import { createShowtime } from '../catalog/createShowtime.ts';
import type { MovieFields } from '../catalog/movieInput.ts';
import { createMovie, updateMovie } from '../catalog/saveMovie.ts';
import type { MoviesContext } from '../context.ts';

type CreateMovieInput = Parameters<typeof createMovie>[1];

export const Mutation = {
  createMovie(_: unknown, { input }: { input: CreateMovieInput }, { viewer, db }: MoviesContext) {
    requireAdmin(viewer);
    return createMovie(db, input);
  },

  updateMovie(_: unknown, args: { id: string; input: MovieFields }, { viewer, db }: MoviesContext) {
    requireAdmin(viewer);
    return updateMovie(db, assertUuid(args.id, 'id'), args.input);
  },

  createShowtime(
    _: unknown,
    { input }: { input: CreateShowtimeInput },
    { viewer, db }: MoviesContext,
  ) {
    requireAdmin(viewer);
    return createShowtime(db, input);
  },
};
