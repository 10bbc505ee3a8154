import type { CountedConnection } from '@cinegraph/service-kit';
import { decodeTimeCursor, pageSize, requireAdmin, toConnection } from '@cinegraph/service-kit';
import type { User } from '../generated/prisma/client.ts';
import type { QueryResolvers, UserConnectionResolvers } from '../schema.generated.ts';

/** A page of accounts; the total is counted only when a client asks for it. */
export type UserConnectionModel = CountedConnection<User>;

export const Query: QueryResolvers = {
  me: (_, __, { viewer, loaders }) => (viewer ? loaders.userById.load(viewer.id) : null),

  async users(_, args, { viewer, db }) {
    requireAdmin(viewer);
    const size = pageSize(args.first);
    const after = decodeTimeCursor(args.after);
    const rows = await db.user.findMany({
      where: after
        ? {
            OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }],
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
        after !== null,
      ),
      countTotal: () => db.user.count(),
    };
  },
};

export const UserConnection: UserConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
