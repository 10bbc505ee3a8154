import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, uniqueId } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/** An OTLP/HTTP (JSON) receiver that keeps every span it is sent. */
async function startReceiver() {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: Omit<ReceivedSpan, 'service'>[] }[];
        }[];
      };
      for (const resource of body.resourceSpans) {
        const service =
          resource.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ??
          '';
        for (const scope of resource.scopeSpans)
          for (const span of scope.spans) spans.push({ ...span, service });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    close: () => new Promise((r) => server.close(r)),
  };
}

const receiver = await startReceiver();
const stack = useStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url } });
afterAll(() => receiver.close());

describe('tracing', () => {
  it('follows a request from the caller through the gateway into the subgraph, its event and the event’s consumer', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const email = `${uniqueId()}@example.test`;
    const response = await stack.graphql(
      `mutation { register(input: { email: "${email}", password: "a long enough password", displayName: "Traced" }) { user { id } } }`,
      { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } },
    );
    expect(response.errors).toBeUndefined();

    const names = (service: string) =>
      receiver.spans
        .filter((s) => s.traceId === traceId && s.service === service)
        .map((s) => s.name);
    const deadline = Date.now() + 15_000;
    while (
      (!names('gateway').includes('gateway.fetch') || !names('users').includes('POST /graphql')) &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 200));

    expect(names('gateway')).toEqual(
      expect.arrayContaining([
        'POST /graphql',
        'gateway.admission',
        'graphql.parse',
        'graphql.validate',
        'gateway.plan',
        'gateway.fetch',
      ]),
    );
    // The caller's span is the parent of the gateway's request span.
    const gatewayRequest = receiver.spans.find(
      (s) => s.traceId === traceId && s.service === 'gateway' && s.name === 'POST /graphql',
    )!;
    expect(gatewayRequest.parentSpanId).toBe(callerSpan);
    // The subgraph's request span is a child of the gateway's fetch.
    const fetches = receiver.spans.filter(
      (s) => s.traceId === traceId && s.name === 'gateway.fetch',
    );
    const usersRequest = receiver.spans.find(
      (s) => s.traceId === traceId && s.service === 'users' && s.name === 'POST /graphql',
    )!;
    expect(fetches.map((s) => s.spanId)).toContain(usersRequest.parentSpanId);

    // The notifications consumer continues the same trace when it handles the event.
    while (
      !names('notifications').includes('user.registered process') &&
      Date.now() < deadline + 15_000
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(names('notifications')).toContain('user.registered process');

    // The event the registration emitted carries the same trace.
    const client = new pg.Client({ connectionString: stack.databaseUrls['users'] });
    await client.connect();
    try {
      const { rows } = await client.query<{ traceparent: string | null }>(
        `SELECT traceparent FROM outbox WHERE type = 'user.registered' AND data->>'email' = $1`,
        [email],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    } finally {
      await client.end();
    }
  });
});
