import { assertUuid, badInput, forbidden, notFound } from '@cinegraph/service-kit';
import type { Notification, PrismaClient } from '../generated/prisma/client.ts';

export const MAX_IDS = 100;

/**
 * Marks notifications read for their owner. All or nothing: an unknown id is NOT_FOUND and
 * someone else's is FORBIDDEN, and then nothing changes. Read ones keep their readAt.
 */
export async function markNotificationsRead(
  db: PrismaClient,
  userId: string,
  ids: readonly string[],
): Promise<Notification[]> {
  if (ids.length > MAX_IDS) throw badInput(`"ids" may hold at most ${MAX_IDS} ids.`, 'ids');
  const wanted = [...new Set(ids.map((id) => assertUuid(id, 'ids')))];
  return db.$transaction(async (tx) => {
    const found = await tx.notification.findMany({
      where: { id: { in: wanted } },
      select: { id: true, userId: true },
    });
    if (found.length !== wanted.length) throw notFound('No notification has one of those ids.');
    if (found.some((row) => row.userId !== userId))
      throw forbidden('Notifications are private to the user they were sent to.');
    await tx.notification.updateMany({
      where: { id: { in: wanted }, readAt: null },
      data: { readAt: new Date() },
    });
    const updated = await tx.notification.findMany({ where: { id: { in: wanted } } });
    const byId = new Map(updated.map((row) => [row.id, row]));
    return wanted.map((id) => byId.get(id)!);
  });
}
