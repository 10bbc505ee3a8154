import { emit } from '@cinegraph/events';
import type { Viewer } from '@cinegraph/service-kit';
import { conflict, forbidden, isUniqueViolation, notFound } from '@cinegraph/service-kit';
import type { PrismaClient, Review } from '../generated/prisma/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { RatingSummaryCache } from './ratingSummary.ts';
import type { CreateReviewInput, UpdateReviewInput } from '../schema.types.generated.ts';
import { validateReviewFields } from './reviewInput.ts';

/** What a write needs: the database, and the cache it must retire entries of after commit. */
export interface ReviewWriter {
  db: PrismaClient;
  ratingSummaries: RatingSummaryCache;
}

async function findReview(db: PrismaClient, id: string): Promise<Review> {
  const review = await db.review.findUnique({ where: { id } });
  if (!review) throw notFound('No review has that id.');
  return review;
}

/**
 * The viewer's review of a movie, with `review.created` in the same transaction. The
 * movie must be one this subgraph knows of (see docs/known-movies.md).
 */
export async function createReview(
  { db, ratingSummaries }: ReviewWriter,
  author: Viewer,
  fields: CreateReviewInput,
): Promise<Review> {
  validateReviewFields(fields);
  const review = await db
    .$transaction(async (tx) => {
      const movie = await tx.knownMovie.findUnique({ where: { movieId: fields.movieId } });
      if (!movie) throw notFound('No movie has that id.');
      const created = await tx.review.create({
        data: {
          movieId: fields.movieId,
          authorId: author.id,
          rating: fields.rating,
          title: fields.title ?? null,
          body: fields.body,
          containsSpoilers: fields.containsSpoilers ?? false,
        },
      });
      await emit(tx, 'review.created', {
        reviewId: created.id,
        movieId: created.movieId,
        userId: created.authorId,
        rating: created.rating,
        movieTitle: movie.title,
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw conflict('You have already reviewed this movie: update that review instead.');
      throw error;
    });
  await ratingSummaries.invalidate([review.movieId]);
  return review;
}

/**
 * The author changes their review; nobody else may, admins included. `review.updated`
 * commits with the change, unless the input changed nothing.
 */
export async function updateReview(
  { db, ratingSummaries }: ReviewWriter,
  viewer: Viewer,
  id: string,
  fields: UpdateReviewInput,
): Promise<Review> {
  validateReviewFields(fields);
  const review = await findReview(db, id);
  if (review.authorId !== viewer.id) throw forbidden('Only its author may change a review.');
  const data: Prisma.ReviewUpdateInput = {};
  if (fields.rating != null) data.rating = fields.rating;
  if (fields.title !== undefined) data.title = fields.title;
  if (fields.body != null) data.body = fields.body;
  if (fields.containsSpoilers != null) data.containsSpoilers = fields.containsSpoilers;
  const [before, updated] = await db.$transaction(async (tx) => {
    // Locks the review (the author in the WHERE makes check and write one atomic step), so
    // `previous` is the state this update replaces even when the author's updates race.
    // Compared with the read above instead, a change back to it would go unsaid.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM reviews WHERE id = ${id}::uuid AND author_id = ${viewer.id}::uuid
         FOR UPDATE`;
    if (!locked) throw notFound('No review has that id.');
    const previous = await tx.review.findUniqueOrThrow({ where: { id } });
    const changed = await tx.review.update({ where: { id }, data });
    if (isChanged(previous, changed))
      await emit(tx, 'review.updated', {
        reviewId: changed.id,
        movieId: changed.movieId,
        userId: changed.authorId,
        rating: changed.rating,
      });
    return [previous, changed] as const;
  });
  if (updated.rating !== before.rating) await ratingSummaries.invalidate([updated.movieId]);
  return updated;
}

/** Whether an update changed what the author wrote (not the helpful count, not updatedAt). */
function isChanged(before: Review, after: Review): boolean {
  return (
    before.rating !== after.rating ||
    before.title !== after.title ||
    before.body !== after.body ||
    before.containsSpoilers !== after.containsSpoilers
  );
}

/**
 * Its author removes a review, or an admin moderating; `review.deleted` (naming the
 * author) commits with the delete, once however many removals race.
 */
export async function deleteReview(
  { db, ratingSummaries }: ReviewWriter,
  viewer: Viewer,
  id: string,
): Promise<Review> {
  const review = await findReview(db, id);
  if (review.authorId !== viewer.id && viewer.role !== 'ADMIN')
    throw forbidden('Only its author or an admin may remove a review.');
  await db.$transaction(async (tx) => {
    const { count } = await tx.review.deleteMany({ where: { id } });
    if (!count) throw notFound('No review has that id.');
    await emit(tx, 'review.deleted', {
      reviewId: review.id,
      movieId: review.movieId,
      userId: review.authorId,
    });
  });
  await ratingSummaries.invalidate([review.movieId]);
  return review;
}

/**
 * Counts the viewer as finding a review helpful, once: the vote's primary key makes a
 * repeat (or a concurrent double click) change nothing. Your own review is FORBIDDEN.
 */
export async function markReviewHelpful(
  db: PrismaClient,
  viewer: Viewer,
  id: string,
): Promise<Review> {
  const review = await findReview(db, id);
  if (review.authorId === viewer.id) throw forbidden('You cannot mark your own review helpful.');
  return db.$transaction(async (tx) => {
    const { count } = await tx.helpfulVote.createMany({
      data: [{ reviewId: id, userId: viewer.id }],
      skipDuplicates: true,
    });
    if (!count) return (await tx.review.findUnique({ where: { id } })) ?? review;
    return tx.review.update({ where: { id }, data: { helpfulCount: { increment: 1 } } });
  });
}
