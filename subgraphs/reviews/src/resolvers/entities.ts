import type {
  MovieResolvers,
  ReviewConnectionResolvers,
  ReviewResolvers,
  UserResolvers,
} from '../schema.generated.ts';
import { reviewConnection } from './reviewConnection.ts';

export const Review: ReviewResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.reviewById.load(ref.id),
  movie: (review) => ({ id: review.movieId }),
  author: (review) => ({ id: review.authorId }),
  viewerMarkedHelpful: (review, _, { loaders }) => loaders.viewerMarkedHelpful.load(review.id),
};

export const Movie: MovieResolvers = {
  // Any movie id: one without reviews simply has none (movies owns whether it exists).
  __resolveReference: (ref) => ({ id: ref.id }),
  reviews: (movie, args, { loaders }) =>
    reviewConnection(loaders, 'movie', movie.id, args, async () => {
      return (await loaders.ratingSummary.load(movie.id)).count;
    }),
  ratingSummary: (movie, _, { loaders }) => loaders.ratingSummary.load(movie.id),
};

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  reviews: (user, args, { loaders }) =>
    reviewConnection(loaders, 'author', user.id, args, () =>
      loaders.reviewCountByAuthor.load(user.id),
    ),
};

export const ReviewConnection: ReviewConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
