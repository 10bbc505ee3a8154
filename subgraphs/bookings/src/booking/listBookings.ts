import type { CountedConnection } from '@cinegraph/service-kit';
import { decodeTimeCursor, olderThan, pageSize, toConnection } from '@cinegraph/service-kit';
import type { Booking, BookingStatus, PrismaClient } from '../generated/prisma/client.ts';

export type BookingConnectionModel = CountedConnection<Booking>;

/** One user's bookings, newest first, by keyset on (createdAt, id). */
export async function listBookings(
  db: PrismaClient,
  userId: string,
  args: { first?: number | null; after?: string | null; status?: BookingStatus | null },
): Promise<BookingConnectionModel> {
  const size = pageSize(args.first);
  const position = decodeTimeCursor(args.after);
  const where = { userId, ...(args.status ? { status: args.status } : {}) };
  const rows = await db.booking.findMany({
    where: { ...where, ...olderThan(position, 'createdAt', 'id') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: size + 1,
  });
  return {
    ...toConnection(rows, size, (b) => [b.createdAt.toISOString(), b.id], !!position),
    countTotal: () => db.booking.count({ where }),
  };
}
