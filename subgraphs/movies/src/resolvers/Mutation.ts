import { assertUuid, requireAdmin } from '@cinegraph/service-kit';
import { createShowtime } from '../catalog/createShowtime.ts';
import { createMovie, updateMovie } from '../catalog/saveMovie.ts';
import type { MutationResolvers } from '../schema.generated.ts';

export const Mutation: MutationResolvers = {
  createMovie(_, { input }, { viewer, db }) {
    requireAdmin(viewer);
    return createMovie(db, input);
  },

  async updateMovie(_, args, { viewer, db, movieCache }) {
    requireAdmin(viewer);
    const movie = await updateMovie(db, assertUuid(args.id, 'id'), args.input);
    // After the commit, so the next lookup reads the new row (see docs/caching.md).
    await movieCache.invalidate([movie.id]);
    return movie;
  },

  createShowtime(_, { input }, { viewer, db }) {
    requireAdmin(viewer);
    return createShowtime(db, input);
  },
};
