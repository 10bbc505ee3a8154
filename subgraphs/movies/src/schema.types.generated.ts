export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: Date; output: Date; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-26T18:30:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

export type CastMember = {
  __typename?: 'CastMember';
  character: Maybe<Scalars['String']['output']>;
  person: Person;
};

export type Certification =
  | 'G'
  | 'NC_17'
  | 'PG'
  | 'PG_13'
  | 'R';

export type CreateMovieInput = {
  certification: Certification;
  genreIds: Array<Scalars['ID']['input']>;
  posterUrl?: InputMaybe<Scalars['String']['input']>;
  releaseDate: Scalars['Date']['input'];
  runtimeMinutes: Scalars['Int']['input'];
  synopsis: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type CreateShowtimeInput = {
  /** ISO 4217 code, e.g. GBP. */
  currency: Scalars['String']['input'];
  movieId: Scalars['ID']['input'];
  priceCents: Scalars['Int']['input'];
  screenId: Scalars['ID']['input'];
  startsAt: Scalars['DateTime']['input'];
};

export type CrewMember = {
  __typename?: 'CrewMember';
  person: Person;
  role: CrewRole;
};

export type CrewRole =
  | 'CINEMATOGRAPHER'
  | 'COMPOSER'
  | 'DIRECTOR'
  | 'PRODUCER'
  | 'WRITER';

export type Genre = {
  __typename?: 'Genre';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
};

export type Money = {
  __typename?: 'Money';
  amountCents: Scalars['Int']['output'];
  /** ISO 4217 code, e.g. GBP. */
  currency: Scalars['String']['output'];
};

export type Movie = {
  __typename?: 'Movie';
  /** In billing order. */
  cast: Array<CastMember>;
  certification: Certification;
  crew: Array<CrewMember>;
  genres: Array<Genre>;
  id: Scalars['ID']['output'];
  posterUrl: Maybe<Scalars['String']['output']>;
  releaseDate: Scalars['Date']['output'];
  runtimeMinutes: Scalars['Int']['output'];
  /** Stable, URL-friendly name, e.g. the-last-horizon-2019. */
  slug: Scalars['String']['output'];
  synopsis: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type MovieConnection = {
  __typename?: 'MovieConnection';
  edges: Array<MovieEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MovieEdge = {
  __typename?: 'MovieEdge';
  cursor: Scalars['String']['output'];
  node: Movie;
};

export type MovieFilter = {
  /** Movies in any of these genres. */
  genreIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Released on or after this date. */
  releasedAfter?: InputMaybe<Scalars['Date']['input']>;
  /** Released on or before this date. */
  releasedBefore?: InputMaybe<Scalars['Date']['input']>;
  /** Full-text search over title and synopsis (web-search syntax: words, "phrases", -excluded). */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type MovieOrderBy =
  | 'RELEASE_DATE_ASC'
  /** Newest first; the default otherwise. */
  | 'RELEASE_DATE_DESC'
  /** Best match first; the default when searching. */
  | 'RELEVANCE'
  | 'TITLE_ASC';

export type Mutation = {
  __typename?: 'Mutation';
  /** ADMIN only. */
  createMovie: Movie;
  /** ADMIN only. Overlapping another showtime on the same screen is CONFLICT. */
  createShowtime: Showtime;
  /** ADMIN only. Unknown id is NOT_FOUND. */
  updateMovie: Movie;
};


export type MutationCreateMovieArgs = {
  input: CreateMovieInput;
};


export type MutationCreateShowtimeArgs = {
  input: CreateShowtimeInput;
};


export type MutationUpdateMovieArgs = {
  id: Scalars['ID']['input'];
  input: UpdateMovieInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  genres: Array<Genre>;
  /** By id or by slug (exactly one). Unknown gives null. */
  movie: Maybe<Movie>;
  /** At most 100 per page. */
  movies: MovieConnection;
  showtime: Maybe<Showtime>;
  /**
   * Showtimes in start order. `date` is the local date at the theater; without it, only
   * showtimes that have not started yet.
   */
  showtimes: ShowtimeConnection;
  theater: Maybe<Theater>;
  /** All theaters, or those in one city (case-insensitive). */
  theaters: Array<Theater>;
};


export type QueryMovieArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMoviesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MovieFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<MovieOrderBy>;
};


export type QueryShowtimeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShowtimesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  city?: InputMaybe<Scalars['String']['input']>;
  date?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  movieId?: InputMaybe<Scalars['ID']['input']>;
  theaterId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTheaterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTheatersArgs = {
  city?: InputMaybe<Scalars['String']['input']>;
};

export type Screen = {
  __typename?: 'Screen';
  capacity: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Rows from the front (A) to the back, each with its seats from left to right. */
  seatRows: Array<SeatRow>;
  theater: Theater;
};

export type Seat = {
  __typename?: 'Seat';
  id: Scalars['ID']['output'];
  /** Row and number as printed on the ticket, e.g. F12. */
  label: Scalars['String']['output'];
  number: Scalars['Int']['output'];
  row: Scalars['String']['output'];
  type: SeatType;
};

export type SeatRow = {
  __typename?: 'SeatRow';
  label: Scalars['String']['output'];
  seats: Array<Seat>;
};

export type SeatType =
  | 'ACCESSIBLE'
  | 'PREMIUM'
  | 'STANDARD';

export type Showtime = {
  __typename?: 'Showtime';
  /** When the screen is free again: start + trailers + runtime. */
  endsAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  movie: Movie;
  price: Money;
  screen: Screen;
  startsAt: Scalars['DateTime']['output'];
  theater: Theater;
};

export type ShowtimeConnection = {
  __typename?: 'ShowtimeConnection';
  edges: Array<ShowtimeEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ShowtimeEdge = {
  __typename?: 'ShowtimeEdge';
  cursor: Scalars['String']['output'];
  node: Showtime;
};

export type Theater = {
  __typename?: 'Theater';
  address: Scalars['String']['output'];
  city: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  screens: Array<Screen>;
  /** IANA time zone of the theater, e.g. Europe/London. */
  timeZone: Scalars['String']['output'];
};

export type UpdateMovieInput = {
  certification?: InputMaybe<Certification>;
  /** Replaces the movie's genres. */
  genreIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  posterUrl?: InputMaybe<Scalars['String']['input']>;
  releaseDate?: InputMaybe<Scalars['Date']['input']>;
  runtimeMinutes?: InputMaybe<Scalars['Int']['input']>;
  synopsis?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};
