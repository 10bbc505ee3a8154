import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadBookingsConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4005),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /** The movies subgraph, read at start-up for the showtimes and seat layouts. */
      MOVIES_URL: env.httpUrl().default('http://127.0.0.1:4002/graphql'),
      /** How long a hold (and an unpaid booking made from it) keeps its seats. */
      HOLD_TTL_SECONDS: z.coerce.number().int().min(5).max(3_600).default(300),
      /**
       * Seats in one hold, and so in one booking (a hold becomes a booking whole).
       * Refused with BAD_USER_INPUT, `extensions.limit` naming this variable.
       */
      MAX_SEATS_PER_BOOKING: z.coerce.number().int().min(1).max(50).default(10),
      /**
       * Bookings waiting for payment a customer may have on one showtime. A booking leaves
       * its hold's one-per-showtime rule, so without this cap a loop of hold → book would
       * keep every seat of a showtime unpaid. Over it: CONFLICT, `extensions.limit`.
       */
      MAX_UNPAID_BOOKINGS_PER_SHOWTIME: z.coerce.number().int().min(1).default(1),
      /** Bookings waiting for payment a customer may have across all showtimes (as above). */
      MAX_UNPAID_BOOKINGS: z.coerce.number().int().min(1).default(3),
      /** How long before a showtime its bookings can no longer be cancelled. */
      CANCEL_CUTOFF_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
      /** How often unpaid bookings past their expiry are looked for. */
      EXPIRY_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
      /** How often holds that ran out are looked for, to announce their seats free. */
      HOLD_EXPIRY_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(250),
    },
    source,
  );
}

export type BookingsConfig = ReturnType<typeof loadBookingsConfig>;
