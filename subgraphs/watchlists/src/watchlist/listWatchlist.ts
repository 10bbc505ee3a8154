import type { CountedConnection } from '@cinegraph/service-kit';
import { decodeTimeCursor, olderThan, pageSize, toConnection } from '@cinegraph/service-kit';
import type { PrismaClient, WatchlistItem } from '../generated/prisma/client.ts';

export type WatchlistConnectionModel = CountedConnection<WatchlistItem>;

/** One user's list, most recently added first, by keyset on (addedAt, movieId). */
export async function listWatchlist(
  db: PrismaClient,
  userId: string,
  args: { first?: number | null; after?: string | null },
): Promise<WatchlistConnectionModel> {
  const size = pageSize(args.first);
  const position = decodeTimeCursor(args.after);
  const rows = await db.watchlistItem.findMany({
    where: { userId, ...olderThan(position, 'addedAt', 'movieId') },
    orderBy: [{ addedAt: 'desc' }, { movieId: 'desc' }],
    take: size + 1,
  });
  return {
    ...toConnection(rows, size, (item) => [item.addedAt.toISOString(), item.movieId], !!position),
    countTotal: () => db.watchlistItem.count({ where: { userId } }),
  };
}
