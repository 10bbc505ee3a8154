import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { parse } from 'graphql';
import { pino } from 'pino';
import { Counter } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../config.ts';
import { createMemoryResponseCacheStore } from './memoryResponseCacheStore.ts';
import type { ResponseCacheSettings } from './responseCache.ts';
import { createResponseCache } from './responseCache.ts';

const sdl = parse(`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
    @link(url: "https://cinegraph.dev/cacheControl/v0.1", import: ["@cacheControl"])
    @composeDirective(name: "@cacheControl")
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  enum CacheControlScope { PUBLIC PRIVATE }
  type Movie @key(fields: "id") @cacheControl(maxAge: 60) {
    id: ID!
    title: String!
    mine: Boolean! @cacheControl(scope: PRIVATE)
  }
  type Query { movie(id: ID!): Movie movies(first: Int): [Movie!]! }
  type Mutation { rename(id: ID!, title: String!): Movie! }
  type Subscription { renamed: Movie! }
`);
const composed = composeServices([{ name: 'catalog', typeDefs: sdl, url: 'http://catalog' }]);
const supergraphSdl = composed.supergraphSdl!;
const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

function setUp(settings: Partial<ResponseCacheSettings> = {}) {
  const store = createMemoryResponseCacheStore({ tagTtlMs: 60_000, maxBytes: 100_000 });
  const purged: string[][] = [];
  const lookups = new Counter({ name: 'l', help: 'l', labelNames: ['outcome'], registers: [] });
  const cache = createResponseCache({
    settings: {
      ...loadGatewayConfig({}, '/nonexistent-cinegraph-folder').responseCache,
      ...settings,
    },
    store: {
      ...store,
      purge: (tags) => {
        purged.push([...tags].sort());
        return store.purge(tags);
      },
    },
    logger: pino({ level: 'silent' }),
    metrics: {
      lookups,
      purges: new Counter({
        name: 'p',
        help: 'p',
        labelNames: ['source', 'outcome'],
        registers: [],
      }),
    },
  });
  cache.useSupergraph(apiSchema, supergraphSdl);
  const prepare = (query: string, operationName?: string) =>
    cache.prepare(apiSchema, parse(query), operationName);
  const outcomes = async () =>
    Object.fromEntries((await lookups.get()).values.map((v) => [v.labels['outcome'], v.value]));
  return { cache, prepare, purged, outcomes };
}

const request = (
  options: { viewer?: string; client?: string; variables?: Record<string, unknown> } = {},
) =>
  ({
    request: { variables: options.variables ?? {} },
    context: {
      viewer: options.viewer ? { id: options.viewer, role: 'USER' } : null,
      clientName: options.client ?? 'web',
    },
  }) as unknown as GatewayGraphQLRequestContext;

