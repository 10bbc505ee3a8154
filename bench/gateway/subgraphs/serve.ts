// One benchmark subgraph per process: `tsx serve.ts <name> <port>`.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { benchSubgraphs } from './schemas.ts';

const [name, port] = process.argv.slice(2);
const subgraph = benchSubgraphs.find((s) => s.name === name);
if (!subgraph || !port)
  throw new Error('usage: serve.ts <accounts|inventory|products|reviews> <port>');
const server = new ApolloServer({
  schema: buildSubgraphSchema({
    typeDefs: parse(subgraph.typeDefs),
    resolvers: subgraph.resolvers,
  }),
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(port), host: '127.0.0.1' },
});
console.log(`${name} subgraph at ${url}`);
