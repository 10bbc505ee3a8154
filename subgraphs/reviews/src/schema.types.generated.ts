export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-26T18:30:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

export type CreateReviewInput = {
  /** Not empty; at most 10,000 characters. */
  body: Scalars['String']['input'];
  containsSpoilers?: InputMaybe<Scalars['Boolean']['input']>;
  movieId: Scalars['ID']['input'];
  /** 1 to 10. */
  rating: Scalars['Int']['input'];
  /** At most 120 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

export type DeleteReviewPayload = {
  __typename?: 'DeleteReviewPayload';
  /** The id of the review that was removed. */
  id: Scalars['ID']['output'];
  movie: Movie;
};

export type Movie = {
  __typename?: 'Movie';
  id: Scalars['ID']['output'];
  ratingSummary: RatingSummary;
  /** At most 100 per page. */
  reviews: ReviewConnection;
};


export type MovieReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ReviewOrder>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Reviews a movie as the signed-in user. A second review of the same movie is CONFLICT
   * (update the first instead); a movie that does not exist is NOT_FOUND.
   */
  createReview: Review;
  /** The author, or an ADMIN moderating (FORBIDDEN otherwise). */
  deleteReview: DeleteReviewPayload;
  /**
   * Marks someone else's review helpful (your own is FORBIDDEN). Marking it again changes
   * nothing: each user counts once.
   */
  markReviewHelpful: Review;
  /** The author only (FORBIDDEN otherwise). */
  updateReview: Review;
};


export type MutationCreateReviewArgs = {
  input: CreateReviewInput;
};


export type MutationDeleteReviewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkReviewHelpfulArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateReviewArgs = {
  id: Scalars['ID']['input'];
  input: UpdateReviewInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Unknown gives null. */
  review: Maybe<Review>;
};


export type QueryReviewArgs = {
  id: Scalars['ID']['input'];
};

export type RatingCount = {
  __typename?: 'RatingCount';
  count: Scalars['Int']['output'];
  rating: Scalars['Int']['output'];
};

export type RatingSummary = {
  __typename?: 'RatingSummary';
  /** Mean rating (1 to 10), rounded to two decimals; null while there are no reviews. */
  average: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  /** How many reviews gave each rating, from 1 to 10: always ten entries, zeros included. */
  distribution: Array<RatingCount>;
};

/** A user's opinion of a movie. Each user reviews a movie at most once. */
export type Review = {
  __typename?: 'Review';
  author: User;
  /** Plain text exactly as the author wrote it, never HTML: escape it when you render it. */
  body: Scalars['String']['output'];
  containsSpoilers: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** How many users (other than the author) marked it helpful. */
  helpfulCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  movie: Movie;
  /** 1 (worst) to 10 (best). */
  rating: Scalars['Int']['output'];
  /** At most 120 characters; null when the author gave none. */
  title: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Whether the signed-in user marked it helpful; false for anonymous callers. */
  viewerMarkedHelpful: Scalars['Boolean']['output'];
};

export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  edges: Array<ReviewEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReviewEdge = {
  __typename?: 'ReviewEdge';
  cursor: Scalars['String']['output'];
  node: Review;
};

export type ReviewOrder =
  /** Best rating first, then most recent. */
  | 'HIGHEST'
  /** Worst rating first, then most recent. */
  | 'LOWEST'
  /** Most marked helpful first, then most recent. */
  | 'MOST_HELPFUL'
  /** Most recent first. */
  | 'NEWEST';

/** Only the fields given change; `title: null` removes the title. */
export type UpdateReviewInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  containsSpoilers?: InputMaybe<Scalars['Boolean']['input']>;
  rating?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** The reviews they wrote, most recent first. Public, like the reviews themselves. */
  reviews: ReviewConnection;
};


export type UserReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};
