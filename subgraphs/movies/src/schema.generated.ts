import type * as Types from './schema.types.generated.ts';
import type { Genre, Movie, Screen, Showtime, Theater } from './schema.types.generated.ts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Movie as MovieModel, Genre as GenreModel, Theater as TheaterModel, Screen as ScreenModel, Seat as SeatModel, Showtime as ShowtimeModel } from './generated/prisma/client.ts';
import type { CreditWithPerson as CreditWithPersonModel, MoviesContext } from './context.ts';
import type { MovieConnectionModel as MovieConnectionModelModel } from './catalog/searchMovies.ts';
import type { ShowtimeConnectionModel as ShowtimeConnectionModelModel } from './catalog/listShowtimes.ts';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };


export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Types.Maybe<T> extends T ? Types.Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
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
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

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
  CacheControlScope: Types.CacheControlScope;
  CastMember: ResolverTypeWrapper<CreditWithPersonModel>;
  Certification: Types.Certification;
  CreateMovieInput: Types.CreateMovieInput;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  CreateShowtimeInput: Types.CreateShowtimeInput;
  CrewMember: ResolverTypeWrapper<CreditWithPersonModel>;
  CrewRole: Types.CrewRole;
  Date: ResolverTypeWrapper<Types.Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  Genre: ResolverTypeWrapper<GenreModel>;
  Money: ResolverTypeWrapper<Types.Money>;
  Movie: ResolverTypeWrapper<MovieModel>;
  MovieConnection: ResolverTypeWrapper<MovieConnectionModelModel>;
  MovieEdge: ResolverTypeWrapper<Omit<Types.MovieEdge, 'node'> & { node: ResolversTypes['Movie'] }>;
  MovieFilter: Types.MovieFilter;
  MovieOrderBy: Types.MovieOrderBy;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Person: ResolverTypeWrapper<Types.Person>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Screen: ResolverTypeWrapper<ScreenModel>;
  Seat: ResolverTypeWrapper<SeatModel>;
  SeatRow: ResolverTypeWrapper<Omit<Types.SeatRow, 'seats'> & { seats: Array<ResolversTypes['Seat']> }>;
  SeatType: Types.SeatType;
  Showtime: ResolverTypeWrapper<ShowtimeModel>;
  ShowtimeConnection: ResolverTypeWrapper<ShowtimeConnectionModelModel>;
  ShowtimeEdge: ResolverTypeWrapper<Omit<Types.ShowtimeEdge, 'node'> & { node: ResolversTypes['Showtime'] }>;
  Theater: ResolverTypeWrapper<TheaterModel>;
  UpdateMovieInput: Types.UpdateMovieInput;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CastMember: CreditWithPersonModel;
  CreateMovieInput: Types.CreateMovieInput;
  ID: Types.Scalars['ID']['output'];
  CreateShowtimeInput: Types.CreateShowtimeInput;
  CrewMember: CreditWithPersonModel;
  Date: Types.Scalars['Date']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  Genre: GenreModel;
  Money: Types.Money;
  Movie: MovieModel;
  MovieConnection: MovieConnectionModelModel;
  MovieEdge: Omit<Types.MovieEdge, 'node'> & { node: ResolversParentTypes['Movie'] };
  MovieFilter: Types.MovieFilter;
  Mutation: Record<PropertyKey, never>;
  PageInfo: Types.PageInfo;
  Person: Types.Person;
  Query: Record<PropertyKey, never>;
  Screen: ScreenModel;
  Seat: SeatModel;
  SeatRow: Omit<Types.SeatRow, 'seats'> & { seats: Array<ResolversParentTypes['Seat']> };
  Showtime: ShowtimeModel;
  ShowtimeConnection: ShowtimeConnectionModelModel;
  ShowtimeEdge: Omit<Types.ShowtimeEdge, 'node'> & { node: ResolversParentTypes['Showtime'] };
  Theater: TheaterModel;
  UpdateMovieInput: Types.UpdateMovieInput;
  Boolean: Types.Scalars['Boolean']['output'];
  Int: Types.Scalars['Int']['output'];
  String: Types.Scalars['String']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Types.Maybe<Types.Scalars['Boolean']['input']>;
  maxAge?: Types.Maybe<Types.Scalars['Int']['input']>;
  scope?: Types.Maybe<Types.CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Types.Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Types.Maybe<Array<Types.Maybe<Types.Scalars['String']['input']>>>;
  url: Types.Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Types.Maybe<Types.Scalars['Int']['input']>;
  requireOneSlicingArgument?: Types.Maybe<Types.Scalars['Boolean']['input']>;
  sizedFields?: Types.Maybe<Array<Types.Scalars['String']['input']>>;
  slicingArguments?: Types.Maybe<Array<Types.Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = MoviesContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CastMemberResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['CastMember'] = ResolversParentTypes['CastMember']> = {
  character?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Genre']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MovieResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Movie'] = ResolversParentTypes['Movie'], FederationReferenceType extends FederationReferenceTypes['Movie'] = FederationReferenceTypes['Movie']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Movie']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cast?: Resolver<Array<ResolversTypes['CastMember']>, ParentType, ContextType>;
  certification?: Resolver<ResolversTypes['Certification'], ParentType, ContextType>;
  crew?: Resolver<Array<ResolversTypes['CrewMember']>, ParentType, ContextType>;
  genres?: Resolver<Array<ResolversTypes['Genre']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  posterUrl?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  createMovie?: Resolver<ResolversTypes['Movie'], ParentType, ContextType, RequireFields<Types.MutationCreateMovieArgs, 'input'>>;
  createShowtime?: Resolver<ResolversTypes['Showtime'], ParentType, ContextType, RequireFields<Types.MutationCreateShowtimeArgs, 'input'>>;
  updateMovie?: Resolver<ResolversTypes['Movie'], ParentType, ContextType, RequireFields<Types.MutationUpdateMovieArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PersonResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  genres?: Resolver<Array<ResolversTypes['Genre']>, ParentType, ContextType>;
  movie?: Resolver<Types.Maybe<ResolversTypes['Movie']>, ParentType, ContextType, Partial<Types.QueryMovieArgs>>;
  movies?: Resolver<ResolversTypes['MovieConnection'], ParentType, ContextType, RequireFields<Types.QueryMoviesArgs, 'first'>>;
  showtime?: Resolver<Types.Maybe<ResolversTypes['Showtime']>, ParentType, ContextType, RequireFields<Types.QueryShowtimeArgs, 'id'>>;
  showtimes?: Resolver<ResolversTypes['ShowtimeConnection'], ParentType, ContextType, RequireFields<Types.QueryShowtimesArgs, 'first'>>;
  theater?: Resolver<Types.Maybe<ResolversTypes['Theater']>, ParentType, ContextType, RequireFields<Types.QueryTheaterArgs, 'id'>>;
  theaters?: Resolver<Array<ResolversTypes['Theater']>, ParentType, ContextType, Partial<Types.QueryTheatersArgs>>;
};

export type ScreenResolvers<ContextType = MoviesContext, ParentType extends ResolversParentTypes['Screen'] = ResolversParentTypes['Screen'], FederationReferenceType extends FederationReferenceTypes['Screen'] = FederationReferenceTypes['Screen']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Screen']> | FederationReferenceType, FederationReferenceType, ContextType>;
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
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Showtime']> | FederationReferenceType, FederationReferenceType, ContextType>;
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
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Theater']> | FederationReferenceType, FederationReferenceType, ContextType>;
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
