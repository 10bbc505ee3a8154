import type { Connection } from '@cinegraph/service-kit';
import {
  decodeCursor,
  invalidCursor,
  isUuid,
  pageSize,
  requireAdmin,
  toConnection,
} from '@cinegraph/service-kit';
import type { User } from '../generated/prisma/client.ts';
import type { QueryResolvers, UserConnectionResolvers } from '../schema.generated.ts';

/** A page of accounts; the total is counted only when a client asks for it. */
export type UserConnectionModel = Connection<User> & { countTotal: () => Promise<number> };

export const Query: QueryResolvers = {
  me: (_, __, { viewer, loaders }) => (viewer ? loaders.userById.load(viewer.id) : null),

  async users(_, args, { viewer, db }) {
    requireAdmin(viewer);
    const size = pageSize(args.first);
    const position = decodeCursor(args.after, 2);
    const after = position && {
      createdAt: new Date(typeof position[0] === 'string' ? position[0] : Number.NaN),
      id: position[1],
    };
    if (
      after &&
      (Number.isNaN(after.createdAt.getTime()) || typeof after.id !== 'string' || !isUuid(after.id))
    ) {
      throw invalidCursor();
    }
    const rows = await db.user.findMany({
      where: after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id as string } },
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
