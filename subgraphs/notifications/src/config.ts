import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadNotificationsConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4007),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /**
       * Send emails through this SMTP server (e.g. smtp://user:pass@mail.example:587).
       * Unset: messages are recorded and logged, not sent (development).
       */
      SMTP_URL: env.url(['smtp:', 'smtps:']).optional(),
      MAIL_FROM: z.string().min(3).default('CineGraph <no-reply@cinegraph.dev>'),
      /** Delivery attempts per notification before it is marked FAILED. */
      DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
      /** How often the delivery worker looks for due notifications without being woken. */
      DELIVERY_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    },
    source,
  );
}

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;
