import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Movie as MovieModel, Genre as GenreModel, Theater as TheaterModel, Screen as ScreenModel, Seat as SeatModel, Showtime as ShowtimeModel } from './generated/prisma/client.ts';
import type { CreditWithPerson as CreditWithPersonModel, MoviesContext } from './context.ts';
import type { MovieConnectionModel as MovieConnectionModelModel } from './catalog/searchMovies.ts';
import type { ShowtimeConnectionModel as ShowtimeConnectionModelModel } from './catalog/listShowtimes.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Genre: Genre;
  Movie: Movie;
  Screen: Screen;
  Showtime: Showtime;
  Theater: Theater;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Genre:
    ( { __typename: 'Genre' }
    & GraphQLRecursivePick<FederationTypes['Genre'], {"id":true}> );
  Movie:
    ( { __typename: 'Movie' }
    & GraphQLRecursivePick<FederationTypes['Movie'], {"id":true}> );
  Screen:
    ( { __typename: 'Screen' }
    & GraphQLRecursivePick<FederationTypes['Screen'], {"id":true}> );
  Showtime:
    ( { __typename: 'Showtime' }
    & GraphQLRecursivePick<FederationTypes['Showtime'], {"id":true}> );
  Theater:
    ( { __typename: 'Theater' }
    & GraphQLRecursivePick<FederationTypes['Theater'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CacheControlScope: CacheControlScope;
  CastMember: ResolverTypeWrapper<CreditWithPersonModel>;
  Certification: Certification;
  CreateMovieInput: CreateMovieInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CreateShowtimeInput: CreateShowtimeInput;
  CrewMember: ResolverTypeWrapper<CreditWithPersonModel>;
  CrewRole: CrewRole;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Genre: ResolverTypeWrapper<GenreModel>;
  Money: ResolverTypeWrapper<Money>;
  Movie: ResolverTypeWrapper<MovieModel>;
  MovieConnection: ResolverTypeWrapper<MovieConnectionModelModel>;
  MovieEdge: ResolverTypeWrapper<Omit<MovieEdge, 'node'> & { node: ResolversTypes['Movie'] }>;
  MovieFilter: MovieFilter;
  MovieOrderBy: MovieOrderBy;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Person: ResolverTypeWrapper<Person>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Screen: ResolverTypeWrapper<ScreenModel>;
  Seat: ResolverTypeWrapper<SeatModel>;
  SeatRow: ResolverTypeWrapper<Omit<SeatRow, 'seats'> & { seats: Array<ResolversTypes['Seat']> }>;
  SeatType: SeatType;
  Showtime: ResolverTypeWrapper<ShowtimeModel>;
  ShowtimeConnection: ResolverTypeWrapper<ShowtimeConnectionModelModel>;
  ShowtimeEdge: ResolverTypeWrapper<Omit<ShowtimeEdge, 'node'> & { node: ResolversTypes['Showtime'] }>;
  Theater: ResolverTypeWrapper<TheaterModel>;
  UpdateMovieInput: UpdateMovieInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CastMember: CreditWithPersonModel;
  CreateMovieInput: CreateMovieInput;
  ID: Scalars['ID']['output'];
  CreateShowtimeInput: CreateShowtimeInput;
  CrewMember: CreditWithPersonModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Genre: GenreModel;
  Money: Money;
  Movie: MovieModel;
  MovieConnection: MovieConnectionModelModel;
  MovieEdge: Omit<MovieEdge, 'node'> & { node: ResolversParentTypes['Movie'] };
  MovieFilter: MovieFilter;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Person: Person;
  Query: Record<PropertyKey, never>;
  Screen: ScreenModel;
  Seat: SeatModel;
  SeatRow: Omit<SeatRow, 'seats'> & { seats: Array<ResolversParentTypes['Seat']> };
  Showtime: ShowtimeModel;
  ShowtimeConnection: ShowtimeConnectionModelModel;
  ShowtimeEdge: Omit<ShowtimeEdge, 'node'> & { node: ResolversParentTypes['Showtime'] };
  Theater: TheaterModel;
  UpdateMovieInput: UpdateMovieInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Maybe<Array<Maybe<Scalars['String']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CastMemberResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['CastMember'] = ResolversParentTypes['CastMember']> = {
  character?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type CrewMemberResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['CrewMember'] = ResolversParentTypes['CrewMember']> = {
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['CrewRole'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GenreResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Genre'] = ResolversParentTypes['Genre'], FederationReferenceType extends FederationReferenceTypes['Genre'] = FederationReferenceTypes['Genre']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Genre']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MovieResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Movie'] = ResolversParentTypes['Movie'], FederationReferenceType extends FederationReferenceTypes['Movie'] = FederationReferenceTypes['Movie']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Movie']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cast?: Resolver<Array<ResolversTypes['CastMember']>, ParentType, ContextType>;
  certification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType>;
  crew?: Resolver<Array<ResolversTypes['CrewMember']>, ParentType, ContextType>;
  genres?: Resolver<Array<ResolversTypes['Genre']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  posterUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  releaseDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  runtimeMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  synopsis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MovieConnectionResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['MovieConnection'] = ResolversParentTypes['MovieConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MovieEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MovieEdgeResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['MovieEdge'] = ResolversParentTypes['MovieEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Movie'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createMovie?: Resolver<ResolversTypes['Movie'], ParentType, ContextType, RequireFields<MutationCreateMovieArgs, 'input'>>;
  createShowtime?: Resolver<ResolversTypes['Showtime'], ParentType, ContextType, RequireFields<MutationCreateShowtimeArgs, 'input'>>;
  updateMovie?: Resolver<ResolversTypes['Movie'], ParentType, ContextType, RequireFields<MutationUpdateMovieArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PersonResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  genres?: Resolver<Array<ResolversTypes['Genre']>, ParentType, ContextType>;
  movie?: Resolver<Maybe<ResolversTypes['Movie']>, ParentType, ContextType, Partial<QueryMovieArgs>>;
  movies?: Resolver<ResolversTypes['MovieConnection'], ParentType, ContextType, RequireFields<QueryMoviesArgs, 'first'>>;
  showtime?: Resolver<Maybe<ResolversTypes['Showtime']>, ParentType, ContextType, RequireFields<QueryShowtimeArgs, 'id'>>;
  showtimes?: Resolver<ResolversTypes['ShowtimeConnection'], ParentType, ContextType, RequireFields<QueryShowtimesArgs, 'first'>>;
  theater?: Resolver<Maybe<ResolversTypes['Theater']>, ParentType, ContextType, RequireFields<QueryTheaterArgs, 'id'>>;
  theaters?: Resolver<Array<ResolversTypes['Theater']>, ParentType, ContextType, Partial<QueryTheatersArgs>>;
};

export type ScreenResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Screen'] = ResolversParentTypes['Screen'], FederationReferenceType extends FederationReferenceTypes['Screen'] = FederationReferenceTypes['Screen']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Screen']> | FederationReferenceType, FederationReferenceType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seatRows?: Resolver<Array<ResolversTypes['SeatRow']>, ParentType, ContextType>;
  theater?: Resolver<ResolversTypes['Theater'], ParentType, ContextType>;
};

export type SeatResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Seat'] = ResolversParentTypes['Seat']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SeatType'], ParentType, ContextType>;
};

