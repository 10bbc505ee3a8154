import { requireAdmin } from '@cinegraph/service-kit';
import { listUsers } from '../accounts/listUsers.ts';
import type { QueryResolvers, UserConnectionResolvers } from '../schema.generated.ts';

export const Query: QueryResolvers = {
  me: (_, __, { viewer, loaders }) => (viewer ? loaders.userById.load(viewer.id) : null),

  users(_, args, { viewer, db }) {
    requireAdmin(viewer);
    return listUsers(db, args);
  },
};

export const UserConnection: UserConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
