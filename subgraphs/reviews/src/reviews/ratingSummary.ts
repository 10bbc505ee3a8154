import type { ReadThroughCache } from '@cinegraph/service-kit';
import { isUuid } from '@cinegraph/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface RatingSummaryModel {
  average: number | null;
  count: number;
  distribution: { rating: number; count: number }[];
}

export type RatingSummaryCache = ReadThroughCache<RatingSummaryModel>;

const RATINGS = Array.from({ length: 10 }, (_, i) => i + 1);

export function summarise(countsByRating: ReadonlyMap<number, number>): RatingSummaryModel {
  let count = 0;
  let total = 0;
  for (const [rating, n] of countsByRating) {
    count += n;
    total += rating * n;
  }
  return {
    average: count ? Math.round((total / count) * 100) / 100 : null,
    count,
    distribution: RATINGS.map((rating) => ({ rating, count: countsByRating.get(rating) ?? 0 })),
  };
}

/** Every movie's summary in one GROUP BY; a movie without reviews gets the empty summary. */
export async function loadRatingSummaries(
  db: PrismaClient,
  movieIds: readonly string[],
): Promise<Map<string, RatingSummaryModel>> {
  const ids = movieIds.filter(isUuid);
  const rows = ids.length
    ? await db.review.groupBy({
        by: ['movieId', 'rating'],
        where: { movieId: { in: ids } },
        _count: { _all: true },
      })
    : [];
  const counts = new Map<string, Map<number, number>>(movieIds.map((id) => [id, new Map()]));
  for (const row of rows) counts.get(row.movieId)?.set(row.rating, row._count._all);
  return new Map([...counts].map(([id, byRating]) => [id, summarise(byRating)]));
}

/** Summaries through the cache: one Redis round trip, and one query for the misses. */
export function cachedRatingSummaries(
  db: PrismaClient,
  cache: RatingSummaryCache,
  movieIds: readonly string[],
): Promise<Map<string, RatingSummaryModel>> {
  return cache.loadMany(movieIds, (missing) => loadRatingSummaries(db, missing));
}
