// Plain @apollo/gateway on @apollo/server with their defaults: the baseline.
// `tsx apolloGateway.ts <supergraph file> <port>`
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphPath, port] = process.argv.slice(2);
const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath!, 'utf8') }),
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(port), host: '127.0.0.1' },
});
console.log(`apollo gateway at ${url}`);
