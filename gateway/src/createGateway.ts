import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import type { Runnable } from '@cinegraph/service-kit';
import {
  ConfigError,
  createAccessTokenVerifier,
  createLogger,
  createService,
} from '@cinegraph/service-kit';
import type { GatewayConfig } from './config.ts';
import type { GatewayContext } from './context.ts';
import { createContext } from './context.ts';
import { SubgraphDataSource } from './subgraphDataSource.ts';

/**
 * The CineGraph router: serves any supergraph SDL through @apollo/gateway's planner and
 * executor, verifying access tokens at the edge.
 */
export async function createGateway(config: GatewayConfig): Promise<Runnable> {
  const supergraphPath = path.resolve(config.SUPERGRAPH_PATH);
  const supergraphSdl = await readFile(supergraphPath, 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      throw new ConfigError(
        `SUPERGRAPH_PATH: cannot read ${supergraphPath} (${error.code ?? error.message})`,
      );
    },
  );
  const routingUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const target = config.SUBGRAPH_URLS[name] ?? url;
      if (!target)
        throw new Error(
          `The supergraph gives subgraph "${name}" no routing URL; set SUBGRAPH_URLS.`,
        );
      routingUrls.set(name, target);
      return new SubgraphDataSource({ url: target });
    },
  });

  const service = await createService<GatewayContext>({
    name: 'gateway',
    logger: createLogger('gateway', config.LOG_LEVEL),
    trustProxy: config.TRUST_PROXY,
    apollo: { gateway, introspection: config.INTROSPECTION },
    authenticate: createAccessTokenVerifier(new URL(config.JWKS_URL)),
    context: createContext,
    readiness: {
      subgraphs: async () => {
        const down: string[] = [];
        await Promise.all(
          [...routingUrls].map(async ([name, url]) => {
            const ok = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ __typename }' }),
              signal: AbortSignal.timeout(1_500),
            }).then(
              (response) => response.ok,
              () => false,
            );
            if (!ok) down.push(name);
          }),
        );
        if (down.length) throw new Error(`subgraphs not answering: ${down.join(', ')}`);
      },
    },
  });
  service.app.log.info(
    { supergraph: supergraphPath, subgraphs: Object.fromEntries(routingUrls) },
    'supergraph loaded',
  );
  return { service, port: config.PORT, host: config.HOST };
}
