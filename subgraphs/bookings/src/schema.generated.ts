import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EntityReference as EntityReferenceModel, SeatHoldModel as SeatHoldModelModel, BookingConnectionModel as BookingConnectionModelModel, BookingsContext } from './context.ts';
import type { Booking as BookingModel } from './generated/prisma/client.ts';
import type { SeatAvailabilityEventModel as SeatAvailabilityEventModelModel } from './seats/seatAvailability.ts';
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
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-26T18:30:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type BookedSeat = {
  __typename?: 'BookedSeat';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  priceCents: Scalars['Int']['output'];
  type: SeatType;
};

/**
 * A booking of seats for a showtime. Private to its user (and admins): anyone else gets
 * FORBIDDEN.
 */
export type Booking = {
  __typename?: 'Booking';
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  /** Until when an unpaid booking keeps its seats. */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  seats: Array<BookedSeat>;
  showtime: Showtime;
  status: BookingStatus;
  totalCents: Scalars['Int']['output'];
  user: User;
};

export type BookingConnection = {
  __typename?: 'BookingConnection';
  edges: Array<BookingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BookingEdge = {
  __typename?: 'BookingEdge';
  cursor: Scalars['String']['output'];
  node: Booking;
};

export type BookingStatus =
  /** Cancelled by the customer or because the payment failed; the seats are free again. */
  | 'CANCELLED'
  | 'CONFIRMED'
  /** Not paid in time; the seats are free again. */
  | 'EXPIRED'
  /** Seats reserved until `expiresAt`, waiting for payment. */
  | 'PENDING_PAYMENT'
  /** Cancelled after payment, and the payment refunded. */
  | 'REFUNDED';

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancels the user's booking until an hour before the showtime (CONFLICT after, or when
   * it is not PENDING_PAYMENT or CONFIRMED). A paid booking is then refunded.
   */
  cancelBooking: Booking;
  /**
   * Books the seats of a live hold, waiting for payment until the hold would have expired.
   * The same idempotency key (1 to 100 characters) returns the same booking; an unknown
   * or expired hold is NOT_FOUND; past the caps on unpaid bookings it is CONFLICT, with
   * `extensions.limit` naming the limit.
   */
  createBooking: Booking;
  /**
   * Holds 1 to 10 seats (MAX_SEATS_PER_BOOKING) of a showtime that has not started, all or
   * none: a seat someone else holds or has bought is CONFLICT, a seat not in that screen is
   * BAD_USER_INPUT. Replaces the user's previous hold for the same showtime. A customer who
   * already has as many unpaid bookings as allowed (1 per showtime, 3 in all by default) is
   * CONFLICT, with `extensions.limit` naming the limit.
   */
  holdSeats: SeatHold;
  /** Gives a hold's seats back. Only its user; an unknown or expired hold is NOT_FOUND. */
  releaseHold: Scalars['Boolean']['output'];
};


