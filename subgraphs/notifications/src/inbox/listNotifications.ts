import type { CountedConnection } from '@cinegraph/service-kit';
import { decodeTimeCursor, olderThan, pageSize, toConnection } from '@cinegraph/service-kit';
import type { Notification, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { UserNotificationsArgs } from '../schema.types.generated.ts';

export type NotificationConnectionModel = CountedConnection<Notification>;

/** A user's notifications, newest first, keyset-paginated on (createdAt, id). */
export async function listNotifications(
  db: PrismaClient,
  userId: string,
  args: UserNotificationsArgs,
): Promise<NotificationConnectionModel> {
  const size = pageSize(args.first);
  const after = decodeTimeCursor(args.after);
  const where: Prisma.NotificationWhereInput = {
    userId,
    ...(args.unreadOnly ? { readAt: null } : {}),
  };
  const rows = await db.notification.findMany({
    where: { ...where, ...olderThan(after, 'createdAt', 'id') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: size + 1,
  });
  return {
    ...toConnection(rows, size, (row) => [row.createdAt.toISOString(), row.id], after !== null),
    countTotal: () => db.notification.count({ where }),
  };
}

export function countUnread(db: PrismaClient, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
