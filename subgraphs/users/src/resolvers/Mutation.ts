import { requireViewer } from '@cinegraph/service-kit';
import { login, refresh, register } from '../accounts/sessions.ts';
import { validateDisplayName, validateGenreIds } from '../accounts/validation.ts';
import type { MutationResolvers } from '../schema.generated.ts';

export const Mutation: MutationResolvers = {
  register: (_, { input }, ctx) => register(ctx, input, ctx.ip),

  login: (_, { input }, ctx) => login(ctx, input, ctx.ip),

  refreshToken: (_, args, ctx) => refresh(ctx, args.refreshToken),

  async logout(_, args, ctx) {
    await ctx.refreshTokens.revoke(args.refreshToken);
    return true;
  },

  updateProfile(_, { input }, { viewer, db }) {
    const { id } = requireViewer(viewer);
    return db.user.update({
      where: { id },
      data: {
        ...(input.displayName != null
          ? { displayName: validateDisplayName(input.displayName) }
          : {}),
        ...(input.favoriteGenreIds != null
          ? { favoriteGenreIds: validateGenreIds(input.favoriteGenreIds) }
          : {}),
      },
    });
  },
};
