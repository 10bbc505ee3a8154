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
