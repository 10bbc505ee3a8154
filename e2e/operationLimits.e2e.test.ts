import { describe, expect, it } from 'vitest';
import { errorCodes, graphqlRequest } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

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

  it('do not count introspection, so tools keep working', async () => {
    const response = await refusal(
      '{ __schema { types { name fields { name type { name ofType { name } } } } } }',
    );
    expect(response.codes).toEqual([]);
  });
});
