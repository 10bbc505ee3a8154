// What recommendations learns from events and what it serves from it, on a real database:
// the handlers are applied as the consumer applies them (in a transaction), then the
// similarities are recomputed and the lists read.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventData, EventType } from '@cinegraph/events';
import { createEnvelope, eventConsumers } from '@cinegraph/events';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { handlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import type { Pick } from '../src/picks/pickConnection.ts';
import { toPickConnection } from '../src/picks/pickConnection.ts';
import { popularMovies } from '../src/picks/popularMovies.ts';
import { similarMovies as similarLists } from '../src/picks/similarMovies.ts';
import { userPicks } from '../src/picks/userPicks.ts';
import { recomputeSimilarities } from '../src/similarity/recomputeSimilarities.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/recommendations/migrations'),
);
let db: PrismaClient;

const uuid = () => crypto.randomUUID();
const genres = { crime: uuid(), drama: uuid(), comedy: uuid(), family: uuid(), scifi: uuid() };
const people = { mann: uuid(), deNiro: uuid(), pacino: uuid(), nolan: uuid(), clown: uuid() };

/** Applies one event as the consumer does: its handler in a transaction. */
async function apply<Type extends EventType>(
  type: Type,
  data: EventData<Type>,
  now = new Date(),
): Promise<void> {
  const event = createEnvelope(type, data, { now });
  const handler = handlers[type as keyof typeof handlers] as unknown as (
    tx: unknown,
    event: unknown,
  ) => Promise<void>;
  await db.$transaction((tx) => handler(tx, event));
}

async function movie(
  title: string,
  genreIds: string[],
  credits: { personId: string; role: 'CAST' | 'DIRECTOR' }[],
  synopsis = '',
): Promise<string> {
  const movieId = uuid();
  await apply('movie.created', {
    movieId,
    slug: title.toLowerCase().replace(/\W+/g, '-'),
    title,
    releaseDate: '2020-01-01',
    genreIds,
    synopsis,
    credits,
  });
  return movieId;
}

const rate = (userId: string, movieId: string, rating: number, now?: Date) =>
  apply('review.created', { reviewId: uuid(), movieId, userId, rating, movieTitle: 'x' }, now);

/** One movie's similar list (the lists are read in batches). */
const similarMovies = async (db: PrismaClient, movieId: string): Promise<Pick[]> =>
  (await similarLists(db, [movieId])).get(movieId)!;

let heat: string;
let insider: string;
let godfather: string;
let paddington: string;
let interstellar: string;

beforeAll(async () => {
  db = createPrismaClient(PrismaClient, database.url, 5);
});
afterAll(async () => {
  await db?.$disconnect();
});

beforeEach(async () => {
  await db.$executeRaw`TRUNCATE movies, movie_features, signals, similarities CASCADE`;
  heat = await movie(
    'Heat',
    [genres.crime, genres.drama],
    [
      { personId: people.mann, role: 'DIRECTOR' },
      { personId: people.deNiro, role: 'CAST' },
      { personId: people.pacino, role: 'CAST' },
    ],
    'A master thief and a detective in Los Angeles.',
  );
  insider = await movie(
    'The Insider',
    [genres.drama],
    [
      { personId: people.mann, role: 'DIRECTOR' },
      { personId: people.pacino, role: 'CAST' },
      { personId: people.deNiro, role: 'CAST' },
    ],
    'A whistleblower and a journalist against big tobacco.',
  );
  godfather = await movie(
    'The Godfather',
    [genres.crime, genres.drama],
    [{ personId: people.pacino, role: 'CAST' }],
    'A crime family and its heir.',
  );
  paddington = await movie(
    'Paddington',
    [genres.comedy, genres.family],
    [{ personId: people.clown, role: 'CAST' }],
    'A bear from Peru in London.',
  );
  interstellar = await movie(
    'Interstellar',
    [genres.scifi, genres.drama],
    [{ personId: people.nolan, role: 'DIRECTOR' }],
    'Explorers travel through a wormhole.',
  );
});

