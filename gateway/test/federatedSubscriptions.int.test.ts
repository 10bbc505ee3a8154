import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { ExecutionResult } from 'graphql';
import { parse } from 'graphql';
import type { FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { pino } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../src/context.ts';
import { withPlanExecution } from '../src/execution/planExecution.ts';
import type { SubgraphDataSource } from '../src/subgraphDataSource.ts';
import type { FederatedSubscriptions } from '../src/subscriptions/federatedSubscriptions.ts';
import { createFederatedSubscriptions } from '../src/subscriptions/federatedSubscriptions.ts';
import type { UpstreamSubscriptions } from '../src/subscriptions/upstreamSubscriptions.ts';
import { viewerDependenceFromHints } from '../src/subscriptions/viewerDependence.ts';
import { createTestDataSource } from './support/testDataSource.ts';

// Which subscribers share an upstream stream and the joins of its events, decided by the
// supergraph's @cacheControl hints: a toy supergraph whose `seats` subgraph streams seat
// changes (its stream is played by the test) and whose `shows` subgraph, a real server,
// answers a public field (`title`) and a PRIVATE one (`viewerLikes`, from the caller's token).

const cacheControl = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
    @link(url: "https://cinegraph.dev/cache-control/v1.0", import: ["@cacheControl"])
    @composeDirective(name: "@cacheControl")
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;
const seats = parse(`${cacheControl}
  type Show @key(fields: "id", resolvable: false) { id: ID! }
  type SeatChange {
    free: Int!
    "How many of the seats the viewer holds: the stream itself depends on the viewer."
    viewerHolds: Int! @cacheControl(scope: PRIVATE)
    show: Show!
  }
  type Query { seatsReady: Boolean }
  type Subscription { seatsChanged(showId: ID!): SeatChange! }
`);
const shows = parse(`${cacheControl}
  type Show @key(fields: "id") {
    id: ID!
    title: String!
    viewerLikes: Boolean! @cacheControl(scope: PRIVATE)
  }
`);

const PUBLIC_JOIN =
  'subscription Seats($showId: ID!) { seatsChanged(showId: $showId) { free show { title } } }';
const PRIVATE_JOIN =
  'subscription Liked($showId: ID!) { seatsChanged(showId: $showId) { free show { title viewerLikes } } }';
const PRIVATE_PRIMARY =
  'subscription Mine($showId: ID!) { seatsChanged(showId: $showId) { free viewerHolds show { title } } }';

/** The seat streams the gateway opened, played by the test. */
interface PlayedStream {
  subgraph: string;
  payload: SubscribePayload;
  authorization: string | undefined;
  sink: Sink<FormattedExecutionResult<Record<string, unknown>, unknown>>;
  stopped: boolean;
}

const unregistered = { registers: [] };
const gauge = (name: string, label: string) =>
  new Gauge({ name, help: name, labelNames: [label], ...unregistered });
const counter = (name: string) =>
  new Counter({ name, help: name, labelNames: ['transport'], ...unregistered });

const viewer = (id: string): GatewayContext => ({
  viewer: { id, role: 'USER' },
  authorization: `Bearer ${id}`,
  requestId: `request-${id}`,
  forwardedFor: '127.0.0.1',
  clientName: 'test',
});
const anonymous: GatewayContext = {
  viewer: null,
  requestId: 'request-anonymous',
  forwardedFor: '127.0.0.1',
  clientName: 'test',
};

describe('federated subscriptions share what does not depend on the viewer', () => {
  let showsServer: ApolloServer;
  let gatewayServer: ApolloServer<GatewayContext>;
  let subscriptions: FederatedSubscriptions;
  const dataSources: SubgraphDataSource[] = [];
  const played: PlayedStream[] = [];
  /** The Authorization of each request `shows` received (null: none). */
  const showsCalls: (string | null)[] = [];
  const slowReaders: string[] = [];

  beforeAll(async () => {
    showsServer = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: shows,
        resolvers: {
          Show: {
            __resolveReference: (show: { id: string }) => ({ ...show, title: `Show ${show.id}` }),
            // Only Ada likes it; anonymous callers like nothing.
            viewerLikes: (_show: unknown, _args: unknown, context: unknown) =>
              (context as { authorization?: string }).authorization === 'Bearer ada',
          },
        },
      }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const { url: showsUrl } = await startStandaloneServer(showsServer, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => {
        const { authorization } = req.headers;
        showsCalls.push(authorization ?? null);
        return authorization ? { authorization } : {};
      },
    });
    const composed = composeServices([
      { name: 'seats', typeDefs: seats, url: 'http://127.0.0.1:9/graphql' },
      { name: 'shows', typeDefs: shows, url: showsUrl },
    ]);
    if (composed.errors) throw composed.errors[0];

    const lean = new Map<string, SubgraphDataSource>();
    const planExecution = withPlanExecution(
      new ApolloGateway({
        supergraphSdl: composed.supergraphSdl,
        buildService: ({ name, url }) => {
          const source = createTestDataSource({
            name,
            url: url!,
            policy: {
              timeoutMs: 2_000,
              retries: 0,
              breakerFailures: 50,
              breakerHalfOpenAfterMs: 1_000,
            },
            dedupeQueries: true,
          });
          lean.set(name, source);
          dataSources.push(source);
          return source;
        },
      }),
      {
        subgraphs: lean,
        maxOperations: 100,
        executions: new Counter({
          name: 'e',
          help: 'e',
          labelNames: ['executor'],
          ...unregistered,
        }),
        lookups: new Counter({ name: 'l', help: 'l', labelNames: ['outcome'], ...unregistered }),
      },
    );
    const upstreams: UpstreamSubscriptions = {
      subscribe(subgraph, payload, authorization, sink) {
        const stream: PlayedStream = { subgraph, payload, authorization, sink, stopped: false };
        played.push(stream);
        // A stream that cannot open fails at once, as one with no routing URL does.
        if (payload.variables?.['showId'] === 'nowhere') sink.error(new Error('no routing URL'));
        return () => {
          stream.stopped = true;
        };
      },
      close: async () => {},
    };
    subscriptions = createFederatedSubscriptions({
      planning: planExecution.subscriptions,
      upstreams,
      // Registered before the supergraph loads, as the gateway does.
      isViewerDependent: viewerDependenceFromHints(planExecution),
      logger: pino({ level: 'silent' }),
      maxBacklog: 3,
      metrics: {
        active: gauge('active', 'transport'),
        started: counter('started'),
        delivered: counter('delivered'),
        slowReaders: counter('slow'),
      },
    });
    gatewayServer = new ApolloServer<GatewayContext>({ gateway: planExecution });
    await gatewayServer.start();
  });

  afterAll(async () => {
    subscriptions?.completeAll();
    await gatewayServer?.stop();
    await Promise.all(dataSources.map((source) => source.close()));
    await showsServer?.stop();
  });

  /** A client's subscription, with what it receives as it arrives. */
  function subscribe(query: string, context: GatewayContext, showId = 's1') {
    const document = parse(query);
    const stream = subscriptions.subscribe({
      document,
      operationName: undefined,
      variables: { showId },
      context,
      transport: 'ws',
      onSlowReader: () => slowReaders.push(context.requestId),
    });
    if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream.errors));
    const received: ExecutionResult[] = [];
    let ended = false;
    const reading = (async () => {
      for await (const result of stream) received.push(result);
      ended = true;
    })();
    return {
      received,
      reading,
      isEnded: () => ended,
      leave: () => stream.return?.(),
      /** An iterator nobody reads: its events pile up. */
      stream,
    };
  }

  /** The seat stream's next event, as the `seats` subgraph would send it. */
  const seatEvent = (stream: PlayedStream, free: number) =>
    stream.sink.next({
      data: {
        seatsChanged: { free, viewerHolds: 0, show: { __typename: 'Show', id: 's1' } },
      },
    });

  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('opens one anonymous upstream stream for signed-in and anonymous subscribers alike, and joins each event once', async () => {
    played.length = 0;
    showsCalls.length = 0;
    const clients = [viewer('ada'), viewer('bob'), viewer('cy'), anonymous].map((context) =>
      subscribe(PUBLIC_JOIN, context),
    );
    expect(played).toHaveLength(1);
    const [stream] = played;
    expect(stream!.authorization).toBeUndefined();
    expect(stream!.payload.variables).toEqual({ showId: 's1' });

    for (const free of [10, 9, 8]) seatEvent(stream!, free);
    await until(() => clients.every((client) => client.received.length === 3), 'three events');
    for (const client of clients)
      expect(client.received.map((result) => result.data)).toEqual(
        [10, 9, 8].map((free) => ({ seatsChanged: { free, show: { title: 'Show s1' } } })),
      );
    // One join per event, carrying nobody's token.
    expect(showsCalls).toEqual([null, null, null]);
    // What one client received is the others' too, frozen.
    expect(clients[0]!.received[0]).toBe(clients[1]!.received[0]);
    expect(Object.isFrozen(clients[0]!.received[0]!.data)).toBe(true);

    for (const client of clients) await client.leave();
    expect(stream!.stopped).toBe(true);
  });

  it('joins a PRIVATE field per viewer, with its token, on the same upstream stream as everyone', async () => {
    played.length = 0;
    showsCalls.length = 0;
    const everyone = subscribe(PUBLIC_JOIN, viewer('cy'));
    const ada = subscribe(PRIVATE_JOIN, viewer('ada'));
    const bob = subscribe(PRIVATE_JOIN, viewer('bob'));
    const adaAgain = subscribe(PRIVATE_JOIN, viewer('ada'));
    const nobody = subscribe(PRIVATE_JOIN, anonymous);
    // The primary fetch selects the same for both operations: one stream.
    expect(played).toHaveLength(1);
    expect(played[0]!.authorization).toBeUndefined();

    for (const free of [7, 6]) seatEvent(played[0]!, free);
    const all = [everyone, ada, bob, adaAgain, nobody];
    await until(() => all.every((client) => client.received.length === 2), 'two events each');
    const liked = (client: (typeof all)[number]) =>
      client.received.map(
        (result) =>
          (result.data as { seatsChanged: { show: { viewerLikes: boolean } } }).seatsChanged.show
            .viewerLikes,
      );
    expect(liked(ada)).toEqual([true, true]);
    expect(liked(adaAgain)).toEqual([true, true]);
    expect(liked(bob)).toEqual([false, false]);
    expect(liked(nobody)).toEqual([false, false]);
    expect(everyone.received.map((result) => result.data)).toEqual(
      [7, 6].map((free) => ({ seatsChanged: { free, show: { title: 'Show s1' } } })),
    );
    // Per event: the public join once (no token), then one per viewer (Ada's two clients
    // are one viewer; anonymous callers are one too).
    expect(showsCalls.filter((call) => call === null)).toHaveLength(4);
    expect(showsCalls.filter((call) => call === 'Bearer ada')).toHaveLength(2);
    expect(showsCalls.filter((call) => call === 'Bearer bob')).toHaveLength(2);

    for (const client of all) await client.leave();
    expect(played[0]!.stopped).toBe(true);
  });

  it('keeps one upstream stream per viewer when the subscription itself selects a PRIVATE field', async () => {
    played.length = 0;
    const ada = subscribe(PRIVATE_PRIMARY, viewer('ada'));
    const adaAgain = subscribe(PRIVATE_PRIMARY, viewer('ada'));
    const bob = subscribe(PRIVATE_PRIMARY, viewer('bob'));
    expect(played.map((stream) => stream.authorization)).toEqual(['Bearer ada', 'Bearer bob']);
    seatEvent(played[0]!, 5);
    await until(() => ada.received.length === 1 && adaAgain.received.length === 1, 'Ada’s event');
    expect(bob.received).toEqual([]);
    for (const client of [ada, adaAgain, bob]) await client.leave();
    expect(played.every((stream) => stream.stopped)).toBe(true);
  });

  it('cuts off a client that stopped reading without holding up the others', async () => {
    played.length = 0;
    slowReaders.length = 0;
    const reader = subscribe(PRIVATE_JOIN, viewer('bob'));
    const stalled = subscriptions.subscribe({
      document: parse(PRIVATE_JOIN),
      operationName: undefined,
      variables: { showId: 's1' },
      context: viewer('dee'),
      transport: 'ws',
      onSlowReader: () => slowReaders.push('dee'),
    }) as AsyncIterableIterator<ExecutionResult>;
    for (let free = 20; free > 14; free--) seatEvent(played[0]!, free);
    await until(() => reader.received.length === 6, 'six events');
    expect(slowReaders).toEqual(['dee']);
    expect((await stalled.next()).done).toBe(true);
    await reader.leave();
    expect(played[0]!.stopped).toBe(true);
  });

  it('ends every subscriber of a stream that failed with an error, and opens a new one for the next', async () => {
    played.length = 0;
    const ada = subscribe(PRIVATE_JOIN, viewer('ada'));
    const bob = subscribe(PUBLIC_JOIN, viewer('bob'));
    played[0]!.sink.error(new Error('socket closed'));
    await Promise.all([ada.reading, bob.reading]);
    for (const client of [ada, bob])
      expect(client.received.map((result) => result.errors?.[0]?.extensions?.['code'])).toEqual([
        'SUBGRAPH_UNAVAILABLE',
      ]);
    const again = subscribe(PUBLIC_JOIN, viewer('bob'));
    expect(played).toHaveLength(2);
    await again.leave();

    // Failing before the client is even placed on it: the client hears of it all the same.
    const early = subscribe(PUBLIC_JOIN, viewer('ada'), 'nowhere');
    await early.reading;
    expect(early.received[0]!.errors![0]!.extensions['code']).toBe('SUBGRAPH_UNAVAILABLE');
  });
});
