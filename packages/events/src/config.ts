import { z } from 'zod';
import { env } from '@cinegraph/service-kit';

const delays = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'a comma list of milliseconds, e.g. 1000,10000,60000')
  .transform((value) => value.split(',').map(Number));

/** The variables of every process that publishes or consumes events (zod shape for loadConfig). */
export const eventsEnv = {
  /** RabbitMQ (`amqp:`, `amqps:`), or the in-process bus (`memory://<name>[?journal=<file>]`). */
  AMQP_URL: env.url(['amqp:', 'amqps:', 'memory:']).default('amqp://guest:guest@127.0.0.1:5672'),
  /**
   * Put in front of the exchange and queue names (`<prefix>cinegraph.events`,
   * `<prefix>notifications`), so stacks and tests can share one broker.
   */
  EVENTS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_.-]*$/, 'lower-case letters, digits, _ . and - only')
    .default(''),
  /**
   * The broker user each service publishes as, `{service}` standing for its name (e.g.
   * `{service}` or `cinegraph-{service}`); consumers refuse events from any other
   * (producerIdentity.ts). Unset: every service shares this process's own broker user (a
   * developer's `guest`); on the in-process bus, `{service}`.
   */
  EVENTS_PRODUCER_USER: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]*\{service\}[A-Za-z0-9_.@-]*$/, 'a user name with {service} in it')
    .optional(),
  /** How often the outbox relay looks for rows without a NOTIFY (a safety net). */
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  /** Published rows are deleted after this long. */
  OUTBOX_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24),
  /** Unacknowledged messages a consumer holds at once (its concurrency). */
  EVENTS_PREFETCH: z.coerce.number().int().min(1).max(1000).default(16),
  /** Handler attempts before a message is parked in `<queue>.dlq`. */
  EVENTS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** Wait before each retry; the last value repeats. */
  EVENTS_RETRY_DELAYS_MS: delays.default([1_000, 10_000, 60_000, 300_000]),
};

export type EventsConfig = z.infer<z.ZodObject<typeof eventsEnv>>;
