import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CachePolicy, SubgraphDataSource } from '../src/subgraphDataSource.ts';
import { createTestDataSource } from './support/testDataSource.ts';

// Deduplication shares a subgraph call between identical queries in flight, and never
// anything one of them can change: a shared answer is frozen, each caller gets its own
// cache hint and its own error, and @apollo/gateway's executor a copy it may write into.

/** A subgraph that holds its answers until released, so that calls overlap for sure. */
function startHeldSubgraph() {
  let calls = 0;
  let status = 200;
  const held: (() => void)[] = [];
  const server = createServer((request, response) => {
    calls++;
    request.resume();
    request.on('end', () =>
      held.push(() =>
        response
          .writeHead(status, {
            'content-type': 'application/json',
            'cache-control': 'max-age=60, public',
          })
          .end(
            status === 200
              ? JSON.stringify({ data: { movie: { id: 'm1', tags: ['a', 'b'] } } })
              : JSON.stringify({ errors: [{ message: 'down at 127.0.0.1 (internal)' }] }),
          ),
      ),
    );
  });
  return {
    server,
    get calls() {
      return calls;
    },
    failWith: (code: number) => (status = code),
    reset() {
      calls = 0;
      status = 200;
    },
    /** Answers every call held so far, once they have all arrived. */
    async release(expected: number) {
      while (held.length < expected) await new Promise((resolve) => setTimeout(resolve, 5));
      held.splice(0).forEach((answer) => answer());
    },
  };
}

const subgraph = startHeldSubgraph();
let source: SubgraphDataSource;
const context = (authorization?: string) => ({
  requestId: 'r',
  forwardedFor: '127.0.0.1',
  ...(authorization ? { authorization } : {}),
});
const query = { query: '{ movie { id tags } }', variables: {} };

beforeAll(async () => {
  await new Promise<void>((resolve) => subgraph.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(subgraph.server.address() as AddressInfo).port}/`;
  source = createTestDataSource({
    name: 'movies',
    url,
    policy: { timeoutMs: 5_000, retries: 0, breakerFailures: 1_000, breakerHalfOpenAfterMs: 1_000 },
    dedupeQueries: true,
  });
});
beforeEach(() => subgraph.reset());
afterAll(async () => {
  await source.close();
  subgraph.server.closeAllConnections();
  await new Promise((resolve) => subgraph.server.close(resolve));
});

describe('identical queries in flight', () => {
  it('share one call, and the answer they share is frozen: a write into it throws', async () => {
    const calls = [
      source.send(query, context()),
      source.send(query, context()),
      source.send(query, context()),
    ];
    await subgraph.release(1);
    const [first, second, third] = await Promise.all(calls);
    expect(subgraph.calls).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
    const movie = (first!.data as { movie: { id: string; tags: string[] } }).movie;
    expect(Object.isFrozen(movie) && Object.isFrozen(movie.tags)).toBe(true);
    expect(() => {
      movie.id = 'changed';
    }).toThrow(TypeError);
    expect(() => movie.tags.push('c')).toThrow(TypeError);
  });

  it('leave an answer nobody shared unfrozen: it is its request’s own', async () => {
    const call = source.send(query, context());
    await subgraph.release(1);
    const answer = await call;
    expect(Object.isFrozen(answer.data)).toBe(false);
    // The next identical query is a new call: the first left the in-flight map on arrival.
    const next = source.send(query, context());
    await subgraph.release(1);
    expect(await next).not.toBe(answer);
    expect(subgraph.calls).toBe(2);
  });

  it('are not shared between callers with different tokens, nor for mutations', async () => {
    const mutation = { query: 'mutation { touch }', variables: {} };
    const calls = [
      source.send(query, context('Bearer a')),
      source.send(query, context('Bearer b')),
      source.send(mutation, context()),
      source.send(mutation, context()),
    ];
    await subgraph.release(4);
    await Promise.all(calls);
    expect(subgraph.calls).toBe(4);
  });

  it("restrict each caller's cache policy by the subgraph's Cache-Control, not only the first's", async () => {
    const hints: unknown[][] = [[], []];
    const policy = (index: number): CachePolicy => ({
      restrict: (hint) => hints[index]!.push(hint),
    });
    const calls = [
      source.send(query, context(), { cachePolicy: policy(0) }),
      source.send(query, context(), { cachePolicy: policy(1) }),
    ];
    await subgraph.release(1);
    await Promise.all(calls);
    expect(hints).toEqual([[{ maxAge: 60, scope: 'PUBLIC' }], [{ maxAge: 60, scope: 'PUBLIC' }]]);
  });

  it('give each caller its own error when the shared call fails', async () => {
    subgraph.failWith(500);
    const calls = [source.send(query, context()), source.send(query, context())].map((call) =>
      call.then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    await subgraph.release(1);
    const [first, second] = (await Promise.all(calls)) as GraphQLError[];
    expect(subgraph.calls).toBe(1);
    expect(first).toBeInstanceOf(GraphQLError);
    expect(second).toBeInstanceOf(GraphQLError);
    expect(second).not.toBe(first);
    expect(second!.message).toBe(first!.message);
    (first!.extensions as Record<string, unknown>)['seen'] = true;
    expect(second!.extensions).not.toHaveProperty('seen');
    expect(second!.extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'movies',
      requestId: 'r',
    });
  });

  it.each([
    [500, 'SUBGRAPH_UNAVAILABLE'],
    [401, 'INTERNAL_SERVER_ERROR'],
    [403, 'INTERNAL_SERVER_ERROR'],
  ])(
    'tell the caller an HTTP %i as %s with its request id, never the URL or the body',
    async (status, code) => {
      subgraph.failWith(status);
      const call = source.send(query, { ...context(), requestId: 'mine' }).catch((e) => e);
      await subgraph.release(1);
      const error = (await call) as GraphQLError;
      expect(error.extensions).toEqual({ code, serviceName: 'movies', requestId: 'mine' });
      expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|internal/);
    },
  );

  it("hand @apollo/gateway's executor, which writes into answers, a writable copy", async () => {
    const request = { query: query.query, variables: {} };
    const options = { request, context: context(), kind: 'INCOMING_OPERATION' } as never;
    const calls = [source.process(options), source.send(query, context())];
    await subgraph.release(1);
    const [forApollo, shared] = await Promise.all(calls);
    expect(Object.isFrozen(shared!.data)).toBe(true);
    expect(Object.isFrozen(forApollo!.data)).toBe(false);
    expect(forApollo).toEqual(shared);
  });
});
