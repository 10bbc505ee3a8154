import path from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventConsumers } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { createPrismaClient, createReadThroughCache } from '@cinegraph/service-kit';
import { connectKeyspace } from '@cinegraph/keyspace';
import { testEnvironment, useRedis, useTestDatabase } from '@cinegraph/testing';
import { handlers } from '../src/events/handlers.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import type { RatingSummaryModel } from '../src/reviews/ratingSummary.ts';
import { cachedRatingSummaries, loadRatingSummaries } from '../src/reviews/ratingSummary.ts';
import { loadReviewPages, orderings } from '../src/reviews/reviewPages.ts';
import type { ReviewWriter } from '../src/reviews/writeReviews.ts';
import type { ReviewOrder } from '../src/schema.types.generated.ts';
import {
  createReview,
  deleteReview,
  markReviewHelpful,
  updateReview,
} from '../src/reviews/writeReviews.ts';
import { encodeCursor } from '@cinegraph/service-kit';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/reviews/migrations'),
);
const { prefix } = useRedis();
const keyspace = connectKeyspace(testEnvironment.redisUrl, {
  name: 'reviews-test',
  keyPrefix: prefix,
  logger: pino({ level: 'silent' }),
});
const registry = new Registry();
let db: PrismaClient;
let writer: ReviewWriter;

const user = (role: Viewer['role'] = 'USER'): Viewer =>
  ({ id: crypto.randomUUID(), role }) as Viewer;

async function knownMovie(title = 'A Known Movie'): Promise<string> {
  const movieId = crypto.randomUUID();
  await db.knownMovie.create({ data: { movieId, title } });
  return movieId;
}

const statements = async () =>
  (await registry.getSingleMetric('db_statements_total')!.get()).values[0]?.value ?? 0;

beforeAll(() => {
  db = createPrismaClient(PrismaClient, database.url, 5, registry);
  writer = {
    db,
    ratingSummaries: createReadThroughCache<RatingSummaryModel>({
      store: keyspace.store,
      name: 'reviews:ratingSummary',
      ttlSeconds: 60,
      registry,
      logger: pino({ level: 'silent' }),
    }),
  };
});
afterAll(async () => {
  await db?.$disconnect();
  await keyspace.close();
});

describe('the reviews consumer', () => {
  it('handles exactly the events its subscription lists', () => {
    expect(Object.keys(handlers).sort()).toEqual([...eventConsumers.reviews].sort());
  });
});

