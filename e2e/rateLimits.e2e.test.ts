import { createClient } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();

const PARTNER_KEY = 'cinegraph-partner-dev-key';
const config = (extra: string[] = []) =>
  [
    'rateLimits:',
    '  perIp: { requests: 5, windowSeconds: 60 }',
    '  perClient: { requests: 3, windowSeconds: 60 }',
    'persistedQueries:',
    '  safelist:',
    '    clients:',
    '      partner:',
    '        mode: allow',
    '        apiKeySha256: [64097603489dc459c30415f596f9fe91b216892960099a24c8fdaa4a9c035753]',
    ...extra,
  ].join('\n');

let gatewayUrl: string;
const enabled = { RATE_LIMITS_ENABLED: 'true' };
const gateway = async () => (gatewayUrl ??= await stack.startGateway(config(), enabled));

async function call(url: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ genres { id } }' }),
  });
  const body = (await response.json()) as {
    errors?: { extensions: { code: string; retryAfterSeconds?: number } }[];
  };
  return { status: response.status, headers: response.headers, body };
}

// The tests call from loopback, a trusted proxy, so X-Forwarded-For sets the client address.
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('rate limits', () => {
  it('allow an address its budget, then answer 429 with Retry-After', async () => {
    const url = await gateway();
    const remaining: string[] = [];
    for (let n = 0; n < 5; n++) {
      const ok = await call(url, from('203.0.113.10'));
      expect(ok.status).toBe(200);
      remaining.push(ok.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const limited = await call(url, from('203.0.113.10'));
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body.errors?.[0]?.extensions.retryAfterSeconds).toBe(retryAfter);

    // Another address has a budget of its own.
    expect((await call(url, from('203.0.113.11'))).status).toBe(200);
  });

  it('count a client with an API key as one, whatever its addresses', async () => {
    const url = await gateway();
    const key = { 'x-api-key': PARTNER_KEY };
    for (let n = 0; n < 3; n++)
      expect((await call(url, { ...key, ...from(`198.51.100.${n}`) })).status).toBe(200);
    expect((await call(url, { ...key, ...from('198.51.100.99') })).status).toBe(429);
    // The partner's budget is not its addresses' budget.
    expect((await call(url, from('198.51.100.99'))).status).toBe(200);
  });

  it('keep limiting, in memory, while Redis is unreachable, and keep serving', async () => {
    const url = await stack.startGateway(config(), {
      ...enabled,
      // Nothing listens on port 1 (a free port from get-port could be handed to the gateway).
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    for (let n = 0; n < 5; n++) expect((await call(url, from('192.0.2.1'))).status).toBe(200);
    expect((await call(url, from('192.0.2.1'))).status).toBe(429);
  });

  it('spend the same budget over an event stream, and refuse it with the time to wait', async () => {
    const url = await gateway();
    const stream = () =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...from('203.0.113.70'),
        },
        body: JSON.stringify({ query: '{ genres { id } }' }),
      });
    for (let n = 0; n < 5; n++) {
      const ok = await stream();
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('event: complete');
    }
    const limited = await stream();
    expect(limited.status).toBe(429);
    const body = (await limited.json()) as {
      errors: { extensions: { code: string; retryAfterSeconds: number } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  describe('over a WebSocket', () => {
    const sockets: ReturnType<typeof createClient>[] = [];
    afterAll(() => Promise.all(sockets.map((socket) => socket.dispose())));

    /** A graphql-ws client whose upgrade request comes from `ip` (X-Forwarded-For). */
    function socketFrom(url: string, ip: string) {
      class FromAddress extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: from(ip) });
        }
      }
      const socket = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: FromAddress,
        retryAttempts: 0,
        lazy: true,
      });
      sockets.push(socket);
      return socket;
    }

    /** One query on the socket: its data, or the codes and retry time of its refusal. */
    const query = (socket: ReturnType<typeof createClient>) =>
      new Promise<{ ok: boolean; codes: unknown[]; retryAfter?: unknown }>((resolve, reject) => {
        socket.subscribe(
          { query: '{ genres { id } }' },
          {
            next: (result) => resolve({ ok: !!result.data, codes: [] }),
            error: (error: unknown) =>
              Array.isArray(error)
                ? resolve({
                    ok: false,
                    codes: error.map((e: { extensions?: { code?: string } }) => e.extensions?.code),
                    retryAfter: (error[0] as { extensions?: { retryAfterSeconds?: number } })
                      .extensions?.retryAfterSeconds,
                  })
                : reject(error as Error),
            complete: () => {},
          },
        );
      });

    it('spend the address budget operation by operation, shared with HTTP', async () => {
      const url = await gateway();
      const socket = socketFrom(url, '203.0.113.50');
      const answers = [];
      for (let n = 0; n < 6; n++) answers.push(await query(socket));
      expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true);
      expect(answers[5]).toMatchObject({ ok: false, codes: ['RATE_LIMITED'] });
      expect(answers[5]!.retryAfter).toBeGreaterThan(0);
      // The same address over HTTP has nothing left either; another has its own budget.
      expect((await call(url, from('203.0.113.50'))).status).toBe(429);
      expect((await query(socketFrom(url, '203.0.113.51'))).ok).toBe(true);
    });

    it('refuse a flood of concurrent operations on one socket past the budget', async () => {
      const url = await gateway();
      const socket = socketFrom(url, '203.0.113.60');
      // 20: within the 25 operations a socket may hold at once.
      const answers = await Promise.all(Array.from({ length: 20 }, () => query(socket)));
      expect(answers.filter((answer) => answer.ok)).toHaveLength(5);
      expect(answers.filter((answer) => answer.codes[0] === 'RATE_LIMITED')).toHaveLength(15);
    });
  });
});
