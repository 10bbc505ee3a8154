import type { UsersContext } from '../context.ts';
import { requireSelfOrAdmin } from '@cinegraph/service-kit';
import type { SessionUser } from '../accounts/sessions.ts';
import { OWN_ACCOUNT } from '../accounts/sessions.ts';

export const User = {
  __resolveReference: (reference: { id: string }, { loaders }: UsersContext) =>
    loaders.userById.load(reference.id),

  email(user: SessionUser, _: unknown, { viewer }: UsersContext) {
    if (!user[OWN_ACCOUNT]) requireSelfOrAdmin(viewer, user.id);
    return user.email;
  },

  preferences(user: SessionUser, _: unknown, { viewer }: UsersContext) {
    if (!user[OWN_ACCOUNT]) requireSelfOrAdmin(viewer, user.id);
    return { favoriteGenres: user.favoriteGenreIds.map((id) => ({ __typename: 'Genre', id })) };
  },
};