/** An execution whose answer says how many executions there were. */
function counting() {
  let runs = 0;
  return {
    runs: () => runs,
    execute: async (merged: Record<string, unknown>) => {
      runs++;
      merged['movie'] = { _cgType: 'Movie', _cgKey_id: '1', title: `run ${runs}` };
      return { data: { movie: { title: `run ${runs}` } } };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the response cache', () => {
  it('prepares queries by their hints and the overrides, and leaves subscriptions alone', () => {
    const { prepare } = setUp({
      maxTtlSeconds: 45,
      types: { 'Movie.title': { maxAge: 10, enabled: true } },
      operations: { Off: { enabled: false }, Long: { maxAge: 3_600, enabled: true } },
    });
    expect(prepare('{ movie(id: 1) { id } }')!.policy).toEqual({ maxAge: 45, scope: 'PUBLIC' });
    expect(prepare('{ movie(id: 1) { title } }')!.policy).toEqual({ maxAge: 10, scope: 'PUBLIC' });
    expect(prepare('{ movie(id: 1) { mine } }')!.policy).toEqual({ maxAge: 45, scope: 'PRIVATE' });
    expect(prepare('query Off { movie(id: 1) { id } }', 'Off')).toBeUndefined();
    expect(prepare('query Long { movie(id: 1) { id } }', 'Long')!.policy.maxAge).toBe(45);
    expect(prepare('subscription { renamed { id } }')).toBeUndefined();
    expect(prepare('mutation { rename(id: 1, title: "x") { id } }')!.policy.maxAge).toBe(0);
  });

  it('caches no answer holding a type that is switched off', () => {
    const { prepare } = setUp({ types: { Movie: { enabled: false } } });
    expect(prepare('{ movie(id: 1) { id } }')).toBeUndefined();
    expect(prepare('{ movies { id } }')).toBeUndefined();
  });

  it('keys on the variables (in any order), the client, and for PRIVATE the viewer', async () => {
    const { prepare, outcomes } = setUp();
    const page = prepare('query ($id: ID!, $x: Int) { movie(id: $id) { title } }')!;
    const mine = prepare('{ movie(id: 1) { title mine } }')!;
    const run = counting();
    const serve = async (operation: typeof page, options: Parameters<typeof request>[0]) => {
      const answer = await operation.serve(request(options), run.execute);
      await settle();
      return answer;
    };
    await serve(page, { variables: { id: '1', x: 1 } });
    expect(await serve(page, { variables: { x: 1, id: '1' } })).toEqual({
      data: { movie: { title: 'run 1' } },
    });
    await serve(page, { variables: { id: '2', x: 1 } });
    await serve(page, { variables: { id: '1', x: 1 }, client: 'mobile' });
    expect(run.runs()).toBe(3);
    // PUBLIC: one answer for every viewer of a client.
    await serve(page, { variables: { id: '1', x: 1 }, viewer: 'ada' });
    expect(run.runs()).toBe(3);

    await serve(mine, { viewer: 'ada' });
    expect(await serve(mine, { viewer: 'ada' })).toEqual({ data: { movie: { title: 'run 4' } } });
    expect(await serve(mine, { viewer: 'bob' })).toEqual({ data: { movie: { title: 'run 5' } } });
    // Anonymous: executed every time, never looked up or stored.
    const before = await outcomes();
    await serve(mine, {});
    await serve(mine, {});
    expect(run.runs()).toBe(7);
    expect(await outcomes()).toEqual(before);
  });

  it('never hands two requests the same objects, and never stores an answer with errors', async () => {
    const { prepare } = setUp();
    const page = prepare('{ movie(id: 1) { title } }')!;
    const failing = async () => ({ data: { movie: null }, errors: [new Error('down')] }) as never;
    await page.serve(request(), failing);
    await settle();
    const run = counting();
    const first = await page.serve(request(), run.execute);
    await settle();
    const second = await page.serve(request(), run.execute);
    const third = await page.serve(request(), run.execute);
    expect(run.runs()).toBe(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(third);
    expect((second as { data: { movie: object } }).data.movie).not.toBe(
      (third as { data: { movie: object } }).data.movie,
    );
  });

  it("purges a mutation's entities, its type's lists and its viewer before answering", async () => {
    const { prepare, purged } = setUp();
    const rename = prepare('mutation { rename(id: 1, title: "x") { title } }')!;
    let answered = false;
    const answer = await rename.serve(request({ viewer: 'ada' }), async (merged) => {
      merged['rename'] = { _cgType: 'Movie', _cgKey_id: '1', title: 'x' };
      answered = true;
      return { data: { rename: { title: 'x' } } };
    });
    expect(answered).toBe(true);
    expect(answer).toEqual({ data: { rename: { title: 'x' } } });
    expect(purged).toEqual([['Movie', 'Movie:1', 'Movie:1@catalog', 'User:ada']]);
  });

  it('retires every answer after a mutation whose entities it cannot name', async () => {
    const { prepare, outcomes } = setUp();
    const page = prepare('{ movie(id: 1) { title } }')!;
    const run = counting();
    await page.serve(request(), run.execute);
    await settle();
    await page.serve(request(), run.execute);
    expect(run.runs()).toBe(1);
    // The client uses the reserved aliases: its answer cannot be read for entities.
    const odd = prepare('mutation { rename(id: 1, title: "x") { _cgType: title } }')!;
    await odd.serve(request(), async () => ({ data: { rename: { _cgType: 'x' } } }));
    await page.serve(request(), run.execute);
    expect(run.runs()).toBe(2);
    expect((await outcomes())['stale']).toBe(1);
  });
});
