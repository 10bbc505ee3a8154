import { z } from 'zod';

const id = z.uuid();
const money = { amountCents: z.number().int().min(0), currency: z.string().regex(/^[A-Z]{3}$/) };

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
  }),
  'movie.updated': z.object({
    movieId: id,
    title: z.string().min(1),
    /** The fields the update changed, by their GraphQL names. */
    changedFields: z.array(z.string()).min(1),
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
  }),

  'review.created': z.object({
    reviewId: id,
    movieId: id,
    userId: id,
    rating: z.number().int().min(1).max(10),
    /** As the reviews subgraph knows it, for messages that name the movie. */
    movieTitle: z.string().min(1),
  }),

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
  reviews: ['review.created'],
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