describe('createReview', () => {
  it('writes the review and review.created in one transaction', async () => {
    const movieId = await knownMovie('Heat');
    const author = user();
    const review = await createReview(writer, author, {
      movieId,
      rating: 8,
      title: null,
      body: 'Tense.',
    });
    const [event] = await db.outboxEvent.findMany({
      where: { type: 'review.created', data: { path: ['reviewId'], equals: review.id } },
    });
    expect(event?.data).toEqual({
      reviewId: review.id,
      movieId,
      userId: author.id,
      rating: 8,
      movieTitle: 'Heat',
    });
  });

  it('is NOT_FOUND for an unknown movie, leaving no review and no event', async () => {
    const movieId = crypto.randomUUID();
    await expect(
      createReview(writer, user(), { movieId, rating: 5, body: 'x' }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await db.review.count({ where: { movieId } })).toBe(0);
    expect(
      await db.outboxEvent.count({ where: { data: { path: ['movieId'], equals: movieId } } }),
    ).toBe(0);
  });

  it('lets one of several concurrent reviews by the same user through; the rest are CONFLICT', async () => {
    const movieId = await knownMovie();
    const author = user();
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        createReview(writer, author, { movieId, rating: i + 1, body: `take ${i}` }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected'))
      expect((attempt as PromiseRejectedResult).reason.extensions.code).toBe('CONFLICT');
    expect(await db.review.count({ where: { movieId } })).toBe(1);
    expect(
      await db.outboxEvent.count({ where: { data: { path: ['movieId'], equals: movieId } } }),
    ).toBe(1);
  });
});

/** The data of a review's events of one type, oldest first. */
const eventsOf = async (type: string, reviewId: string) =>
  (
    await db.outboxEvent.findMany({
      where: { type, data: { path: ['reviewId'], equals: reviewId } },
      orderBy: { id: 'asc' },
    })
  ).map((event) => event.data);

describe('updateReview', () => {
  it('writes review.updated with the rating after the change, in its transaction', async () => {
    const movieId = await knownMovie();
    const author = user();
    const review = await createReview(writer, author, { movieId, rating: 4, body: 'Slow.' });
    await updateReview(writer, author, review.id, { rating: 7 });
    // A change that leaves the rating alone still says the rating, as it stands.
    await updateReview(writer, author, review.id, { body: 'Slow, then gripping.' });
    const update = { reviewId: review.id, movieId, userId: author.id };
    expect(await eventsOf('review.updated', review.id)).toEqual([
      { ...update, rating: 7 },
      { ...update, rating: 7 },
    ]);
  });

  it('writes no event for an update that changes nothing', async () => {
    const movieId = await knownMovie();
    const author = user();
    const review = await createReview(writer, author, {
      movieId,
      rating: 6,
      title: 'Fine',
      body: 'Fine.',
    });
    await updateReview(writer, author, review.id, {});
    const same = await updateReview(writer, author, review.id, {
      rating: 6,
      title: 'Fine',
      body: 'Fine.',
      containsSpoilers: false,
    });
    expect(same).toMatchObject({ rating: 6, title: 'Fine', body: 'Fine.' });
    expect(await eventsOf('review.updated', review.id)).toEqual([]);
  });

  it('writes no event when the update is refused: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT', async () => {
    const movieId = await knownMovie();
    const author = user();
    const review = await createReview(writer, author, { movieId, rating: 5, body: 'ok' });
    await expect(
      updateReview(writer, user('ADMIN'), review.id, { rating: 9 }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(updateReview(writer, author, review.id, { rating: 11 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const missing = crypto.randomUUID();
    await expect(updateReview(writer, author, missing, { rating: 9 })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await eventsOf('review.updated', review.id)).toEqual([]);
    expect(await eventsOf('review.updated', missing)).toEqual([]);
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).rating).toBe(5);
  });

  it('says every change of racing updates by the author, the last one last', async () => {
    const movieId = await knownMovie();
    const author = user();
    const review = await createReview(writer, author, { movieId, rating: 1, body: 'x' });
    await Promise.all(
      [2, 3, 4, 5, 6].map((rating) => updateReview(writer, author, review.id, { rating })),
    );
    const stored = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    const said = (await eventsOf('review.updated', review.id)) as { rating: number }[];
    expect(said).toHaveLength(5);
    expect(said.at(-1)!.rating).toBe(stored.rating);
  });
});

describe('deleteReview', () => {
  it('writes review.deleted naming the author, whoever removes it, once', async () => {
    const movieId = await knownMovie();
    const [author, other] = [user(), user()];
    const own = await createReview(writer, author, { movieId, rating: 3, body: 'no' });
    const moderated = await createReview(writer, other, { movieId, rating: 2, body: 'spam' });
    await deleteReview(writer, author, own.id);
    await deleteReview(writer, user('ADMIN'), moderated.id);
    await expect(deleteReview(writer, author, own.id)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await eventsOf('review.deleted', own.id)).toEqual([
      { reviewId: own.id, movieId, userId: author.id },
    ]);
    expect(await eventsOf('review.deleted', moderated.id)).toEqual([
      { reviewId: moderated.id, movieId, userId: other.id },
    ]);
  });

  it('writes one event when removals race, and none when it is FORBIDDEN', async () => {
    const movieId = await knownMovie();
    const author = user();
    const review = await createReview(writer, author, { movieId, rating: 8, body: 'yes' });
    await expect(deleteReview(writer, user(), review.id)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await eventsOf('review.deleted', review.id)).toEqual([]);
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, () => deleteReview(writer, author, review.id)),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected'))
      expect((attempt as PromiseRejectedResult).reason.extensions.code).toBe('NOT_FOUND');
    expect(await eventsOf('review.deleted', review.id)).toHaveLength(1);
  });
});

describe('rating summaries', () => {
  it('count, average and a ten-entry distribution, for many movies in one statement', async () => {
    const rated = await knownMovie();
    const empty = await knownMovie();
    for (const rating of [2, 9, 9, 10])
      await createReview(writer, user(), { movieId: rated, rating, body: 'ok' });

    const before = await statements();
    const summaries = await loadRatingSummaries(db, [rated, empty, 'not-a-uuid']);
    expect((await statements()) - before).toBe(1);
    expect(summaries.get(rated)).toMatchObject({ count: 4, average: 7.5 });
    expect(summaries.get(rated)!.distribution.map((d) => d.count)).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 2, 1,
    ]);
    expect(summaries.get(empty)).toMatchObject({ count: 0, average: null });
    expect(summaries.get('not-a-uuid')).toMatchObject({ count: 0 });
  });

  it('are read from the cache until a write retires them (read-your-writes)', async () => {
    const movieId = await knownMovie();
    const author = user();
    const read = () => cachedRatingSummaries(db, writer.ratingSummaries, [movieId]);
    expect((await read()).get(movieId)!.count).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the fill is asynchronous
    const before = await statements();
    expect((await read()).get(movieId)!.count).toBe(0);
    expect(await statements()).toBe(before); // a hit: no SQL

    const review = await createReview(writer, author, { movieId, rating: 4, body: 'meh' });
    expect((await read()).get(movieId)).toMatchObject({ count: 1, average: 4 });
    await updateReview(writer, author, review.id, { rating: 6 });
    expect((await read()).get(movieId)).toMatchObject({ count: 1, average: 6 });
    await deleteReview(writer, author, review.id);
    expect((await read()).get(movieId)).toMatchObject({ count: 0, average: null });
  });
});

describe('review pages', () => {
  let movies: string[];
  beforeAll(async () => {
    movies = [await knownMovie(), await knownMovie(), await knownMovie()];
    // Movie i gets 4 + i reviews with assorted ratings and helpful counts.
    for (const [i, movieId] of movies.entries()) {
      for (let n = 0; n < 4 + i; n++) {
        const review = await createReview(writer, user(), {
          movieId,
          rating: 1 + ((n * 7) % 10),
          body: `review ${n}`,
        });
        if (n % 2) await db.review.update({ where: { id: review.id }, data: { helpfulCount: n } });
      }
    }
  });

  const sorted: Record<ReviewOrder, (a: ReviewRow, b: ReviewRow) => number> = {
    NEWEST: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id > a.id ? 1 : -1),
    MOST_HELPFUL: (a, b) => b.helpfulCount - a.helpfulCount || sorted.NEWEST(a, b),
    HIGHEST: (a, b) => b.rating - a.rating || sorted.NEWEST(a, b),
    LOWEST: (a, b) => a.rating - b.rating || sorted.NEWEST(a, b),
  };
  type ReviewRow = { id: string; createdAt: Date; rating: number; helpfulCount: number };

  it.each(Object.keys(orderings) as ReviewOrder[])(
    'pages every movie %s in one statement per page, without gaps or repeats',
    async (orderBy) => {
      const expected = new Map<string, string[]>();
      for (const movieId of movies) {
        const rows = await db.review.findMany({ where: { movieId } });
        expected.set(
          movieId,
          rows.sort(sorted[orderBy]).map((r) => r.id),
        );
      }
      // First pages of all three movies at once: one statement.
      const before = await statements();
      const first = await loadReviewPages(db, 'movie', movies, { limit: 3, after: null, orderBy });
      expect((await statements()) - before).toBe(1);
      for (const movieId of movies)
        expect(first.get(movieId)!.map((r) => r.id)).toEqual(expected.get(movieId)!.slice(0, 3));

      // Then walk one movie's pages with cursors, two at a time.
      const movieId = movies[2]!;
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page: Map<string, ReviewRow[]> = await loadReviewPages(db, 'movie', [movieId], {
          limit: 2,
          after,
          orderBy,
        });
        const rows = page.get(movieId)!;
        seen.push(...rows.map((r) => r.id));
        if (rows.length < 2) break;
        after = encodeCursor(orderings[orderBy].cursorOf(rows.at(-1)! as never));
      }
      expect(seen).toEqual(expected.get(movieId));
    },
  );
});

describe('access rules', () => {
  it('lets only the author update, and the author or an admin delete', async () => {
    const movieId = await knownMovie();
    const author = user();
    const review = await createReview(writer, author, { movieId, rating: 5, body: 'fine' });
    await expect(
      updateReview(writer, user('ADMIN'), review.id, { rating: 1 }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(deleteReview(writer, user(), review.id)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await deleteReview(writer, user('ADMIN'), review.id);
    expect(await db.review.count({ where: { id: review.id } })).toBe(0);
  });

  it('counts a user once as finding a review helpful, even when they click many times at once', async () => {
    const movieId = await knownMovie();
    const review = await createReview(writer, user(), { movieId, rating: 5, body: 'fine' });
    const fan = user();
    await Promise.all(Array.from({ length: 8 }, () => markReviewHelpful(db, fan, review.id)));
    await markReviewHelpful(db, user(), review.id);
    const stored = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    expect(stored.helpfulCount).toBe(2);
    expect(await db.helpfulVote.count({ where: { reviewId: review.id } })).toBe(2);
  });
});