describe('the recommendations consumer', () => {
  it('handles exactly the events its subscription lists', () => {
    expect(Object.keys(handlers).sort()).toEqual([...eventConsumers.recommendations].sort());
  });

  it('keeps the latest word about a signal, whatever order the events arrive in', async () => {
    const userId = uuid();
    await rate(userId, heat, 9, new Date('2026-12-01T10:00:00Z'));
    // An older update, redelivered late, does not undo the newer rating.
    await apply(
      'review.updated',
      { reviewId: uuid(), movieId: heat, userId, rating: 2 },
      new Date('2026-11-30T10:00:00Z'),
    );
    expect((await db.signal.findFirstOrThrow({ where: { userId } })).value).toBe(9);
    // Nor does an older deletion.
    await apply(
      'review.deleted',
      { reviewId: uuid(), movieId: heat, userId },
      new Date('2026-11-30T11:00:00Z'),
    );
    expect(await db.signal.count({ where: { userId } })).toBe(1);
    await apply('review.deleted', { reviewId: uuid(), movieId: heat, userId });
    expect(await db.signal.count({ where: { userId } })).toBe(0);
  });

  it('ignores a restated booking, and keeps a movie title change without losing its features', async () => {
    const userId = uuid();
    await apply('booking.confirmed', {
      bookingId: uuid(),
      userId,
      showtimeId: uuid(),
      movieId: heat,
      city: 'London',
      movieTitle: 'Heat',
      theaterName: 'Odeon',
      startsAt: '2026-12-10T20:00:00.000Z',
      timeZone: 'Europe/London',
      seats: ['A1'],
      amountCents: 1200,
      currency: 'GBP',
      restated: true,
    });
    expect(await db.signal.count({ where: { userId } })).toBe(0);

    const features = await db.movieFeature.count({ where: { movieId: heat } });
    // An update published before movie.updated carried the content: the title only.
    await apply('movie.updated', { movieId: heat, title: 'Heat (1995)', changedFields: ['title'] });
    expect((await db.movie.findUniqueOrThrow({ where: { movieId: heat } })).title).toBe(
      'Heat (1995)',
    );
    expect(await db.movieFeature.count({ where: { movieId: heat } })).toBe(features);
  });
});

describe('similar movies', () => {
  it('ranks by what the movies share, and says what', async () => {
    await recomputeSimilarities(db);
    const similar = await similarMovies(db, heat);
    expect(similar.map((pick) => pick.movieId).slice(0, 2)).toEqual([insider, godfather]);
    expect(similar[0]!.reason).toBe(
      'Shares its director, 2 cast and crew members and 1 genre with Heat',
    );
    // Nothing in common, nothing returned.
    expect(similar.map((pick) => pick.movieId)).not.toContain(paddington);
    expect(await similarMovies(db, uuid())).toEqual([]);
  });

  it('learns from the people who liked both what content alone cannot see', async () => {
    // Paddington and Interstellar share nothing, but the same people love both.
    for (let i = 0; i < 6; i++) {
      const userId = uuid();
      await rate(userId, paddington, 10);
      await rate(userId, interstellar, 9);
    }
    await recomputeSimilarities(db);
    const similar = await similarMovies(db, paddington);
    expect(similar[0]).toEqual({
      movieId: interstellar,
      reason: 'Liked by people who liked Paddington',
    });
  });

  it("reads many movies' lists in one batch, each as it reads alone", async () => {
    await recomputeSimilarities(db);
    const ids = [heat, insider, godfather, paddington, uuid()];
    const batch = await similarLists(db, ids);
    expect([...batch.keys()]).toEqual(ids);
    for (const id of ids) expect(batch.get(id)).toEqual(await similarMovies(db, id));
    expect(batch.get(heat)!.length).toBeGreaterThan(0);
  });

  it('gives the same table when two recomputes overlap', async () => {
    const [first, second] = await Promise.all([
      recomputeSimilarities(db),
      recomputeSimilarities(db),
    ]);
    expect(first).toBe(second);
    expect(await db.similarity.count()).toBe(first);
  });
});

