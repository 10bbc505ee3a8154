import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { counterValue, errorCodes, graphqlRequest } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import type { HostileDocument } from './support/hostileDocuments.ts';
import { hostileDocuments } from './support/hostileDocuments.ts';

const stack = useStack();

// A gateway with small limits, so that each can be crossed by a readable query.
let strict: string;
const limited = async () =>
  (strict ??= await stack.startGateway(
    [
      'limits:',
      '  maxDepth: 4',
      '  maxAliases: 2',
      '  maxRootFields: 3',
      '  maxTokens: 60',
      '  maxCost: 120',
      'server:',
      '  bodyLimitBytes: 2048',
    ].join('\n'),
  ));

async function refusal(query: string, variables?: Record<string, unknown>) {
  const response = await graphqlRequest(await limited(), query, { variables: variables ?? {} });
  return {
    status: response.status,
    codes: errorCodes(response),
    extensions: response.errors?.[0]?.extensions,
    data: response.data,
  };
}

describe('operation limits', () => {
  it('let an operation within every limit through', async () => {
    const ok = await refusal('{ movies(first: 5) { edges { node { title } } } }');
    expect(ok.codes).toEqual([]);
    expect(ok.status).toBe(200);
  });

  it('refuse an operation nested too deep', async () => {
    const response = await refusal('{ movies(first: 1) { edges { node { genres { name } } } } }');
    expect(response).toMatchObject({
      status: 400,
      codes: ['MAX_DEPTH_EXCEEDED'],
      extensions: { limit: 4, measured: 5 },
    });
  });

  it('refuse too many aliases', async () => {
    const response = await refusal('{ a: genres { id } b: genres { id } c: genres { id } }');
    expect(response).toMatchObject({ status: 400, codes: ['MAX_ALIASES_EXCEEDED'] });
  });

  it('refuse too many root fields', async () => {
    const response = await refusal(
      '{ genres { id } theaters { id } movies(first: 1) { totalCount } me { id } }',
    );
    expect(response).toMatchObject({ status: 400, codes: ['MAX_ROOT_FIELDS_EXCEEDED'] });
  });

  it('refuse a long operation by its tokens, before parsing it', async () => {
    const fields = Array.from({ length: 80 }, () => 'id').join(' ');
    const response = await refusal(`{ genres { ${fields} } }`);
    expect(response).toMatchObject({ status: 400, codes: ['MAX_TOKENS_EXCEEDED'] });
  });

  it('refuse an operation whose estimated cost is over the limit, honouring @listSize', async () => {
    // movies (1) + 100 edges × (edge 1 + node 1) = 201 > 120; `first` comes from a variable.
    const expensive = await refusal(
      'query ($n: Int) { movies(first: $n) { edges { node { title } } } }',
      { n: 100 },
    );
    expect(expensive).toMatchObject({
      status: 400,
      codes: ['COST_LIMIT_EXCEEDED'],
      extensions: { limit: 120, measured: 201 },
    });
    const cheap = await refusal(
      'query ($n: Int) { movies(first: $n) { edges { node { title } } } }',
      {
        n: 10,
      },
    );
    expect(cheap.codes).toEqual([]);
  });

  it('cost variables as the operation sees them: defaults for those left out, and bad ones refused as input', async () => {
    // A non-null variable with a default that the client leaves out (it was HTTP 500).
    const defaulted = await refusal(
      'query ($n: Int! = 100) { movies(first: $n) { edges { node { title } } } }',
    );
    expect(defaulted).toMatchObject({
      status: 400,
      codes: ['COST_LIMIT_EXCEEDED'],
      extensions: { measured: 201 },
    });
    const within = await refusal(
      'query ($slug: String! = "no-such-film") { movie(slug: $slug) { title } }',
    );
    expect(within).toMatchObject({ status: 200, codes: [], data: { movie: null } });
    const wrongType = await refusal(
      'query ($n: Int!) { movies(first: $n) { edges { node { title } } } }',
      { n: 'ten' },
    );
    expect(wrongType.codes).toEqual(['BAD_USER_INPUT']);
  });

  it('refuse a body over the size limit with HTTP 413', async () => {
    const response = await fetch(await limited(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ genres { id } }',
        variables: { padding: 'x'.repeat(4096) },
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('count introspection like any other field, and let the IDE introspect at the defaults', async () => {
    const nested = await refusal(
      '{ __schema { types { name fields { name type { name ofType { name } } } } } }',
    );
    expect(nested).toMatchObject({ status: 400, codes: ['MAX_DEPTH_EXCEEDED'] });
    const aliased = await refusal(
      '{ a: __schema { queryType { name } } b: __type(name: "Movie") { name } c: __schema { queryType { name } } }',
    );
    expect(aliased).toMatchObject({ status: 400, codes: ['MAX_ALIASES_EXCEEDED'] });
    // GraphiQL's and Apollo's introspection query, at gateway.yaml's limits.
    const ide = await stack.graphql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
    expect(errorCodes(ide)).toEqual([]);
    expect(ide.data?.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('the admission chain', () => {
  it('hands Apollo Server the document it parsed and validated: never parsed twice', async () => {
    const lookups = (outcome: string) =>
      counterValue(stack.urls['gateway']!, 'graphql_document_cache_lookups_total', { outcome });
    const [misses, hits] = [await lookups('miss'), await lookups('hit')];
    for (const n of [1, 2, 3]) {
      const fresh = `{ movies(first: ${n}) { totalCount } a${Date.now()}: __typename }`;
      expect(errorCodes(await stack.graphql(fresh))).toEqual([]);
    }
    expect(await lookups('miss')).toBe(misses);
    expect(await lookups('hit')).toBe(hits + 3);
  });
});

// Each hostile document is answered or refused with its code, on every transport, before it
// can cost the gateway more than a few milliseconds (bench:admission has the figures).
describe('hostile documents', () => {
  const sockets: ReturnType<typeof createClient>[] = [];
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
  });

  /** The codes a document gets over graphql-ws, or `answered`, or the close code. */
  async function overWebSocket(document: HostileDocument): Promise<string[] | 'answered'> {
    const socket = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      let answered = false;
      socket.subscribe(
        {
          query: document.query,
          ...(document.operationName ? { operationName: document.operationName } : {}),
        },
        {
          next: (result) => {
            answered = !!result.data;
            if (!result.data)
              resolve((result.errors ?? []).map((error) => String(error.extensions?.['code'])));
          },
          error: (error: unknown) => {
            if (Array.isArray(error))
              resolve([
                ...new Set(
                  error.map((item: { extensions?: { code?: string } }) =>
                    String(item.extensions?.code),
                  ),
                ),
              ]);
            else if (error && typeof error === 'object' && 'code' in error)
              resolve([`closed ${String(error.code)}`]);
            else reject(error as Error);
          },
          complete: () => answered && resolve('answered'),
        },
      );
    });
  }

  it.each(hostileDocuments.map((document) => [document.name, document] as const))(
    '%s: over HTTP',
    async (_name, document) => {
      const response = await stack.graphql(document.query, {
        ...(document.operationName ? { operationName: document.operationName } : {}),
      });
      if (document.expect === 'answered') {
        expect(response.status).toBe(200);
        expect(response.data).toBeDefined();
      } else {
        expect([...new Set(errorCodes(response))]).toEqual(document.expect);
        // Validation stops at 10 errors (and says so in an 11th).
        expect(response.errors!.length).toBeLessThanOrEqual(11);
        expect(response.status).toBe(400);
      }
    },
  );

  it.each(hostileDocuments.map((document) => [document.name, document] as const))(
    '%s: over graphql-ws',
    async (_name, document) => {
      const codes = await overWebSocket(document);
      // Sockets take messages up to 64 KB (subscriptions.maxMessageBytes): a longer one
      // closes the socket with 1009, Message Too Big.
      if (document.query.length > 65_536) expect(codes).toEqual(['closed 1009']);
      else expect(codes).toEqual(document.expect === 'answered' ? 'answered' : document.expect);
    },
  );
});
