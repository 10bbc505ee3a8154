import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadRecommendationsConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4008),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /** The movies subgraph, read at start-up for the catalog's genres, credits and synopses. */
      MOVIES_URL: env.httpUrl().default('http://127.0.0.1:4002/graphql'),
      /** How often the one replica holding the lease recomputes similarities, when anything changed. */
      RECOMPUTE_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(30_000),
      /** How long cached picks live if no event retires them first. */
      CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    },
    source,
  );
}

export type RecommendationsConfig = ReturnType<typeof loadRecommendationsConfig>;
