import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadReviewsConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4003),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /** The movies subgraph, read once at start-up to learn which movies exist. */
      MOVIES_URL: env.httpUrl().default('http://127.0.0.1:4002/graphql'),
      /** How long a cached rating summary lives if no review write retires it first. */
      CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    },
    source,
  );
}

export type ReviewsConfig = ReturnType<typeof loadReviewsConfig>;
