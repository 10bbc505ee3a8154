// The response cache inside the gateway's executor, against toy subgraphs, on Redis and on
// the in-process store: hits and misses, the purge race a read-through cache must close
// (a read that began before a write stores its answer after the write's purge), PRIVATE
// answers under many concurrent viewers, and a Redis that does not answer.
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { pino } from 'pino';
import { Counter, Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedis } from '@cinegraph/keyspace';
import { useRedis } from '@cinegraph/testing';
import type { ToySubgraph } from '../../e2e/support/toySubgraph.ts';
import { startToySubgraph } from '../../e2e/support/toySubgraph.ts';
import { createMemoryResponseCacheStore } from '../src/caching/memoryResponseCacheStore.ts';
import { createRedisResponseCacheStore } from '../src/caching/redisResponseCacheStore.ts';
import type { ResponseCache } from '../src/caching/responseCache.ts';
import { createResponseCache } from '../src/caching/responseCache.ts';
import type { ResponseCacheStore } from '../src/caching/responseCacheStore.ts';
import { loadGatewayConfig } from '../src/config.ts';
import type { GatewayContext } from '../src/context.ts';
import { withPlanExecution } from '../src/execution/planExecution.ts';
import type { SubgraphDataSource } from '../src/subgraphDataSource.ts';
import { createTestDataSource } from './support/testDataSource.ts';

const cacheControl = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
    @link(url: "https://cinegraph.dev/cacheControl/v0.1", import: ["@cacheControl"])
    @composeDirective(name: "@cacheControl")
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  enum CacheControlScope { PUBLIC PRIVATE }
`;
const library = parse(`${cacheControl}
  type Book @key(fields: "id") @cacheControl(maxAge: 60) {
    id: ID!
    title: String!
    shelf: Shelf!
  }
  type Shelf @cacheControl(maxAge: 60) { label: String! }
  type Query {
    book(id: ID!): Book
    books: [Book!]!
    "Who is asking: differs per viewer."
    whoami: String @cacheControl(maxAge: 60, scope: PRIVATE)
    clock: String
  }
  type Mutation { renameBook(id: ID!, title: String!): Book! }
`);
const reviews = parse(`${cacheControl}
  type Book @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! stars: Int! }
