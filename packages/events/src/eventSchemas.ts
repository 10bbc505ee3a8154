import { z } from 'zod';

const id = z.uuid();
const money = { amountCents: z.number().int().min(0), currency: z.string().regex(/^[A-Z]{3}$/) };
const rating = z.number().int().min(1).max(10);
/** Who made a movie, and as what (movies' CreditRole). */
const credits = z.array(
  z.object({
    personId: id,
    role: z.enum(['CAST', 'DIRECTOR', 'WRITER', 'PRODUCER', 'COMPOSER', 'CINEMATOGRAPHER']),
  }),
);

/**
 * Every event CineGraph publishes, by routing key (`noun.pastTenseVerb`), with the schema
 * of its `data`. Producers are checked against it when they emit; consumers parse with it
 * and dead-letter what does not match. Adding a field is compatible (consumers ignore
 * what they do not know); renaming or removing one needs a new routing key.
 */
export const eventSchemas = {
  'user.registered': z.object({
    userId: id,
    email: z.email(),
    displayName: z.string().min(1),
  }),

  'movie.created': z.object({
    movieId: id,
    slug: z.string().min(1),
    title: z.string().min(1),
    releaseDate: z.iso.date(),
    genreIds: z.array(id),
    /**
     * The movie's content, for consumers that compare movies (recommendations). Optional
     * only because events queued before they existed lack them; movies always sends them.
     */
    synopsis: z.string().optional(),
    credits: credits.optional(),
  }),
  'movie.updated': z.object({
    movieId: id,
    title: z.string().min(1),
    /** The fields the update changed, by their GraphQL names. */
    changedFields: z.array(z.string()).min(1),
    /**
     * The movie's content after the update, whatever changed, so a consumer can replace
     * its copy without merging. Optional only for events queued before they existed;
     * movies always sends all three.
     */
    genreIds: z.array(id).optional(),
    synopsis: z.string().optional(),
    credits: credits.optional(),
  }),
  'showtime.created': z.object({
    showtimeId: id,
    movieId: id,
    screenId: id,
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    priceCents: z.number().int().min(0),
    currency: money.currency,
    /** For tickets and messages, as the movie catalog had them when the showtime was set. */
    movieTitle: z.string().min(1),
    theaterName: z.string().min(1),
    /** The theater's IANA time zone, e.g. Europe/London. */
    timeZone: z.string().min(1),
    /** The theater's city. Optional only for events queued before it existed. */
    city: z.string().min(1).optional(),
  }),

  'review.created': z.object({
    reviewId: id,
    movieId: id,
    userId: id,
    rating,
    /** As the reviews subgraph knows it, for messages that name the movie. */
    movieTitle: z.string().min(1),
  }),
  /** Its author changed the review; `rating` is the rating after the change. */
  'review.updated': z.object({ reviewId: id, movieId: id, userId: id, rating }),
  /** The review is gone, removed by its author or an admin; `userId` is its author. */
  'review.deleted': z.object({ reviewId: id, movieId: id, userId: id }),

  /** The movie went onto the user's list (not sent when it was on it already). */
  'watchlist.added': z.object({ userId: id, movieId: id }),
  /** The movie came off the user's list (not sent when it was not on it). */
  'watchlist.removed': z.object({ userId: id, movieId: id }),
  /** The user marked a listed movie watched, or not watched; sent only on a change. */
  'watchlist.watched': z.object({ userId: id, movieId: id, watched: z.boolean() }),

  'booking.created': z.object({
    bookingId: id,
    userId: id,
    showtimeId: id,
    seatIds: z.array(id).min(1),
    ...money,
  }),
  'booking.confirmed': z.object({
    bookingId: id,
    userId: id,
    showtimeId: id,
    /** The ticket: what, where, when (UTC, and the theater's zone to show it in), which seats. */
    movieTitle: z.string().min(1),
    theaterName: z.string().min(1),
    startsAt: z.iso.datetime(),
    timeZone: z.string().min(1),
    seats: z.array(z.string().min(1)).min(1),
    ...money,
    /**
     * The showtime's movie and the theater's city, for consumers that learn what people
     * book where (recommendations). Optional only for events queued before they existed:
     * bookings always sends movieId, and city when its copy of the showtime has one.
     */
    movieId: id.optional(),
    city: z.string().min(1).optional(),
    /**
     * True when bookings says it again for a booking confirmed before: payments'
     * reconciliation asked about it (it had missed the first). No new ticket is sent.
     */
    restated: z.boolean().optional(),
  }),
  'booking.cancelled': z.object({
    bookingId: id,
    userId: id,
    showtimeId: id,
    reason: z.string().min(1),
    /**
     * customer: they cancelled; payment_failed: the saga's compensation; ended: a payment
     * arrived after the booking had ended, so it must be refunded.
     */
    cause: z.enum(['customer', 'payment_failed', 'ended']),
  }),
  'booking.expired': z.object({ bookingId: id, userId: id, showtimeId: id }),

  'payment.succeeded': z.object({ paymentId: id, bookingId: id, userId: id, ...money }),
  'payment.failed': z.object({
    paymentId: id,
    bookingId: id,
    userId: id,
    reason: z.string().min(1),
  }),
  'payment.refunded': z.object({ paymentId: id, bookingId: id, userId: id, ...money }),
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<Type extends EventType> = z.infer<(typeof eventSchemas)[Type]>;

export const eventTypes = Object.keys(eventSchemas) as EventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(eventSchemas, value);
}

/**
 * Who publishes each event: a service owns the events about what it owns (ARCHITECTURE.md's
 * entity table). Consumers refuse an event from anyone else (producerIdentity.ts), the
 * broker's topic permissions let each service's user publish only these routing keys
 * (deploy/rabbitmq), and a test keeps the two in step.
 */
export const eventProducers = {
  users: ['user.registered'],
  movies: ['movie.created', 'movie.updated', 'showtime.created'],
  reviews: ['review.created', 'review.updated', 'review.deleted'],
  watchlists: ['watchlist.added', 'watchlist.removed', 'watchlist.watched'],
  bookings: ['booking.created', 'booking.confirmed', 'booking.cancelled', 'booking.expired'],
  payments: ['payment.succeeded', 'payment.failed', 'payment.refunded'],
} as const satisfies Record<string, readonly EventType[]>;

export type ProducingService = keyof typeof eventProducers;

const ownerOf = new Map<string, ProducingService>(
  Object.entries(eventProducers).flatMap(([service, types]) =>
    types.map((type) => [type, service as ProducingService] as const),
  ),
);

/** The service that owns (alone may publish) an event type. */
export function producerOf(type: EventType): ProducingService {
  const owner = ownerOf.get(type);
  if (!owner) throw new TypeError(`No producer is declared for ${type} (eventSchemas.ts)`);
  return owner;
}
