import DataLoader from 'dataloader';
import type { CountedConnection, Viewer } from '@cinegraph/service-kit';
import { createLoader, isUuid } from '@cinegraph/service-kit';
import type { PrismaClient, Review } from './generated/prisma/client.ts';
import type { RatingSummaryCache, RatingSummaryModel } from './reviews/ratingSummary.ts';
import { cachedRatingSummaries } from './reviews/ratingSummary.ts';
import type { PageRequest } from './reviews/reviewPages.ts';
import { loadReviewPages } from './reviews/reviewPages.ts';

/** An entity another subgraph owns, as this one knows it: the key the gateway sends. */
export interface MovieReference {
  id: string;
}
export interface UserReference {
  id: string;
}

export type ReviewConnectionModel = CountedConnection<Review>;

export interface ReviewsLoaders {
  reviewById: DataLoader<string, Review | null>;
  /** A parent's page of reviews; the same page of many parents is one statement. */
  reviewPage: DataLoader<PageRequest, Review[], string>;
  ratingSummary: DataLoader<string, RatingSummaryModel>;
  reviewCountByAuthor: DataLoader<string, number>;
  /** Whether the viewer marked each review helpful (no query for anonymous callers). */
  viewerMarkedHelpful: DataLoader<string, boolean>;
}

export interface ReviewsContext {
  viewer: Viewer | null;
  db: PrismaClient;
  ratingSummaries: RatingSummaryCache;
  loaders: ReviewsLoaders;
}

const pageShape = (page: PageRequest) =>
  JSON.stringify([page.parent, page.limit, page.after, page.orderBy]);

export function createContext(
  db: PrismaClient,
  ratingSummaries: RatingSummaryCache,
  viewer: Viewer | null,
): ReviewsContext {
  const uuids = (ids: readonly string[]) => ids.filter(isUuid);
  return {
    viewer,
    db,
    ratingSummaries,
    loaders: {
      reviewById: createLoader(
        (ids) => db.review.findMany({ where: { id: { in: uuids(ids) } } }),
        (review) => review.id,
      ),
      reviewPage: new DataLoader(
        async (requests) => {
          // Requests that differ only in their parent share one statement.
          const groups = new Map<string, PageRequest[]>();
          for (const request of requests) {
            const shape = pageShape(request);
            const group = groups.get(shape);
            if (group) group.push(request);
            else groups.set(shape, [request]);
          }
          const pages = new Map<PageRequest, Review[]>();
          for (const group of groups.values()) {
            const found = await loadReviewPages(
              db,
              group[0]!.parent,
              group.map((r) => r.parentId),
              group[0]!,
            );
            for (const request of group) pages.set(request, found.get(request.parentId) ?? []);
          }
          return requests.map((request) => pages.get(request) ?? []);
        },
        { cacheKeyFn: (page) => `${pageShape(page)}:${page.parentId}` },
      ),
      ratingSummary: new DataLoader(async (movieIds) => {
        const summaries = await cachedRatingSummaries(db, ratingSummaries, movieIds);
        return movieIds.map((id) => summaries.get(id)!);
      }),
      reviewCountByAuthor: new DataLoader(async (authorIds) => {
        const rows = await db.review.groupBy({
          by: ['authorId'],
          where: { authorId: { in: uuids(authorIds) } },
          _count: { _all: true },
        });
        const counts = new Map(rows.map((row) => [row.authorId, row._count._all]));
        return authorIds.map((id) => counts.get(id) ?? 0);
      }),
      viewerMarkedHelpful: new DataLoader(async (reviewIds) => {
        if (!viewer) return reviewIds.map(() => false);
        const votes = await db.helpfulVote.findMany({
          where: { userId: viewer.id, reviewId: { in: uuids(reviewIds) } },
          select: { reviewId: true },
        });
        const marked = new Set(votes.map((vote) => vote.reviewId));
        return reviewIds.map((id) => marked.has(id));
      }),
    },
  };
}
