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

export type Movie = {
  __typename?: 'Movie';
  id: Scalars['ID']['output'];
  /** Whether the movie is on the signed-in user's watchlist; false for anonymous callers. */
  inViewerWatchlist: Scalars['Boolean']['output'];
  /** On how many users' watchlists the movie is. */
  watchlistCount: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Puts a movie on the signed-in user's watchlist. Adding it again changes nothing but the
   * note, when one is given. A movie that does not exist is NOT_FOUND; a note is at most
   * 500 characters.
   */
  addToWatchlist: WatchlistItem;
  /**
   * Marks a movie on the signed-in user's watchlist as watched (now), or back to unwatched
   * with `watched: false`. A movie not on the watchlist is NOT_FOUND.
   */
  markWatched: WatchlistItem;
  /** Takes a movie off the signed-in user's watchlist; removing it again changes nothing. */
  removeFromWatchlist: RemoveFromWatchlistPayload;
};


export type MutationAddToWatchlistArgs = {
  movieId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationMarkWatchedArgs = {
  movieId: Scalars['ID']['input'];
  watched?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRemoveFromWatchlistArgs = {
  movieId: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type RemoveFromWatchlistPayload = {
  __typename?: 'RemoveFromWatchlistPayload';
  movie: Movie;
  /** False when the movie was not on the watchlist (nothing changed). */
  removed: Scalars['Boolean']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /**
   * Most recently added first, at most 100 per page. Private: only the user may read it
   * (FORBIDDEN for anyone else, admins included).
   */
  watchlist: WatchlistConnection;
  /**
   * How many movies are on their watchlist. Public, like a profile's counters; which
   * movies they are is private.
   */
  watchlistCount: Scalars['Int']['output'];
};


export type UserWatchlistArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WatchlistConnection = {
  __typename?: 'WatchlistConnection';
  edges: Array<WatchlistEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WatchlistEdge = {
  __typename?: 'WatchlistEdge';
  cursor: Scalars['String']['output'];
  node: WatchlistItem;
};

/** A movie on a user's watchlist. */
export type WatchlistItem = {
  __typename?: 'WatchlistItem';
  addedAt: Scalars['DateTime']['output'];
  movie: Movie;
  /** The user's own note, as they wrote it (plain text, never HTML). */
  note: Maybe<Scalars['String']['output']>;
  /** When the user marked it watched; null while it is still to watch. */
  watchedAt: Maybe<Scalars['DateTime']['output']>;
};