describe("a person's picks", () => {
  it('come from what they liked, with why, and never what they already rated or watched', async () => {
    await recomputeSimilarities(db);
    const userId = uuid();
    await rate(userId, heat, 9);
    await apply('watchlist.added', { userId, movieId: insider });
    await apply('watchlist.watched', { userId, movieId: insider, watched: true });
    const picks = await userPicks(db, userId);
    expect(picks[0]).toEqual({ movieId: godfather, reason: 'Because you liked Heat' });
    expect(picks.map((pick) => pick.movieId)).not.toContain(heat);
    expect(picks.map((pick) => pick.movieId)).not.toContain(insider);
  });

  it('move with a new rating at once, before any recompute', async () => {
    await recomputeSimilarities(db);
    const userId = uuid();
    await rate(userId, interstellar, 8);
    const before = await userPicks(db, userId);
    expect(before[0]?.reason).toBe('Because you liked Interstellar');
    await rate(userId, heat, 10);
    const after = await userPicks(db, userId);
    // Heat's director and cast now lead, with Heat named as why.
    expect(after[0]?.reason).toBe('Because you liked Heat');
    expect([insider, godfather]).toContain(after[0]!.movieId);
    expect(after).not.toEqual(before);
    expect(after.map((pick) => pick.movieId)).not.toContain(heat);
  });

  it('do not count a low rating as liking, and fall back to what is popular', async () => {
    await recomputeSimilarities(db);
    const fan = uuid();
    await rate(fan, paddington, 10);
    const userId = uuid();
    await rate(userId, heat, 2);
    const picks = await userPicks(db, userId);
    // Nothing like Heat: they did not like it. Paddington is popular.
    expect(picks).toEqual([{ movieId: paddington, reason: 'Popular this week' }]);
  });

  it('say which city is popular for someone who books there', async () => {
    const londoner = uuid();
    const booking = (userId: string, movieId: string, city: string) =>
      apply('booking.confirmed', {
        bookingId: uuid(),
        userId,
        showtimeId: uuid(),
        movieId,
        city,
        movieTitle: 'x',
        theaterName: 'Odeon',
        startsAt: '2026-12-10T20:00:00.000Z',
        timeZone: 'Europe/London',
        seats: ['A1'],
        amountCents: 1200,
        currency: 'GBP',
      });
    await booking(londoner, paddington, 'London');
    await booking(uuid(), interstellar, 'London');
    await booking(uuid(), godfather, 'Paris');
    await booking(uuid(), godfather, 'Paris');
    const picks = await userPicks(db, londoner);
    expect(picks[0]).toEqual({ movieId: interstellar, reason: 'Popular in London this week' });
    expect(picks.map((pick) => pick.movieId)).not.toContain(paddington);
  });
});

describe('popular movies', () => {
  it('weigh recent signals over old ones, and a city by its own bookings', async () => {
    const weeksAgo = (weeks: number) => new Date(Date.now() - weeks * 7 * 24 * 3600 * 1000);
    // Three old ratings against one recent: a week halves a signal.
    for (let i = 0; i < 3; i++) await rate(uuid(), heat, 10, weeksAgo(3));
    await rate(uuid(), insider, 10);
    expect((await popularMovies(db, null)).map((pick) => pick.movieId)).toEqual([insider, heat]);
    // Older than the window: not at all.
    await rate(uuid(), godfather, 10, weeksAgo(20));
    expect((await popularMovies(db, null)).map((pick) => pick.movieId)).not.toContain(godfather);
  });

  it('page without gaps or repeats, and refuse a bad page', async () => {
    for (const movieId of [heat, insider, godfather, paddington, interstellar])
      await rate(uuid(), movieId, 8);
    const picks = await popularMovies(db, null);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const connection = toPickConnection(picks, { first: 2, after });
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(picks.map((pick) => pick.movieId));
    expect(new Set(seen).size).toBe(5);
    expect(() => toPickConnection(picks, { first: 51 })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
    expect(() => toPickConnection(picks, { after: 'not a cursor' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
