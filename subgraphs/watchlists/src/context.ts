import DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import { forbidden, isUuid, requireViewer } from '@cinegraph/service-kit';
import type { PrismaClient } from './generated/prisma/client.ts';

export type { WatchlistConnectionModel } from './watchlist/listWatchlist.ts';

/** An entity another subgraph owns, as this one knows it: the key the gateway sends. */
export interface MovieReference {
  id: string;
}
export interface UserReference {
  id: string;
}

export interface WatchlistsLoaders {
  /** Whether each movie is on the viewer's list (no query for anonymous callers). */
  inViewerWatchlist: DataLoader<string, boolean>;
  countByMovie: DataLoader<string, number>;
  countByUser: DataLoader<string, number>;
}

export interface WatchlistsContext {
  viewer: Viewer | null;
  db: PrismaClient;
  loaders: WatchlistsLoaders;
}

/** Counts rows per key of one column in one GROUP BY. */
function countLoader(db: PrismaClient, column: 'movieId' | 'userId'): DataLoader<string, number> {
  return new DataLoader(async (ids) => {
    const rows = await db.watchlistItem.groupBy({
      by: [column],
      where: { [column]: { in: ids.filter(isUuid) } },
      _count: { _all: true },
    });
    const counts = new Map(rows.map((row) => [row[column], row._count._all]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export function createContext(db: PrismaClient, viewer: Viewer | null): WatchlistsContext {
  return {
    viewer,
    db,
    loaders: {
      inViewerWatchlist: new DataLoader(async (movieIds) => {
        if (!viewer) return movieIds.map(() => false);
        const items = await db.watchlistItem.findMany({
          where: { userId: viewer.id, movieId: { in: movieIds.filter(isUuid) } },
          select: { movieId: true },
        });
        const listed = new Set(items.map((item) => item.movieId));
        return movieIds.map((id) => listed.has(id));
      }),
      countByMovie: countLoader(db, 'movieId'),
      countByUser: countLoader(db, 'userId'),
    },
  };
}

/** A watchlist is private to its user: nobody else reads or changes it, admins included. */
export function requireOwner(viewer: Viewer | null, userId: string): Viewer {
  const known = requireViewer(viewer);
  if (known.id !== userId) throw forbidden('A watchlist is private to its user.');
  return known;
}
