import type {
  EventData,
  EventHandlers,
  EventType,
  ServiceEvents,
  SqlExecutor,
} from '@cinegraph/events';
import { eventsEnv, startServiceEvents } from '@cinegraph/events';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { GatewayConfig } from '../config.ts';
import type { ResponseCache } from './responseCache.ts';

/**
 * What each event the gateway consumes (packages/events, subscriptions.ts) makes stale:
 * the entities it changed (`Type:id`), and the type-level tags of the lists it changes.
 * Writes made through this gateway were purged already, before their answer left; these
 * cover writes made elsewhere and what a write changes beyond its own answer (a new
 * review changes its movie's rating and its author's list of reviews).
 */
export const purgedBy: { [Type in EventType]?: (data: EventData<Type>) => string[] } = {
  'movie.created': () => ['Movie'],
  'movie.updated': (data) => [`Movie:${data.movieId}`, 'Movie'],
  'showtime.created': (data) => ['Showtime', `Movie:${data.movieId}`],
  'review.created': (data) => [
    `Review:${data.reviewId}`,
    'Review',
    `Movie:${data.movieId}`,
    `User:${data.userId}`,
  ],
};

/**
 * A purge keeps nothing and is harmless twice, so the gateway needs no database to
 * consume: every delivery runs the handler (the consumer's `processed_events` insert
 * answers "new" here) and is acknowledged after it.
 */
const withoutDatabase = <T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> =>
  fn({ $executeRaw: () => Promise.resolve(1) });

/** Consumes the gateway's queue and purges the response cache by each event. */
export function startCachePurgeEvents(options: {
  events: GatewayConfig['events'] & { url: string };
  cache: Pick<ResponseCache, 'purge'>;
  logger: Logger;
  registry: Registry;
}): Promise<ServiceEvents> {
  const handlers: EventHandlers<SqlExecutor> = {};
  for (const [type, tags] of Object.entries(purgedBy) as [EventType, (data: unknown) => string[]][])
    (handlers as Record<string, unknown>)[type] = (_tx: SqlExecutor, event: { data: unknown }) =>
      options.cache.purge(tags(event.data), 'event');
  const config = z.object(eventsEnv).parse({
    AMQP_URL: options.events.url,
    EVENTS_PREFIX: options.events.prefix,
    EVENTS_PRODUCER_USER: options.events.producerUser,
  });
  return startServiceEvents({
    service: 'gateway',
    config: { ...config, DATABASE_URL: '' },
    logger: options.logger,
    registry: options.registry,
    consume: { handlers, transaction: withoutDatabase },
  });
}