export type SeatRowResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['SeatRow'] = ResolversParentTypes['SeatRow']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seats?: Resolver<Array<ResolversTypes['Seat']>, ParentType, ContextType>;
};

export type ShowtimeResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Showtime'] = ResolversParentTypes['Showtime'], FederationReferenceType extends FederationReferenceTypes['Showtime'] = FederationReferenceTypes['Showtime']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Showtime']> | FederationReferenceType, FederationReferenceType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  movie?: Resolver<ResolversTypes['Movie'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  screen?: Resolver<ResolversTypes['Screen'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  theater?: Resolver<ResolversTypes['Theater'], ParentType, ContextType>;
};

export type ShowtimeConnectionResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['ShowtimeConnection'] = ResolversParentTypes['ShowtimeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ShowtimeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ShowtimeEdgeResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['ShowtimeEdge'] = ResolversParentTypes['ShowtimeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Showtime'], ParentType, ContextType>;
};

export type TheaterResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Theater'] = ResolversParentTypes['Theater'], FederationReferenceType extends FederationReferenceTypes['Theater'] = FederationReferenceTypes['Theater']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Theater']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  screens?: Resolver<Array<ResolversTypes['Screen']>, ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = MoviesContext> = {
  CastMember?: CastMemberResolvers<ContextType>;
  CrewMember?: CrewMemberResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Genre?: GenreResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Movie?: MovieResolvers<ContextType>;
  MovieConnection?: MovieConnectionResolvers<ContextType>;
  MovieEdge?: MovieEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Screen?: ScreenResolvers<ContextType>;
  Seat?: SeatResolvers<ContextType>;
  SeatRow?: SeatRowResolvers<ContextType>;
  Showtime?: ShowtimeResolvers<ContextType>;
  ShowtimeConnection?: ShowtimeConnectionResolvers<ContextType>;
  ShowtimeEdge?: ShowtimeEdgeResolvers<ContextType>;
  Theater?: TheaterResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = MoviesContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
