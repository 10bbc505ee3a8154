import { describe, expect, it } from 'vitest';
import { errorCodes, graphqlRequest } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();
const ORIGIN = 'https://app.cinegraph.test';

let configured: string;
const gateway = async () =>
  (configured ??= await stack.startGateway(
    [`cors: { origins: ['${ORIGIN}'] }`, 'introspection: false', 'server: { batching: true }'].join(
      '\n',
    ),
  ));

describe('CORS', () => {
  it('answers a preflight from an allowed origin, with the headers clients send', async () => {
    const response = await fetch(await gateway(), {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization,x-api-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
  });

  it('gives other origins nothing to work with', async () => {
    const response = await fetch(await gateway(), {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ genres { id } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is off unless origins are configured', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it('come with every answer', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ genres { id } }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET query without a preflight-forcing header', async () => {
    const url = new URL(stack.gatewayUrl);
    url.searchParams.set('query', '{ genres { id } }');
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('refuses a POST a form could send (text/plain)', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ genres { id } }' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('batching and introspection', () => {
  const batch = JSON.stringify([{ query: '{ genres { id } }' }, { query: '{ theaters { id } }' }]);

  it('refuses a batch by default', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batch,
    });
    expect(response.status).toBe(400);
  });

  it('runs a batch when server.batching is on', async () => {
    const response = await fetch(await gateway(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batch,
    });
    expect(response.status).toBe(200);
    const results = (await response.json()) as { data: Record<string, unknown[]> }[];
    expect(results).toHaveLength(2);
    expect(results[1]!.data['theaters']!.length).toBeGreaterThan(0);
  });

  it('refuses introspection when it is switched off', async () => {
    const response = await graphqlRequest(await gateway(), '{ __schema { types { name } } }');
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const open = await graphqlRequest(stack.gatewayUrl, '{ __schema { queryType { name } } }');
    expect(open.errors).toBeUndefined();
  });
});
