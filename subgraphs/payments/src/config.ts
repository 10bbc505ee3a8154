import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadPaymentsConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4006),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /** How long payBooking waits for a just-created booking's booking.created event. */
      BOOKING_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(3_000),
      /**
       * How often the reconciler runs (one replica at a time): PENDING payments (a processor
       * timeout, a crash) are settled again, due refunds made, unreconciled payments asked after.
       */
      SETTLE_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
      /**
       * The reconciliation bound: a payment whose booking is not where the payment says it
       * should be this long after the last fact about either is unreconciled, and bookings
       * is asked to settle it (docs/booking-saga.md). Longer than the events' retry budget.
       */
      RECONCILE_AFTER_MS: z.coerce.number().int().min(100).default(600_000),
    },
    source,
  );
}

export type PaymentsConfig = ReturnType<typeof loadPaymentsConfig>;
