import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadMoviesConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4002),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /** How long a cached movie lives if no update retires it first. */
      CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    },
    source,
  );
}

export type MoviesConfig = ReturnType<typeof loadMoviesConfig>;
