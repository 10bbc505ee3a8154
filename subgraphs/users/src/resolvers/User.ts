import { requireSelfOrAdmin } from '@cinegraph/service-kit';
import { OWN_ACCOUNT } from '../accounts/sessions.ts';
import type { UserResolvers } from '../schema.generated.ts';

export const User: UserResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.userById.load(reference.id),

  email(user, _, { viewer }) {
    if (!user[OWN_ACCOUNT]) requireSelfOrAdmin(viewer, user.id);
    return user.email;
  },

  preferences(user, _, { viewer }) {
    if (!user[OWN_ACCOUNT]) requireSelfOrAdmin(viewer, user.id);
    return {
      favoriteGenres: user.favoriteGenreIds.map((id) => ({ __typename: 'Genre' as const, id })),
    };
  },
};
