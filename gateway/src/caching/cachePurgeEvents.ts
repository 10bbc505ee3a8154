import type {
  EventData,
  EventHandlers,
  EventType,
  ServiceEvents,
  SqlExecutor,
} from '@cinegraph/events';
import { eventsEnv, producerOf, startServiceEvents } from '@cinegraph/events';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { GatewayConfig } from '../config.ts';
import { writeTags } from './cacheTags.ts';
import type { ResponseCache } from './responseCache.ts';

/** What an event says its producer changed: entities (`Type:id`) and lists of types. */
interface Changed {
  entities: string[];
  types: string[];
}

/**
 * What each event the gateway consumes (packages/events, eventConsumers.ts) changed: the
 * entities (`Type:id`), and the types whose lists it changes. Writes made through this
 * gateway were purged already, before their answer left; these cover writes made
 * elsewhere and what a write changes beyond its own answer (a new review changes its
 * movie's rating and its author's list of reviews).
 */
export const changedBy: { [Type in EventType]?: (data: EventData<Type>) => Changed } = {
  'movie.created': () => ({ entities: [], types: ['Movie'] }),
  'movie.updated': (data) => ({ entities: [`Movie:${data.movieId}`], types: ['Movie'] }),
  'showtime.created': (data) => ({ entities: [`Movie:${data.movieId}`], types: ['Showtime'] }),
  'review.created': (data) => ({
    entities: [`Review:${data.reviewId}`, `Movie:${data.movieId}`, `User:${data.userId}`],
    types: ['Review'],
  }),
};

/**
 * The tags an event purges: what it changed, as its producer (eventSchemas.ts) resolves it
 * (a subgraph's write changes only the fields it resolves; cacheTags.ts, `writeTags`).
 */
export function purgedBy<Type extends EventType>(type: Type, data: EventData<Type>): string[] {
  const changed = changedBy[type]?.(data);
  return changed ? writeTags(changed.entities, changed.types, [producerOf(type)]) : [];
}

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
  for (const type of Object.keys(changedBy) as EventType[])
    (handlers as Record<string, unknown>)[type] = (
      _tx: SqlExecutor,
      event: { data: EventData<typeof type> },
    ) => options.cache.purge(purgedBy(type, event.data), 'event');
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
