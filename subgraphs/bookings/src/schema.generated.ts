import type * as Types from './schema.types.generated.ts';
import type { Booking, Showtime, User } from './schema.types.generated.ts';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EntityReference as EntityReferenceModel, SeatHoldModel as SeatHoldModelModel, BookingConnectionModel as BookingConnectionModelModel, BookingsContext } from './context.ts';
import type { Booking as BookingModel } from './generated/prisma/client.ts';
import type { SeatAvailabilityEventModel as SeatAvailabilityEventModelModel } from './seats/seatAvailability.ts';
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
  Booking: Booking;
  Showtime: Showtime;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Booking:
    ( { __typename: 'Booking' }
    & GraphQLRecursivePick<FederationTypes['Booking'], {"id":true}> );
  Showtime:
    ( { __typename: 'Showtime' }
    & GraphQLRecursivePick<FederationTypes['Showtime'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BookedSeat: ResolverTypeWrapper<Types.BookedSeat>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  Booking: ResolverTypeWrapper<BookingModel>;
  BookingConnection: ResolverTypeWrapper<BookingConnectionModelModel>;
  BookingEdge: ResolverTypeWrapper<Omit<Types.BookingEdge, 'node'> & { node: ResolversTypes['Booking'] }>;
  BookingStatus: Types.BookingStatus;
  CacheControlScope: Types.CacheControlScope;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SeatAvailabilityEvent: ResolverTypeWrapper<SeatAvailabilityEventModelModel>;
  SeatHold: ResolverTypeWrapper<SeatHoldModelModel>;
  SeatMapRow: ResolverTypeWrapper<Types.SeatMapRow>;
  SeatStatus: Types.SeatStatus;
  SeatStatusChange: ResolverTypeWrapper<Types.SeatStatusChange>;
  SeatType: Types.SeatType;
  Showtime: ResolverTypeWrapper<EntityReferenceModel>;
  ShowtimeSeat: ResolverTypeWrapper<Types.ShowtimeSeat>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<EntityReferenceModel>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BookedSeat: Types.BookedSeat;
  ID: Types.Scalars['ID']['output'];
  Booking: BookingModel;
  BookingConnection: BookingConnectionModelModel;
  BookingEdge: Omit<Types.BookingEdge, 'node'> & { node: ResolversParentTypes['Booking'] };
  DateTime: Types.Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: Types.PageInfo;
  Query: Record<PropertyKey, never>;
  SeatAvailabilityEvent: SeatAvailabilityEventModelModel;
  SeatHold: SeatHoldModelModel;
  SeatMapRow: Types.SeatMapRow;
  SeatStatusChange: Types.SeatStatusChange;
  Showtime: EntityReferenceModel;
  ShowtimeSeat: Types.ShowtimeSeat;
  Subscription: Record<PropertyKey, never>;
  User: EntityReferenceModel;
  Boolean: Types.Scalars['Boolean']['output'];
  Int: Types.Scalars['Int']['output'];
  String: Types.Scalars['String']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Types.Maybe<Types.Scalars['Boolean']['input']>;
  maxAge?: Types.Maybe<Types.Scalars['Int']['input']>;
  scope?: Types.Maybe<Types.CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Types.Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Types.Maybe<Array<Types.Maybe<Types.Scalars['String']['input']>>>;
  url: Types.Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Types.Maybe<Types.Scalars['Int']['input']>;
  requireOneSlicingArgument?: Types.Maybe<Types.Scalars['Boolean']['input']>;
  sizedFields?: Types.Maybe<Array<Types.Scalars['String']['input']>>;
  slicingArguments?: Types.Maybe<Array<Types.Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BookedSeatResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookedSeat'] = ResolversParentTypes['BookedSeat']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SeatType'], ParentType, ContextType>;
};

export type BookingResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Booking'] = ResolversParentTypes['Booking'], FederationReferenceType extends FederationReferenceTypes['Booking'] = FederationReferenceTypes['Booking']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Booking']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seats?: Resolver<Array<ResolversTypes['BookedSeat']>, ParentType, ContextType>;
  showtime?: Resolver<ResolversTypes['Showtime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  totalCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type BookingConnectionResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookingConnection'] = ResolversParentTypes['BookingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BookingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BookingEdgeResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookingEdge'] = ResolversParentTypes['BookingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Booking'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<Types.MutationCancelBookingArgs, 'id'>>;
  createBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<Types.MutationCreateBookingArgs, 'holdId' | 'idempotencyKey'>>;
  holdSeats?: Resolver<ResolversTypes['SeatHold'], ParentType, ContextType, RequireFields<Types.MutationHoldSeatsArgs, 'seatIds' | 'showtimeId'>>;
  releaseHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<Types.MutationReleaseHoldArgs, 'holdId'>>;
};

export type PageInfoResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  booking?: Resolver<Types.Maybe<ResolversTypes['Booking']>, ParentType, ContextType, RequireFields<Types.QueryBookingArgs, 'id'>>;
};

export type SeatAvailabilityEventResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['SeatAvailabilityEvent'] = ResolversParentTypes['SeatAvailabilityEvent']> = {
  availableSeatCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changedSeats?: Resolver<Array<ResolversTypes['SeatStatusChange']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  showtime?: Resolver<ResolversTypes['Showtime'], ParentType, ContextType>;
};

export type SeatHoldResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['SeatHold'] = ResolversParentTypes['SeatHold']> = {
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seats?: Resolver<Array<ResolversTypes['BookedSeat']>, ParentType, ContextType>;
  showtime?: Resolver<ResolversTypes['Showtime'], ParentType, ContextType>;
  totalCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SeatMapRowResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['SeatMapRow'] = ResolversParentTypes['SeatMapRow']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seats?: Resolver<Array<ResolversTypes['ShowtimeSeat']>, ParentType, ContextType>;
};

export type SeatStatusChangeResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['SeatStatusChange'] = ResolversParentTypes['SeatStatusChange']> = {
  seatId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SeatStatus'], ParentType, ContextType>;
};

export type ShowtimeResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Showtime'] = ResolversParentTypes['Showtime'], FederationReferenceType extends FederationReferenceTypes['Showtime'] = FederationReferenceTypes['Showtime']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['Showtime']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availableSeatCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seatMap?: Resolver<Array<ResolversTypes['SeatMapRow']>, ParentType, ContextType>;
};

export type ShowtimeSeatResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['ShowtimeSeat'] = ResolversParentTypes['ShowtimeSeat']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceCents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SeatStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SeatType'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  seatAvailabilityChanged?: SubscriptionResolver<ResolversTypes['SeatAvailabilityEvent'], "seatAvailabilityChanged", ParentType, ContextType, RequireFields<Types.SubscriptionSeatAvailabilityChangedArgs, 'showtimeId'>>;
};

export type UserResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Types.Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookings?: Resolver<ResolversTypes['BookingConnection'], ParentType, ContextType, RequireFields<Types.UserBookingsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = BookingsContext> = {
  BookedSeat?: BookedSeatResolvers<ContextType>;
  Booking?: BookingResolvers<ContextType>;
  BookingConnection?: BookingConnectionResolvers<ContextType>;
  BookingEdge?: BookingEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SeatAvailabilityEvent?: SeatAvailabilityEventResolvers<ContextType>;
  SeatHold?: SeatHoldResolvers<ContextType>;
  SeatMapRow?: SeatMapRowResolvers<ContextType>;
  SeatStatusChange?: SeatStatusChangeResolvers<ContextType>;
  Showtime?: ShowtimeResolvers<ContextType>;
  ShowtimeSeat?: ShowtimeSeatResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = BookingsContext> = {
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
