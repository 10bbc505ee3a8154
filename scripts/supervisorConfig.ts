import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig } from '@cinegraph/service-kit';

/** What `npm start`, `npm run db:migrate` and `npm run db:seed` read from the environment. */
export function loadSupervisorConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      /**
       * `services`: each subgraph its own process on PostgreSQL, Redis and RabbitMQ.
       * `embedded`: everything in one process on PGlite and in-process keyspace and bus.
       * `auto`: services when all three answer, embedded otherwise.
       */
      CINEGRAPH_MODE: z.enum(['services', 'embedded', 'auto']).default('auto'),
      /** Embedded mode's databases and event journal (git-ignored). */
      CINEGRAPH_DATA_DIR: z.string().min(1).default('.cinegraph/data'),
      /** Write demo reviews and a watchlist through the gateway on first start. */
      CINEGRAPH_DEMO_CONTENT: env.boolean(true),
      /** The users subgraph's signing key, generated there on first start when missing. */
      JWT_KEY_FILE: z.string().min(1).default('.cinegraph/jwt-signing-key.pem'),
      /** A PostgreSQL server (no database): each subgraph gets POSTGRES_URL/<subgraph>. */
      POSTGRES_URL: env.postgresUrl().default('postgresql://postgres@127.0.0.1:5432'),
      REDIS_URL: env.redisUrl(),
      REDIS_KEY_PREFIX: z.string().default('cinegraph:'),
      AMQP_URL: eventsEnv.AMQP_URL,
      EVENTS_PREFIX: eventsEnv.EVENTS_PREFIX,
      /** Put in front of every database name, e.g. `dev_` → dev_users, dev_movies. */
      DATABASE_PREFIX: z
        .string()
        .regex(/^[a-z0-9_]*$/, 'lower-case letters, digits and _ only')
        .default(''),
      GATEWAY_PORT: env.port(4000),
      USERS_PORT: env.port(4001),
      MOVIES_PORT: env.port(4002),
      REVIEWS_PORT: env.port(4003),
      WATCHLISTS_PORT: env.port(4004),
      BOOKINGS_PORT: env.port(4005),
      PAYMENTS_PORT: env.port(4006),
      NOTIFICATIONS_PORT: env.port(4007),
      RECOMMENDATIONS_PORT: env.port(4008),
      /** The web app (web/dist, built on start when its sources changed) on WEB_PORT. */
      WEB_ENABLED: env.boolean(true),
      WEB_PORT: env.port(3000),
      /**
       * The gateway's URL as browsers reach it (e.g. https://api.example.com/graphql); by
       * default the gateway's port on whatever host the page was loaded from.
       */
      WEB_GRAPHQL_URL: z.url().optional(),
      /** Browser origins the gateway allows besides the web app's own (a comma list). */
      CORS_ORIGINS: z.string().default(''),
      LOG_LEVEL: env.logLevel(),
      /** `auto` (pretty on a terminal, JSON elsewhere), `pretty` or `json`: npm start's and its processes' logs. */
      LOG_FORMAT: env.logFormat(),
      /** What every process of this start reports on `/health` (a fresh id by default). */
      INSTANCE_ID: env.instanceId(),
      /** Set by npm to the script it runs: `start` when this is `npm start` (npm is then the parent). */
      npm_lifecycle_event: z.string().optional(),
    },
    source,
  );
}
