import { decodeCursor, pageSize, requireAdmin, toConnection } from '@cinegraph/service-kit';
import type { UsersContext } from '../context.ts';

export const Query = {
  me: (_: unknown, __: unknown, { viewer, loaders }: UsersContext) =>
    viewer ? loaders.userById.load(viewer.id) : null,

  async users(
    _: unknown,
    args: { first?: number | null; after?: string | null },
    { viewer, db }: UsersContext,
  ) {
    requireAdmin(viewer);
    const size = pageSize(args.first);
    const position = decodeCursor(args.after, 2) as [string, string] | null;
    const rows = await db.user.findMany({
      where: position
        ? {
            OR: [
              { createdAt: { lt: new Date(position[0]) } },
              { createdAt: new Date(position[0]), id: { lt: position[1] } },
            ],
          }
        : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: size + 1,
    });
    return {
      ...toConnection(
        rows,
        size,
        (user) => [user.createdAt.toISOString(), user.id],
        position !== null,
      ),
      totalCount: () => db.user.count(),
    };
  },
};
