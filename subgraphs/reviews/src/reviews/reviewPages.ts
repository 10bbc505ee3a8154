import { decodeCursor, invalidCursor, isUuid } from '@cinegraph/service-kit';
import type { PrismaClient, Review } from '../generated/prisma/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { ReviewOrder } from '../schema.types.generated.ts';

/** One page of one parent's reviews: a movie's (`movie_id`) or an author's (`author_id`). */
export interface PageRequest {
  parent: 'movie' | 'author';
  parentId: string;
  /** Rows to fetch: the page size plus one, to learn whether a next page exists. */
  limit: number;
  after: string | null;
  orderBy: ReviewOrder;
}

interface Ordering {
  /** The keyset position of a row, as its cursor holds it. */
  cursorOf(review: Review): unknown[];
  orderBy: Prisma.Sql;
  /** Rows strictly after a position in this order. */
  after(position: unknown[]): Prisma.Sql;
}

const timeAndId = (review: Review) => [review.createdAt.toISOString(), review.id];

function readTime(value: unknown): Date {
  const at = new Date(typeof value === 'string' ? value : Number.NaN);
  if (Number.isNaN(at.getTime())) throw invalidCursor();
  return at;
}
function readId(value: unknown): string {
  if (typeof value !== 'string' || !isUuid(value)) throw invalidCursor();
  return value;
}
function readInt(value: unknown): number {
  if (!Number.isInteger(value)) throw invalidCursor();
  return value as number;
}

/** Descending by a number, then newest first: MOST_HELPFUL and HIGHEST. */
function byNumberDesc(
  column: 'helpful_count' | 'rating',
  field: 'helpfulCount' | 'rating',
): Ordering {
  return {
    cursorOf: (review) => [review[field], ...timeAndId(review)],
    orderBy: Prisma.sql`${Prisma.raw(column)} DESC, created_at DESC, id DESC`,
    after: ([n, at, id]) =>
      Prisma.sql`(${Prisma.raw(column)}, created_at, id) < (${readInt(n)}, ${readTime(at)}, ${readId(id)}::uuid)`,
  };
}

export const orderings: Record<ReviewOrder, Ordering> = {
  NEWEST: {
    cursorOf: timeAndId,
    orderBy: Prisma.sql`created_at DESC, id DESC`,
    after: ([at, id]) => Prisma.sql`(created_at, id) < (${readTime(at)}, ${readId(id)}::uuid)`,
  },
  MOST_HELPFUL: byNumberDesc('helpful_count', 'helpfulCount'),
  HIGHEST: byNumberDesc('rating', 'rating'),
  LOWEST: {
    cursorOf: (review) => [review.rating, ...timeAndId(review)],
    orderBy: Prisma.sql`rating ASC, created_at DESC, id DESC`,
    after: ([rating, at, id]) =>
      Prisma.sql`(rating > ${readInt(rating)} OR (rating = ${readInt(
        rating,
      )} AND (created_at, id) < (${readTime(at)}, ${readId(id)}::uuid)))`,
  },
};

const arity: Record<ReviewOrder, number> = { NEWEST: 2, MOST_HELPFUL: 3, HIGHEST: 3, LOWEST: 3 };

/** Checks a cursor before any query runs, so a bad one is BAD_USER_INPUT for that field alone. */
export function parseAfter(
  after: string | null | undefined,
  orderBy: ReviewOrder,
): unknown[] | null {
  const position = decodeCursor(after, arity[orderBy]);
  if (position) orderings[orderBy].after(position);
  return position;
}

/**
 * The pages of many parents that share a size, an order and a cursor, in ONE statement:
 * a LATERAL subquery per parent id, each using the (parent, order) index with its LIMIT.
 * This is what keeps "N movies with their latest reviews" at one query for any N.
 */
export async function loadReviewPages(
  db: PrismaClient,
  parent: PageRequest['parent'],
  parentIds: readonly string[],
  shape: Pick<PageRequest, 'limit' | 'after' | 'orderBy'>,
): Promise<Map<string, Review[]>> {
  const pages = new Map<string, Review[]>(parentIds.map((id) => [id, []]));
  const ids = [...new Set(parentIds.filter(isUuid))];
  if (!ids.length) return pages;
  const ordering = orderings[shape.orderBy];
  const position = decodeCursor(shape.after, arity[shape.orderBy]);
  const column = Prisma.raw(parent === 'movie' ? 'movie_id' : 'author_id');
  const rows = await db.$queryRaw<(Review & { parentId: string })[]>`
    SELECT parent.id AS "parentId", r.id, r.movie_id AS "movieId", r.author_id AS "authorId",
      r.rating, r.title, r.body, r.contains_spoilers AS "containsSpoilers",
      r.helpful_count AS "helpfulCount", r.created_at AS "createdAt", r.updated_at AS "updatedAt"
    FROM unnest(${ids}::uuid[]) AS parent(id)
    CROSS JOIN LATERAL (
      SELECT * FROM reviews
      WHERE ${column} = parent.id AND ${position ? ordering.after(position) : Prisma.sql`TRUE`}
      ORDER BY ${ordering.orderBy}
      LIMIT ${shape.limit}
    ) r`;
  for (const { parentId, ...review } of rows) pages.get(parentId)?.push(review);
  return pages;
}
