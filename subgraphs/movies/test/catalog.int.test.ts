import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { createShowtime } from '../src/catalog/createShowtime.ts';
import { createMovie, updateMovie } from '../src/catalog/saveMovie.ts';
import { searchMovies } from '../src/catalog/searchMovies.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { seedMovies } from '../src/seed/seedMovies.ts';

const database = useTestDatabase(
  path.resolve(import.meta.dirname, '../../../prisma/movies/migrations'),
);
let db: PrismaClient;

beforeAll(async () => {
  db = createPrismaClient(PrismaClient, database.url, 5);
  await seedMovies(db, '2026-11-26');
});
afterAll(async () => {
  await db?.$disconnect();
});

describe('seedMovies', () => {
  it('is idempotent', async () => {
    const before = await db.showtime.count();
    await seedMovies(db, '2026-11-26');
    expect(await db.showtime.count()).toBe(before);
    expect(await db.movie.count()).toBeGreaterThanOrEqual(200);
  });
});

describe('searchMovies', () => {
  it('ranks title matches and pages by relevance without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof searchMovies>> = await searchMovies(db, {
        filter: { search: 'storm' },
        first: 3,
        after,
      });
      total = await page.countTotal();
      for (const edge of page.edges) seen.add(edge.node.id);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(0);
    expect(seen.size).toBe(total);
  });
});

describe('createShowtime', () => {
  it('lets exactly one of several concurrent overlapping showtimes on a screen through', async () => {
    const screen = await db.screen.findFirstOrThrow({ include: { theater: true } });
    const movie = await db.movie.findFirstOrThrow();
    const base = Date.UTC(2030, 0, 1, 12);
    const attempts = await Promise.allSettled(
      [0, 10, 20, 30, 40].map((offsetMinutes) =>
        createShowtime(db, {
          movieId: movie.id,
          screenId: screen.id,
          startsAt: new Date(base + offsetMinutes * 60_000),
          priceCents: 1000,
          currency: 'GBP',
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect((attempt as PromiseRejectedResult).reason.extensions.code).toBe('CONFLICT');
    }
    const [scheduled] = await db.showtime.findMany({
      where: { screenId: screen.id, startsAt: { gte: new Date(base) } },
    });
    expect(scheduled).toBeDefined();
    // Only the showtime that committed has an event; the refused ones left none.
    const events = await db.outboxEvent.findMany({ where: { type: 'showtime.created' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      showtimeId: scheduled!.id,
      movieId: movie.id,
      screenId: screen.id,
      startsAt: scheduled!.startsAt.toISOString(),
      endsAt: scheduled!.endsAt.toISOString(),
      priceCents: 1000,
      currency: 'GBP',
      movieTitle: movie.title,
      theaterName: screen.theater.name,
      timeZone: screen.theater.timeZone,
      city: screen.theater.city,
    });
  });
});

describe('catalog events', () => {
  it('records movie.created and movie.updated in the outbox with the change', async () => {
    const genre = await db.genre.findFirstOrThrow();
    const movie = await createMovie(db, {
      title: 'The Outbox',
      synopsis: 'Events, committed.',
      releaseDate: new Date('2031-05-01'),
      runtimeMinutes: 101,
      certification: 'PG',
      genreIds: [genre.id],
    });
    await updateMovie(db, movie.id, { runtimeMinutes: 99, synopsis: 'Events, published.' });
    await expect(updateMovie(db, movie.id, { genreIds: [crypto.randomUUID()] })).rejects.toThrow(
      /genre/,
    );

    const events = await db.outboxEvent.findMany({
      where: {
        type: { in: ['movie.created', 'movie.updated'] },
        data: { path: ['movieId'], equals: movie.id },
      },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => [event.type, event.data])).toEqual([
      [
        'movie.created',
        {
          movieId: movie.id,
          slug: movie.slug,
          title: 'The Outbox',
          releaseDate: '2031-05-01',
          genreIds: [genre.id],
          synopsis: 'Events, committed.',
          credits: [],
        },
      ],
      [
        'movie.updated',
        {
          movieId: movie.id,
          title: 'The Outbox',
          changedFields: ['synopsis', 'runtimeMinutes'],
          genreIds: [genre.id],
          synopsis: 'Events, published.',
          credits: [],
        },
      ],
    ]);
    expect(events.every((event) => event.publishedAt === null)).toBe(true);
  });

  it('says in movie.updated the genres, synopsis and credits after the update, whatever changed', async () => {
    // In id order, which is the order the event lists genres in.
    const [first, second, third] = await db.genre.findMany({ take: 3, orderBy: { id: 'asc' } });
    const [director, lead] = await db.person.findMany({ take: 2, orderBy: { id: 'asc' } });
    const movie = await createMovie(db, {
      title: 'Credits Roll',
      synopsis: 'Everyone who made it.',
      releaseDate: new Date('2032-01-01'),
      runtimeMinutes: 90,
      certification: 'PG_13',
      genreIds: [third!.id, first!.id],
    });
    // Credits come from the catalog's seed, not the API: written here as it writes them.
    await db.credit.createMany({
      data: [
        { movieId: movie.id, personId: lead!.id, role: 'CAST', character: 'Lead', billingOrder: 2 },
        { movieId: movie.id, personId: director!.id, role: 'DIRECTOR', billingOrder: 1 },
      ],
    });
    await updateMovie(db, movie.id, { title: 'Credits Roll Again' });
    await updateMovie(db, movie.id, { genreIds: [second!.id] });

    const updates = await db.outboxEvent.findMany({
      where: { type: 'movie.updated', data: { path: ['movieId'], equals: movie.id } },
      orderBy: { id: 'asc' },
    });
    const credits = [
      { personId: director!.id, role: 'DIRECTOR' },
      { personId: lead!.id, role: 'CAST' },
    ];
    expect(updates.map((event) => event.data)).toEqual([
      {
        movieId: movie.id,
        title: 'Credits Roll Again',
        changedFields: ['title'],
        genreIds: [first!.id, third!.id],
        synopsis: 'Everyone who made it.',
        credits,
      },
      {
        movieId: movie.id,
        title: 'Credits Roll Again',
        changedFields: ['genreIds'],
        genreIds: [second!.id],
        synopsis: 'Everyone who made it.',
        credits,
      },
    ]);
  });

  it('records no movie.updated for an update that names nothing, or a movie that is not there', async () => {
    const genre = await db.genre.findFirstOrThrow();
    const movie = await createMovie(db, {
      title: 'Unchanged',
      synopsis: 'As it was.',
      releaseDate: new Date('2033-01-01'),
      runtimeMinutes: 80,
      certification: 'G',
      genreIds: [genre.id],
    });
    await updateMovie(db, movie.id, {});
    await expect(updateMovie(db, movie.id, { title: '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const missing = crypto.randomUUID();
    await expect(updateMovie(db, missing, { title: 'Ghost' })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    for (const movieId of [movie.id, missing])
      expect(
        await db.outboxEvent.count({
          where: { type: 'movie.updated', data: { path: ['movieId'], equals: movieId } },
        }),
      ).toBe(0);
  });
});
