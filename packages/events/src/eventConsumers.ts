import type { EventType } from './eventSchemas.ts';

/**
 * Which service consumes which events: each gets a durable queue `<prefix><service>` bound
 * to these routing keys. Producers declare these queues too, before they publish, so an
 * event emitted before its consumer ever started (a first start, a new deployment) waits
 * in the queue instead of being dropped as unroutable. A consumer handles exactly the
 * keys listed here (its tests check).
 */
export const eventConsumers = {
  notifications: [
    'user.registered',
    'review.created',
    'booking.confirmed',
    'booking.cancelled',
    'booking.expired',
    'payment.failed',
    'payment.refunded',
  ],
  reviews: ['movie.created', 'movie.updated'],
  watchlists: ['movie.created', 'movie.updated'],
  bookings: ['showtime.created', 'payment.succeeded', 'payment.failed', 'payment.refunded'],
  payments: ['booking.created', 'booking.confirmed', 'booking.cancelled', 'booking.expired'],
  /** Learns people's tastes and movies' content for its picks (docs/recommendations.md). */
  recommendations: [
    'movie.created',
    'movie.updated',
    'review.created',
    'review.updated',
    'review.deleted',
    'watchlist.added',
    'watchlist.removed',
    'watchlist.watched',
    'booking.confirmed',
  ],
  /** Purges its response cache (docs/caching.md); keeps no database, so needs no dedup. */
  gateway: ['movie.created', 'movie.updated', 'showtime.created', 'review.created'],
} as const satisfies Record<string, readonly EventType[]>;

export type ConsumingService = keyof typeof eventConsumers;
