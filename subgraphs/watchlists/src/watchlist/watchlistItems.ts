import type { Viewer } from '@cinegraph/service-kit';
import { badInput, isMissingRow, notFound } from '@cinegraph/service-kit';
import type { PrismaClient, WatchlistItem } from '../generated/prisma/client.ts';

export const MAX_NOTE_LENGTH = 500;

function validateNote(note: string | null | undefined): void {
  if (note != null && [...note].length > MAX_NOTE_LENGTH)
    throw badInput(`"note" must be at most ${MAX_NOTE_LENGTH} characters.`, 'note');
}

/**
 * Puts a movie on the viewer's list, once: adding it again returns the same item, with
 * the note replaced when one is given. The movie must be one this subgraph knows of.
 */
export async function addToWatchlist(
  db: PrismaClient,
  viewer: Viewer,
  movieId: string,
  note?: string | null,
): Promise<WatchlistItem> {
  validateNote(note);
  if (!(await db.knownMovie.findUnique({ where: { movieId }, select: { movieId: true } })))
    throw notFound('No movie has that id.');
  const key = { userId_movieId: { userId: viewer.id, movieId } };
  // INSERT ... ON CONFLICT DO NOTHING: concurrent adds (a double tap) cannot collide.
  // (Prisma's upsert falls back to find-then-create here, which races.)
  await db.watchlistItem.createMany({
    data: [{ userId: viewer.id, movieId, note: note ?? null }],
    skipDuplicates: true,
  });
  if (note !== undefined && note !== null)
    return db.watchlistItem.update({ where: key, data: { note } });
  return db.watchlistItem.findUniqueOrThrow({ where: key });
}

/** Takes a movie off the viewer's list; whether it was there. */
export async function removeFromWatchlist(
  db: PrismaClient,
  viewer: Viewer,
  movieId: string,
): Promise<boolean> {
  const { count } = await db.watchlistItem.deleteMany({ where: { userId: viewer.id, movieId } });
  return count > 0;
}

export async function markWatched(
  db: PrismaClient,
  viewer: Viewer,
  movieId: string,
  watched: boolean,
): Promise<WatchlistItem> {
  try {
    return await db.watchlistItem.update({
      where: { userId_movieId: { userId: viewer.id, movieId } },
      data: { watchedAt: watched ? new Date() : null },
    });
  } catch (error) {
    if (isMissingRow(error)) throw notFound('That movie is not on your watchlist.');
    throw error;
  }
}
