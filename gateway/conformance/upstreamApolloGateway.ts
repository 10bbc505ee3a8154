// Plain @apollo/gateway as its users run it, with the query planner as published: the
// conformance runner's reference column. CineGraph's install patches
// @apollo/query-planner, and @apollo/gateway would load the patched copy too; this
// process loads the unpatched one (upstreamPlanner.ts, imported before anything else).
//
// Forked by serveScenario.ts: takes the supergraph SDL in a message, answers with the URL
// it serves on, and stops when its parent disconnects (stopped it or went away).
import './upstreamPlanner.ts';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const supergraphSdl = await new Promise<string>((resolved) =>
  process.once('message', (message) => resolved(String(message))),
);
const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl }),
  includeStacktraceInErrorResponses: false,
});
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.send!(url);
process.once('disconnect', () => void server.stop().finally(() => process.exit(0)));
