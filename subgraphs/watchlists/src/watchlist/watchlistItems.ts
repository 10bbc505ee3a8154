import { emit } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { badInput, notFound } from '@cinegraph/service-kit';
import type { PrismaClient, WatchlistItem } from '../generated/prisma/client.ts';

export const MAX_NOTE_LENGTH = 500;

function validateNote(note: string | null | undefined): void {
  if (note != null && [...note].length > MAX_NOTE_LENGTH)
    throw badInput(`"note" must be at most ${MAX_NOTE_LENGTH} characters.`, 'note');
}

/**
 * Puts a movie on the viewer's list, once: adding it again returns the same item, with
 * the note replaced when one is given. The movie must be one this subgraph knows of.
 * `watchlist.added` commits with the row, and only when the row is new: a repeat, or a
 * note changed on a listed movie, tells recommendations nothing.
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
  return db.$transaction(async (tx) => {
    // INSERT ... ON CONFLICT DO NOTHING: concurrent adds (a double tap) cannot collide, and
    // the one that inserted is the one that says so. (Prisma's upsert falls back to
    // find-then-create here, which races, and cannot tell a new row from an old one.)
    const { count } = await tx.watchlistItem.createMany({
      data: [{ userId: viewer.id, movieId, note: note ?? null }],
      skipDuplicates: true,
    });
    if (count) await emit(tx, 'watchlist.added', { userId: viewer.id, movieId });
    if (note !== undefined && note !== null)
      return tx.watchlistItem.update({ where: key, data: { note } });
    return tx.watchlistItem.findUniqueOrThrow({ where: key });
  });
}

/**
 * Takes a movie off the viewer's list; whether it was there. `watchlist.removed` commits
 * with the delete, only when a row went (of concurrent removes, the one that deleted it).
 */
export async function removeFromWatchlist(
  db: PrismaClient,
  viewer: Viewer,
  movieId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.watchlistItem.deleteMany({
      where: { userId: viewer.id, movieId },
    });
    if (count) await emit(tx, 'watchlist.removed', { userId: viewer.id, movieId });
    return count > 0;
  });
}

/**
 * Marks a listed movie watched (now) or not watched. Only a change writes: the WHERE
 * names the state it leaves, so marking watched twice keeps the first `watchedAt` and
 * emits one `watchlist.watched`, even when the two race.
 */
export async function markWatched(
  db: PrismaClient,
  viewer: Viewer,
  movieId: string,
  watched: boolean,
): Promise<WatchlistItem> {
  const key = { userId: viewer.id, movieId };
  return db.$transaction(async (tx) => {
    const { count } = await tx.watchlistItem.updateMany({
      where: { ...key, watchedAt: watched ? null : { not: null } },
      data: { watchedAt: watched ? new Date() : null },
    });
    if (count) await emit(tx, 'watchlist.watched', { ...key, watched });
    const item = await tx.watchlistItem.findUnique({ where: { userId_movieId: key } });
    if (!item) throw notFound('That movie is not on your watchlist.');
    return item;
  });
}
