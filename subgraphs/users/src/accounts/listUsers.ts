import type { CountedConnection } from '@cinegraph/service-kit';
import { decodeTimeCursor, pageSize, toConnection } from '@cinegraph/service-kit';
import type { PrismaClient, User } from '../generated/prisma/client.ts';

/** A page of accounts; the total is counted only when a client asks for it. */
export type UserConnectionModel = CountedConnection<User>;

/** Every account, newest first, by keyset on (createdAt, id). */
export async function listUsers(
  db: PrismaClient,
  args: { first?: number | null; after?: string | null },
): Promise<UserConnectionModel> {
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
    ...toConnection(rows, size, (user) => [user.createdAt.toISOString(), user.id], after !== null),
    countTotal: () => db.user.count(),
  };
}
