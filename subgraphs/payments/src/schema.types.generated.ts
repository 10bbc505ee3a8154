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

export type Booking = {
  __typename?: 'Booking';
  id: Scalars['ID']['output'];
  /** Null until someone pays. */
  payment: Maybe<Payment>;
};

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Pays the signed-in user's booking (PENDING_PAYMENT) with a payment method token; the
   * amount is the booking's. The same idempotency key (1 to 100 characters) and request
   * return the same payment and charge once; the key with another request is CONFLICT, as
   * is a booking that cannot be paid (already paid, cancelled or expired). Test tokens:
   * tok_visa succeeds, tok_declined is declined, tok_insufficient_funds lacks funds,
   * tok_timeout_once times out once and then succeeds.
   */
  payBooking: Payment;
};


export type MutationPayBookingArgs = {
  bookingId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  paymentMethodToken: Scalars['String']['input'];
};

/** The payment of a booking. Private to its customer (and admins). */
export type Payment = {
  __typename?: 'Payment';
  /** The booking's total, as bookings set it: never what a client sent. */
  amountCents: Scalars['Int']['output'];
  booking: Booking;
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  /** Why the processor refused it, e.g. card_declined or insufficient_funds. */
  failureReason: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  status: PaymentStatus;
};

export type PaymentStatus =
  | 'FAILED'
  /** Recorded; the processor has not answered yet. */
  | 'PENDING'
  | 'REFUNDED'
  | 'SUCCEEDED';
