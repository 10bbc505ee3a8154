import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';

export interface ToySubgraph {
  url: string;
  stop(): Promise<void>;
}

/** A small subgraph on a free loopback port, for tests of the gateway on other supergraphs. */
export async function startToySubgraph(
  typeDefs: DocumentNode,
  resolvers: GraphQLResolverMap<unknown>,
): Promise<ToySubgraph> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** The planets both toy supergraphs start from. */
export const planetList = () => [
  { id: 'earth', name: 'Earth' },
  { id: 'mars', name: 'Mars' },
];
