import type { Connection } from '@cinegraph/service-kit';
import { decodeCursor, pageSize, requireAdmin, toConnection } from '@cinegraph/service-kit';
import type { User } from '../generated/prisma/client.ts';
import type { QueryResolvers, UserConnectionResolvers } from '../schema.generated.ts';

/** A page of accounts; the total is counted only when a client asks for it. */
export type UserConnectionModel = Connection<User> & { countTotal: () => Promise<number> };

export const Query: QueryResolvers = {
  me: (_, __, { viewer, loaders }) => (viewer ? loaders.userById.load(viewer.id) : null),

  async users(_, args, { viewer, db }) {
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
      countTotal: () => db.user.count(),
    };
  },
};

export const UserConnection: UserConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
