import { assertUuid, requireViewer } from '@cinegraph/service-kit';
import {
  createReview,
  deleteReview,
  markReviewHelpful,
  updateReview,
} from '../reviews/writeReviews.ts';
import type { MutationResolvers } from '../schema.generated.ts';

export const Mutation: MutationResolvers = {
  createReview(_, { input }, { viewer, db, ratingSummaries }) {
    const author = requireViewer(viewer);
    return createReview({ db, ratingSummaries }, author, {
      ...input,
      movieId: assertUuid(input.movieId, 'movieId'),
    });
  },

  updateReview(_, { id, input }, { viewer, db, ratingSummaries }) {
    return updateReview(
      { db, ratingSummaries },
      requireViewer(viewer),
      assertUuid(id, 'id'),
      input,
    );
  },

  async deleteReview(_, { id }, { viewer, db, ratingSummaries }) {
    const review = await deleteReview(
      { db, ratingSummaries },
      requireViewer(viewer),
      assertUuid(id, 'id'),
    );
    return { id: review.id, movie: { id: review.movieId } };
  },

  markReviewHelpful(_, { id }, { viewer, db }) {
    return markReviewHelpful(db, requireViewer(viewer), assertUuid(id, 'id'));
  },
};
