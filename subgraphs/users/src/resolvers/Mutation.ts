import type { UsersContext } from '../context.ts';
import { login, refresh, register } from '../accounts/sessions.ts';
import { validateDisplayName, validateGenreIds } from '../accounts/validation.ts';
import { requireViewer } from '@cinegraph/service-kit';

interface UpdateProfileInput {
  displayName?: string | null;
  favoriteGenreIds?: string[] | null;
}

export const Mutation = {
  register: (
    _: unknown,
    { input }: { input: { email: string; password: string; displayName: string } },
    ctx: UsersContext,
  ) => register(ctx, input),

  login: (
    _: unknown,
    { input }: { input: { email: string; password: string } },
    ctx: UsersContext,
  ) => login(ctx, input, ctx.ip),

  refreshToken: (_: unknown, args: { refreshToken: string }, ctx: UsersContext) =>
    refresh(ctx, args.refreshToken),

  async logout(_: unknown, args: { refreshToken: string }, ctx: UsersContext) {
    await ctx.refreshTokens.revoke(args.refreshToken);
    return true;
  },

  updateProfile(
    _: unknown,
    { input }: { input: UpdateProfileInput },
    { viewer, db }: UsersContext,
  ) {
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
