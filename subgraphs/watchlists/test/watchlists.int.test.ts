import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventConsumers } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { createContext } from '../src/context.ts';
import { handlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { listWatchlist } from '../src/watchlist/listWatchlist.ts';
import {
  addToWatchlist,
  markWatched,
  removeFromWatchlist,
} from '../src/watchlist/watchlistItems.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/watchlists/migrations'),
);
let db: PrismaClient;

const user = (): Viewer => ({ id: crypto.randomUUID(), role: 'USER' }) as Viewer;

async function knownMovies(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  await db.knownMovie.createMany({ data: ids.map((movieId) => ({ movieId, title: 'Known' })) });
  return ids;
}

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 5);
});
afterAll(async () => {
  await db?.$disconnect();
});

describe('the watchlists consumer', () => {
  it('handles exactly the events its subscription lists', () => {
    expect(Object.keys(handlers).sort()).toEqual([...eventConsumers.watchlists].sort());
  });
});

describe('a watchlist', () => {
  it('adds a movie once however often (and however concurrently) it is added', async () => {
    const viewer = user();
    const [movieId] = await knownMovies(1);
    await Promise.all(Array.from({ length: 6 }, () => addToWatchlist(db, viewer, movieId!)));
    const item = await addToWatchlist(db, viewer, movieId!, 'with popcorn');
    expect(item.note).toBe('with popcorn');
    expect(await db.watchlistItem.count({ where: { userId: viewer.id } })).toBe(1);
    // Adding again without a note keeps the note.
    expect((await addToWatchlist(db, viewer, movieId!)).note).toBe('with popcorn');
  });

  it('refuses movies it does not know (NOT_FOUND) and notes over 500 characters', async () => {
    await expect(addToWatchlist(db, user(), crypto.randomUUID())).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    const [movieId] = await knownMovies(1);
    await expect(addToWatchlist(db, user(), movieId!, 'n'.repeat(501))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'note' },
    });
  });

  it('pages newest first without gaps or repeats, and counts its items', async () => {
    const viewer = user();
    const movies = await knownMovies(7);
    for (const movieId of movies) await addToWatchlist(db, viewer, movieId);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: Awaited<ReturnType<typeof listWatchlist>> = await listWatchlist(db, viewer.id, {
        first: 3,
        after,
      });
      seen.push(...page.edges.map((edge) => edge.node.movieId));
      expect(await page.countTotal()).toBe(7);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...movies].reverse());
  });

  it('marks watched and back, NOT_FOUND for a movie not on the list; removes idempotently', async () => {
    const viewer = user();
    const [movieId] = await knownMovies(1);
    await expect(markWatched(db, viewer, movieId!, true)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await addToWatchlist(db, viewer, movieId!);
    expect((await markWatched(db, viewer, movieId!, true)).watchedAt).toBeInstanceOf(Date);
    expect((await markWatched(db, viewer, movieId!, false)).watchedAt).toBeNull();
    expect(await removeFromWatchlist(db, viewer, movieId!)).toBe(true);
    expect(await removeFromWatchlist(db, viewer, movieId!)).toBe(false);
  });
});

describe('watchlist events', () => {
  /** The data of the outbox's events about one user's list, oldest first. */
  const eventsOf = async (userId: string) =>
    (
      await db.outboxEvent.findMany({
        where: { data: { path: ['userId'], equals: userId } },
        orderBy: { id: 'asc' },
      })
    ).map((event) => [event.type, event.data]);

  it('says watchlist.added once, however often (and however concurrently) a movie is added', async () => {
    const viewer = user();
    const [movieId, other] = await knownMovies(2);
    await Promise.all(Array.from({ length: 6 }, () => addToWatchlist(db, viewer, movieId!)));
    // Re-adding a listed movie, with or without a new note, says nothing.
    await addToWatchlist(db, viewer, movieId!, 'with popcorn');
    await addToWatchlist(db, viewer, movieId!);
    await addToWatchlist(db, viewer, other!, 'later');
    expect(await eventsOf(viewer.id)).toEqual([
      ['watchlist.added', { userId: viewer.id, movieId }],
      ['watchlist.added', { userId: viewer.id, movieId: other }],
    ]);
  });

  it('says nothing when an add is refused (NOT_FOUND, a note too long)', async () => {
    const viewer = user();
    await expect(addToWatchlist(db, viewer, crypto.randomUUID())).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    const [movieId] = await knownMovies(1);
    await expect(addToWatchlist(db, viewer, movieId!, 'n'.repeat(501))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await eventsOf(viewer.id)).toEqual([]);
    expect(await db.watchlistItem.count({ where: { userId: viewer.id } })).toBe(0);
  });

  it('says watchlist.removed only when something was removed, once among racing removes', async () => {
    const viewer = user();
    const [listed, absent] = await knownMovies(2);
    await addToWatchlist(db, viewer, listed!);
    expect(await removeFromWatchlist(db, viewer, absent!)).toBe(false);
    const removed = await Promise.all(
      Array.from({ length: 4 }, () => removeFromWatchlist(db, viewer, listed!)),
    );
    expect(removed.filter(Boolean)).toHaveLength(1);
    expect(await removeFromWatchlist(db, viewer, listed!)).toBe(false);
    expect(await eventsOf(viewer.id)).toEqual([
      ['watchlist.added', { userId: viewer.id, movieId: listed }],
      ['watchlist.removed', { userId: viewer.id, movieId: listed }],
    ]);
  });

  it('says watchlist.watched when the watched state changes, and only then', async () => {
    const viewer = user();
    const [movieId] = await knownMovies(1);
    await expect(markWatched(db, viewer, movieId!, true)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await addToWatchlist(db, viewer, movieId!);
    // Not watched yet: marking it unwatched changes nothing.
    expect((await markWatched(db, viewer, movieId!, false)).watchedAt).toBeNull();
    const first = await markWatched(db, viewer, movieId!, true);
    // Watched twice (here, racing) keeps the first time and says it once.
    const again = await Promise.all(
      Array.from({ length: 3 }, () => markWatched(db, viewer, movieId!, true)),
    );
    for (const item of again) expect(item.watchedAt).toEqual(first.watchedAt);
    await markWatched(db, viewer, movieId!, false);
    await markWatched(db, viewer, movieId!, false);
    const watched = (value: boolean) => [
      'watchlist.watched',
      { userId: viewer.id, movieId, watched: value },
    ];
    expect(await eventsOf(viewer.id)).toEqual([
      ['watchlist.added', { userId: viewer.id, movieId }],
      watched(true),
      watched(false),
    ]);
  });
});

describe('per-request loaders', () => {
  it('answer the viewer state and counts of many movies in one query each', async () => {
    const [a, b, c] = [user(), user(), user()];
    const movies = await knownMovies(3);
    await addToWatchlist(db, a, movies[0]!);
    await addToWatchlist(db, b, movies[0]!);
    await addToWatchlist(db, b, movies[1]!);

    const asA = createContext(db, a);
    expect(await asA.loaders.inViewerWatchlist.loadMany(movies)).toEqual([true, false, false]);
    expect(await asA.loaders.countByMovie.loadMany(movies)).toEqual([2, 1, 0]);
    expect(await asA.loaders.countByUser.loadMany([a.id, b.id, c.id])).toEqual([1, 2, 0]);
    const anonymous = createContext(db, null);
    expect(await anonymous.loaders.inViewerWatchlist.loadMany(movies)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
