import { assertUuid, requireAdmin } from '@cinegraph/service-kit';
import { createShowtime } from '../catalog/createShowtime.ts';
import { createMovie, updateMovie } from '../catalog/saveMovie.ts';
import type { MutationResolvers } from '../schema.generated.ts';

export const Mutation: MutationResolvers = {
  createMovie(_, { input }, { viewer, db }) {
    requireAdmin(viewer);
    return createMovie(db, input);
  },

  updateMovie(_, args, { viewer, db }) {
    requireAdmin(viewer);
    return updateMovie(db, assertUuid(args.id, 'id'), args.input);
  },

  createShowtime(_, { input }, { viewer, db }) {
    requireAdmin(viewer);
    return createShowtime(db, input);
  },
};
