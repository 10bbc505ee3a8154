import { eventsEnv } from '@cinegraph/events';
import { env, loadConfig, subgraphEnv } from '@cinegraph/service-kit';

export function loadWatchlistsConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      ...subgraphEnv,
      ...eventsEnv,
      PORT: env.port(4004),
      /** The users subgraph's JWKS, to verify access tokens. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      /** The movies subgraph, read once at start-up to learn which movies exist. */
      MOVIES_URL: env.httpUrl().default('http://127.0.0.1:4002/graphql'),
    },
    source,
  );
}

export type WatchlistsConfig = ReturnType<typeof loadWatchlistsConfig>;