export type MutationCancelBookingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateBookingArgs = {
  holdId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationHoldSeatsArgs = {
  seatIds: Array<Scalars['ID']['input']>;
  showtimeId: Scalars['ID']['input'];
};


export type MutationReleaseHoldArgs = {
  holdId: Scalars['ID']['input'];
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
  /** The signed-in user's booking, or any for an admin; someone else's is FORBIDDEN. */
  booking: Maybe<Booking>;
};


export type QueryBookingArgs = {
  id: Scalars['ID']['input'];
};

/**
 * Some seats of a showtime changed status: held, released, expired, sold or freed by a
 * cancellation. `changedSeats` gives their status after the change.
 */
export type SeatAvailabilityEvent = {
  __typename?: 'SeatAvailabilityEvent';
  /** Seats still AVAILABLE after the change. */
  availableSeatCount: Scalars['Int']['output'];
  changedSeats: Array<SeatStatusChange>;
  /** When the change was committed. */
  occurredAt: Scalars['DateTime']['output'];
  showtime: Showtime;
};

/**
 * Seats set aside for one user for a few minutes (5 by default) while they book. A user has
 * at most one hold per showtime: a new one replaces the previous.
 */
export type SeatHold = {
  __typename?: 'SeatHold';
  /** ISO 4217 code, e.g. GBP. */
  currency: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  seats: Array<BookedSeat>;
  showtime: Showtime;
  totalCents: Scalars['Int']['output'];
};

export type SeatMapRow = {
  __typename?: 'SeatMapRow';
  label: Scalars['String']['output'];
  seats: Array<ShowtimeSeat>;
};

export type SeatStatus =
  | 'AVAILABLE'
  /** In someone's hold or in a booking waiting for payment. */
  | 'HELD'
  | 'SOLD';

export type SeatStatusChange = {
  __typename?: 'SeatStatusChange';
  seatId: Scalars['ID']['output'];
  status: SeatStatus;
};

export type SeatType =
  | 'ACCESSIBLE'
  | 'PREMIUM'
  | 'STANDARD';

export type Showtime = {
  __typename?: 'Showtime';
  /** Changes with every hold: never cached. */
  availableSeatCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Rows from the front (A) to the back, each with its seats from left to right. */
  seatMap: Array<SeatMapRow>;
};

/**
 * A seat of a showtime as a customer picks it. Prices: STANDARD and ACCESSIBLE seats cost the
 * showtime's price, PREMIUM seats half as much again.
 */
export type ShowtimeSeat = {
  __typename?: 'ShowtimeSeat';
  id: Scalars['ID']['output'];
  /** Row and number as printed on the ticket, e.g. F12. */
  label: Scalars['String']['output'];
  priceCents: Scalars['Int']['output'];
  status: SeatStatus;
  type: SeatType;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change of a seat's status at this showtime, as it happens, for a live seat map.
   * Anyone may watch (no sign-in needed); an unknown showtime is NOT_FOUND.
   */
  seatAvailabilityChanged: SeatAvailabilityEvent;
};


export type SubscriptionSeatAvailabilityChangedArgs = {
  showtimeId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  /** Newest first. Only the user (or an admin) may read them. */
  bookings: BookingConnection;
  id: Scalars['ID']['output'];
};


export type UserBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<BookingStatus>;
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
  BookedSeat: ResolverTypeWrapper<BookedSeat>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Booking: ResolverTypeWrapper<BookingModel>;
  BookingConnection: ResolverTypeWrapper<BookingConnectionModelModel>;
  BookingEdge: ResolverTypeWrapper<Omit<BookingEdge, 'node'> & { node: ResolversTypes['Booking'] }>;
  BookingStatus: BookingStatus;
  CacheControlScope: CacheControlScope;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SeatAvailabilityEvent: ResolverTypeWrapper<SeatAvailabilityEventModelModel>;
  SeatHold: ResolverTypeWrapper<SeatHoldModelModel>;
  SeatMapRow: ResolverTypeWrapper<SeatMapRow>;
  SeatStatus: SeatStatus;
  SeatStatusChange: ResolverTypeWrapper<SeatStatusChange>;
  SeatType: SeatType;
  Showtime: ResolverTypeWrapper<EntityReferenceModel>;
  ShowtimeSeat: ResolverTypeWrapper<ShowtimeSeat>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<EntityReferenceModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BookedSeat: BookedSeat;
  ID: Scalars['ID']['output'];
  Booking: BookingModel;
  BookingConnection: BookingConnectionModelModel;
  BookingEdge: Omit<BookingEdge, 'node'> & { node: ResolversParentTypes['Booking'] };
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  SeatAvailabilityEvent: SeatAvailabilityEventModelModel;
  SeatHold: SeatHoldModelModel;
  SeatMapRow: SeatMapRow;
  SeatStatusChange: SeatStatusChange;
  Showtime: EntityReferenceModel;
  ShowtimeSeat: ShowtimeSeat;
  Subscription: Record<PropertyKey, never>;
  User: EntityReferenceModel;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
};

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Maybe<Array<Maybe<Scalars['String']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
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
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Booking']> | FederationReferenceType, FederationReferenceType, ContextType>;
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
  cancelBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCancelBookingArgs, 'id'>>;
  createBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCreateBookingArgs, 'holdId' | 'idempotencyKey'>>;
  holdSeats?: Resolver<ResolversTypes['SeatHold'], ParentType, ContextType, RequireFields<MutationHoldSeatsArgs, 'seatIds' | 'showtimeId'>>;
  releaseHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReleaseHoldArgs, 'holdId'>>;
};

export type PageInfoResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  booking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType, RequireFields<QueryBookingArgs, 'id'>>;
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
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Showtime']> | FederationReferenceType, FederationReferenceType, ContextType>;
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
  seatAvailabilityChanged?: SubscriptionResolver<ResolversTypes['SeatAvailabilityEvent'], "seatAvailabilityChanged", ParentType, ContextType, RequireFields<SubscriptionSeatAvailabilityChangedArgs, 'showtimeId'>>;
};

export type UserResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookings?: Resolver<ResolversTypes['BookingConnection'], ParentType, ContextType, RequireFields<UserBookingsArgs, 'first'>>;
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
