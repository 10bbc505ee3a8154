import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@cinegraph/service-kit';
import { useTestDatabase } from '@cinegraph/testing';
import { createShowtime } from '../src/catalog/createShowtime.ts';
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
    const screen = await db.screen.findFirstOrThrow();
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
    expect(
      await db.showtime.count({
        where: { screenId: screen.id, startsAt: { gte: new Date(base) } },
      }),
    ).toBe(1);
  });
});
