export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

export type Movie = {
  __typename?: 'Movie';
  id: Scalars['ID']['output'];
  /**
   * Movies like this one, best first, at most 50 in all: what they share (genres, cast and
   * crew, synopsis terms) blended with what the same people liked, watchlisted or booked.
   * Empty for a movie recommendations does not know (yet).
   */
  similar: RecommendationConnection;
};


export type MovieSimilarArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /**
   * What is popular now: recent confirmed bookings (in `city`'s theaters when given) and
   * high ratings and watchlist additions, each counting less as it ages (half of it a week
   * later). At most 50 in all.
   */
  popularMovies: RecommendationConnection;
};


export type QueryPopularMoviesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A page of recommended movies. It is cached (by the gateway too) as long as the field
 * that returned it allows: similar lists 5 minutes, popular 1 minute, a person's picks not
 * at all, so that a rating moves them at once.
 */
export type RecommendationConnection = {
  __typename?: 'RecommendationConnection';
  edges: Array<RecommendationEdge>;
  pageInfo: PageInfo;
};

/** A recommended movie, with why: what the web app shows beside it. */
export type RecommendationEdge = {
  __typename?: 'RecommendationEdge';
  cursor: Scalars['String']['output'];
  node: Movie;
  /**
   * Why this movie, in a sentence a person reads: "Because you liked Heat", "Popular in
   * London this week", "Shares its director and 2 genres with Heat".
   */
  reason: Scalars['String']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /**
   * Picks for this user from what they rated highly, watchlisted, watched and booked,
   * best first, at most 50 in all; never a movie they already rated, watched, booked or
   * listed. With no signals yet, the popular movies (of their city, when their bookings
   * tell it). Private: the user themself or an ADMIN (FORBIDDEN otherwise).
   */
  recommendedMovies: RecommendationConnection;
};


export type UserRecommendedMoviesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};