`);

const titles = new Map([
  ['b1', 'Dune'],
  ['b2', 'Emma'],
]);
/** While set, a read of a book's title takes the title, then waits for `release`. */
let held: { reached: () => void; release: Promise<void> } | undefined;
let executions = 0;

/** Fails after `ms` instead of waiting for ever (a cached answer never reaches the subgraph). */
const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms).unref(),
    ),
  ]);

/** The API schema of a supergraph, as the gateway serves it. */
const buildApiSchema = (sdl: string) => Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();

const viewerOf = (authorization: string | undefined) =>
  authorization?.replace(/^Bearer /, '') ?? null;

describe.each(['redis', 'memory'] as const)('the response cache on %s', (kind) => {
  const { redis } = useRedis();
  const subgraphs: ToySubgraph[] = [];
  const closers: (() => Promise<void>)[] = [];
  const registry = new Registry();
  const counter = (name: string, labelNames: string[]) =>
    new Counter({ name: `${kind}_${name}`, help: name, labelNames, registers: [registry] });
  const metrics = {
    lookups: counter('lookups', ['outcome']) as Counter<'outcome'>,
    purges: counter('purges', ['source', 'outcome']) as Counter<'source' | 'outcome'>,
  };
  let supergraphSdl: string;

  const lookups = async (outcome: string) =>
    (await metrics.lookups.get()).values.find((value) => value.labels['outcome'] === outcome)
      ?.value ?? 0;

  /** A gateway (Apollo Server and the plan executor) with a response cache on `store`. */
  async function startGateway(store: ResponseCacheStore) {
    const settings = loadGatewayConfig({}, '/nonexistent-cinegraph-folder').responseCache;
    const cache: ResponseCache = createResponseCache({
      settings,
      store,
      logger: pino({ level: 'silent' }),
      metrics,
    });
    const sources = new Map<string, SubgraphDataSource>();
    const gateway = new ApolloGateway({
      supergraphSdl,
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
        sources.set(name, source);
        closers.push(() => source.close());
        return source;
      },
    });
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) =>
      cache.useSupergraph(apiSchema, coreSupergraphSdl),
    );
    const server = new ApolloServer<GatewayContext>({
      gateway: withPlanExecution(gateway, {
        subgraphs: sources,
        maxOperations: 100,
        executions: counter(`executions_${closers.length}`, ['executor']) as Counter<'executor'>,
        lookups: counter(`prepared_${closers.length}`, ['outcome']) as Counter<'outcome'>,
        responseCache: cache,
      }),
    });
    await server.start();
    closers.push(
      () => server.stop(),
      () => store.close(),
    );
    return {
      cache,
      async run<Data>(
        query: string,
        options: { variables?: Record<string, unknown>; viewer?: string } = {},
      ): Promise<{ data?: Data; errors?: unknown[] }> {
        const response = await server.executeOperation(
          { query, ...(options.variables ? { variables: options.variables } : {}) },
          {
            contextValue: {
              viewer: options.viewer ? { id: options.viewer, role: 'USER' } : null,
              ...(options.viewer ? { authorization: `Bearer ${options.viewer}` } : {}),
              requestId: 'response-cache-test',
              forwardedFor: '127.0.0.1',
              clientName: 'test',
            },
          },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        return response.body.singleResult as { data?: Data; errors?: unknown[] };
      },
    };
  }

  const storeOf = (): ResponseCacheStore =>
    kind === 'redis'
      ? createRedisResponseCacheStore(redis, 120_000)
      : createMemoryResponseCacheStore({ tagTtlMs: 120_000, maxBytes: 1_000_000 });

  beforeAll(async () => {
    // The library reads who asks from the forwarded Authorization header.
    const libraryServer = new ApolloServer<{ authorization?: string }>({
      schema: buildSubgraphSchema({
        typeDefs: library,
        resolvers: {
          Query: {
            book: async (_: unknown, { id }: { id: string }) => {
              executions++;
              const title = titles.get(id);
              const hold = held;
              if (hold) {
                hold.reached();
                await hold.release;
              }
              return title === undefined ? null : { id, title };
            },
            books: () => [...titles].map(([id, title]) => ({ id, title })),
            whoami: (_: unknown, __: unknown, context: { authorization?: string }) =>
              `viewer ${viewerOf(context.authorization)}`,
            clock: () => new Date().toISOString(),
          },
          Book: {
            __resolveReference: (ref: { id: string }) => ({
              id: ref.id,
              title: titles.get(ref.id),
            }),
            shelf: (book: { id: string }) => ({ label: `shelf of ${book.id}` }),
          },
          Mutation: {
            renameBook: (_: unknown, { id, title }: { id: string; title: string }) => {
              titles.set(id, title);
              return { id, title };
            },
          },
        } as never,
      }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const { url: libraryUrl } = await startStandaloneServer(libraryServer, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) =>
        req.headers.authorization ? { authorization: req.headers.authorization } : {},
    });
    subgraphs.push(
      { url: libraryUrl, stop: () => libraryServer.stop() },
      await startToySubgraph(reviews, {
        Book: { __resolveReference: (ref: { id: string }) => ({ ...ref, stars: ref.id.length }) },
      }),
    );
    const composed = composeServices([
      { name: 'library', typeDefs: library, url: subgraphs[0]!.url },
      { name: 'reviews', typeDefs: reviews, url: subgraphs[1]!.url },
    ]);
    if (composed.errors) throw composed.errors[0];
    supergraphSdl = composed.supergraphSdl;
  });

  beforeEach(() => {
    titles.set('b1', 'Dune').set('b2', 'Emma');
  });

  afterEach(() => {
    held = undefined;
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  });

  const BOOK = 'query Book($id: ID!) { book(id: $id) { title stars shelf { label } } }';

  it('answers the second read from the cache, never sharing the answer object', async () => {
    const gateway = await startGateway(storeOf());
    const [misses, hits, before] = [await lookups('miss'), await lookups('hit'), executions];
    const first = await gateway.run<{ book: { title: string } }>(BOOK, { variables: { id: 'b2' } });
    expect(first).toEqual({
      data: { book: { title: 'Emma', stars: 2, shelf: { label: 'shelf of b2' } } },
    });
    first.data!.book.title = 'changed by its reader';
    await expect
      .poll(async () => (await gateway.run(BOOK, { variables: { id: 'b2' } })).data)
      .toEqual({ book: { title: 'Emma', stars: 2, shelf: { label: 'shelf of b2' } } });
    expect(await lookups('miss')).toBe(misses + 1);
    expect(await lookups('hit')).toBeGreaterThan(hits);
    expect(executions).toBe(before + 1);
    // Another variable value, another entry; an uncacheable field, no lookup at all.
    await gateway.run(BOOK, { variables: { id: 'b1' } });
    expect(await lookups('miss')).toBe(misses + 2);
    await gateway.run('{ clock }');
    expect(await lookups('miss')).toBe(misses + 2);
  });

  it('never serves, after a write, an answer read before it, even one stored after the purge', async () => {
    const gateway = await startGateway(storeOf());
    const read = () => gateway.run<{ book: { title: string } }>(BOOK, { variables: { id: 'b1' } });
    const list = () => gateway.run<{ books: { title: string }[] }>('{ books { id title } }');
    titles.set('b1', 'Dune');
    expect((await read()).data!.book.title).toBe('Dune');
    expect((await list()).data!.books[0]!.title).toBe('Dune');

    // A reader takes the title from the subgraph, then stalls before it can store it. Two
    // ways it could be served after the next write: its entry, stored after that write's
    // purge; or its fetch, joined by a reader that looked up after the purge (in-flight
    // deduplication), whose entry would then look newer than its data.
    let reached!: () => void;
    let release!: () => void;
    const atSubgraph = new Promise<void>((resolve) => (reached = resolve));
    held = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
    await gateway.run('mutation { renameBook(id: "b1", title: "Dune Messiah") { id } }');
    // (Purged: the next reader executes and is held at the subgraph with the new title.)
    const slow = read();
    await within(atSubgraph, 5_000, 'the reader to reach the subgraph');
    held = undefined;
    const stale = await lookups('stale');
    // The write lands and is purged while the reader is still out.
    await gateway.run('mutation { renameBook(id: "b1", title: "Children of Dune") { title } }');
    expect((await read()).data!.book.title).toBe('Children of Dune');
    expect((await list()).data!.books[0]!.title).toBe('Children of Dune');
    release();
    // It answers what it read, and stores it; nobody is served that entry.
    expect((await slow).data!.book.title).toBe('Dune Messiah');
    await expect
      .poll(async () => {
        const title = (await read()).data!.book.title;
        expect(title).toBe('Children of Dune');
        return lookups('stale');
      })
      .toBeGreaterThan(stale);
    expect((await read()).data!.book.title).toBe('Children of Dune');
  });

  it('keeps each PRIVATE answer for its viewer, with many viewers at once', async () => {
    const gateway = await startGateway(storeOf());
    const viewers = Array.from({ length: 40 }, (_, index) => `v${index}`);
    const hits = await lookups('hit');
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        viewers.flatMap((viewer) =>
          [0, 1, 2].map(async () => ({
            viewer,
            answer: await gateway.run<{ whoami: string }>('{ whoami }', { viewer }),
          })),
        ),
      );
      for (const { viewer, answer } of answers)
        expect(answer.data!.whoami).toBe(`viewer ${viewer}`);
    }
    expect(await lookups('hit')).toBeGreaterThan(hits);
    // An anonymous caller is never answered from, nor stored in, the cache.
    const lookupsBefore = (await metrics.lookups.get()).values.reduce((sum, v) => sum + v.value, 0);
    expect((await gateway.run('{ whoami }')).data).toEqual({ whoami: 'viewer null' });
    const lookupsAfter = (await metrics.lookups.get()).values.reduce((sum, v) => sum + v.value, 0);
    expect(lookupsAfter).toBe(lookupsBefore);
  });

  it('does not forget a purge that failed: the entries it should have retired are', async () => {
    const inner = storeOf();
    let failPurge = false;
    const gateway = await startGateway({
      ...inner,
      purge: (tags) => (failPurge ? Promise.reject(new Error('unreachable')) : inner.purge(tags)),
    });
    titles.set('b2', 'Emma');
    const read = () => gateway.run<{ book: { title: string } }>(BOOK, { variables: { id: 'b2' } });
    expect((await read()).data!.book.title).toBe('Emma');
    await expect.poll(async () => lookups('hit')).toBeGreaterThan(0);
    failPurge = true;
    await gateway.run('mutation { renameBook(id: "b2", title: "Persuasion") { id } }');
    failPurge = false;
    expect((await read()).data!.book.title).toBe('Persuasion');
  });
});

describe('the response cache with Redis unreachable', () => {
  it('answers every request at once, and counts the bypass', async () => {
    const logger = pino({ level: 'silent' });
    const redis = createRedis('redis://127.0.0.1:1', { name: 'response-cache-test', logger });
    const store = createRedisResponseCacheStore(redis, 120_000);
    const lookups = new Counter({
      name: 'down_lookups',
      help: 'l',
      labelNames: ['outcome'] as const,
      registers: [],
    });
    const purges = new Counter({
      name: 'down_purges',
      help: 'p',
      labelNames: ['source', 'outcome'] as const,
      registers: [],
    });
    const cache = createResponseCache({
      settings: loadGatewayConfig({}, '/nonexistent-cinegraph-folder').responseCache,
      store,
      logger,
      metrics: { lookups, purges },
    });
    const composed = composeServices([
      { name: 'library', typeDefs: library, url: 'http://127.0.0.1:1/graphql' },
    ]);
    const apiSchema = buildApiSchema(composed.supergraphSdl!);
    cache.useSupergraph(apiSchema, composed.supergraphSdl!);
    const prepared = cache.prepare(apiSchema, parse('{ books { title } }'), undefined)!;
    expect(prepared.policy).toEqual({ maxAge: 60, scope: 'PUBLIC' });

    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const answer = await prepared.serve(
        { request: {}, context: { viewer: null, clientName: 'test' } } as never,
        async () => ({ data: { books: [{ title: 'Dune' }] } }),
      );
      expect(answer).toEqual({ data: { books: [{ title: 'Dune' }] } });
    }
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await lookups.get()).values).toEqual([
      expect.objectContaining({ labels: { outcome: 'bypass' }, value: 3 }),
    ]);
    // A write's purge cannot land either: counted, and the cache stays bypassed after.
    await cache.purge(['Book:b1'], 'mutation');
    expect((await purges.get()).values).toEqual([
      expect.objectContaining({ labels: { source: 'mutation', outcome: 'failed' }, value: 1 }),
    ]);
    await store.close();
    redis.disconnect();
  });
});
