import { z } from 'zod';
import { env, loadConfig } from '@cinegraph/service-kit';

/** `users=http://127.0.0.1:5001/graphql,movies=...` → { users: 'http://...' } */
const subgraphUrls = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const urls: Record<string, string> = {};
    for (const pair of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [name, url] = pair.split(/=(.*)/s);
      if (!name || !url || !URL.canParse(url)) {
        ctx.addIssue({ code: 'custom', message: `"${pair}" is not name=url` });
        return z.NEVER;
      }
      urls[name] = url;
    }
    return urls;
  });

export function loadGatewayConfig(source: Record<string, string | undefined>) {
  return loadConfig(
    {
      PORT: env.port(4000),
      HOST: env.host(),
      LOG_LEVEL: env.logLevel(),
      TRUST_PROXY: env.trustProxy(),
      /** The composed supergraph SDL to serve. */
      SUPERGRAPH_PATH: z.string().min(1).default('supergraph.graphql'),
      /** Overrides of the routing URLs written in the supergraph, by subgraph name. */
      SUBGRAPH_URLS: subgraphUrls,
      /** The JWKS that access tokens are verified against. */
      JWKS_URL: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      INTROSPECTION: env.boolean(true),
    },
    source,
  );
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
