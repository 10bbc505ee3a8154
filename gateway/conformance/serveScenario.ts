import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Server } from '../test/fuzz/fuzzServers.ts';
import { startCineGraphGateway } from '../test/fuzz/fuzzServers.ts';
import type { ConformanceSubgraph, Scenario } from './scenario.ts';

/** The gateways a scenario is served through. */
export const GATEWAYS = ['cinegraph', 'apollo'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

/** A scenario's subgraphs on loopback ports, composed, behind the gateways asked for. */
export interface ServedScenario {
  /** The GraphQL URL of each gateway; absent when the supergraph did not compose. */
  gateways: Partial<Record<GatewayName, string>>;
  /** Composition's errors, when it refused the subgraphs. */
  compositionErrors?: string[];
  close(): Promise<void>;
}

/** Where an unavailable subgraph "listens": a port nothing binds (connection refused). */
const NOWHERE = 'http://127.0.0.1:9/graphql';

async function startSubgraph(subgraph: ConformanceSubgraph): Promise<Server> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(subgraph.typeDefs),
      resolvers: subgraph.resolvers,
    }),
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}

/**
 * Plain `@apollo/gateway` in Apollo Server, as a team would deploy it: in a process of its
 * own, where the query planner is the published one, without CineGraph's patch
 * (upstreamApolloGateway.ts).
 */
async function startApolloGateway(supergraphSdl: string): Promise<Server> {
  const child = fork(fileURLToPath(new URL('upstreamApolloGateway.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message) => resolve(String(message)));
      child.once('exit', (code) => reject(new Error(`the Apollo gateway exited (${code})`)));
      child.send(supergraphSdl);
    });
    return {
      url,
      close: async () => {
        child.disconnect();
        await exited;
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}

/**
 * Starts a scenario's subgraphs (each an Apollo Server over `@apollo/subgraph`), composes
 * them with `@apollo/composition`, and serves the supergraph through each gateway asked
 * for. CineGraph's is the one deployed (createGateway), without retries or a breaker.
 */
export async function serveScenario(
  scenario: Scenario,
  gateways: readonly GatewayName[] = GATEWAYS,
): Promise<ServedScenario> {
  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
  try {
    const urls = await Promise.all(
      scenario.subgraphs.map(async (subgraph) => {
        if (subgraph.unavailable) return NOWHERE;
        const server = await startSubgraph(subgraph);
        servers.push(server);
        return server.url;
      }),
    );
    const composed = composeServices(
      scenario.subgraphs.map((subgraph, index) => ({
        name: subgraph.name,
        typeDefs: parse(subgraph.typeDefs),
        url: urls[index]!,
      })),
    );
    if (composed.errors)
      return { gateways: {}, compositionErrors: composed.errors.map((e) => e.message), close };
    const served: Partial<Record<GatewayName, string>> = {};
    for (const name of gateways) {
      const gateway =
        name === 'cinegraph'
          ? await startCineGraphGateway(composed.supergraphSdl, 'http://127.0.0.1:9/jwks.json')
          : await startApolloGateway(composed.supergraphSdl);
      servers.push(gateway);
      served[name] = gateway.url;
    }
    return { gateways: served, close };
  } catch (error) {
    await close();
    throw error;
  }
}
