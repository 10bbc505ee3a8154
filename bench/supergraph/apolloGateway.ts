// Plain @apollo/gateway on @apollo/server with their defaults, as bench/gateway's baseline,
// plus the one thing a real supergraph needs: the caller's Authorization header forwarded
// to every subgraph (they verify the token and decide who may see what).
// `tsx apolloGateway.ts <supergraph file> <port>`
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

interface Context {
  authorization?: string;
}

const [supergraphPath, port] = process.argv.slice(2);
const server = new ApolloServer<Context>({
  gateway: new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath!, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization)
            request.http?.headers.set('authorization', context.authorization);
        },
      }),
  }),
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(port), host: '127.0.0.1' },
  context: async ({ req }) => ({
    ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
  }),
});
console.log(`apollo gateway at ${url}`);
