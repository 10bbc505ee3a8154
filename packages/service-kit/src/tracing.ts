import type { Context, Span } from '@opentelemetry/api';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance } from 'fastify';

export interface Tracing {
  /** Flushes and stops the exporter. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing for a process, when an OTLP endpoint is configured: spans go to
 * `<endpoint>/v1/traces` (OTLP over HTTP, JSON), trace context travels as W3C
 * `traceparent`. Without an endpoint nothing is registered and tracing costs nothing.
 */
export function startTracing(serviceName: string, otlpEndpoint: string | undefined): Tracing {
  if (!otlpEndpoint) return { shutdown: async () => {} };
  const provider = new NodeTracerProvider({
    resource: new Resource({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` }),
        { scheduledDelayMillis: 1_000 },
      ),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return { shutdown: () => provider.shutdown() };
}

declare module 'fastify' {
  interface FastifyRequest {
    span: Span | null;
  }
}

/**
 * A server span per HTTP request, child of the caller's `traceparent`, active while the
 * request is handled, so that what runs for it (GraphQL phases, the gateway's plan and
 * fetches, database work) nests under it. Probes are not traced.
 */
export function useRequestSpans(app: FastifyInstance, ignore: ReadonlySet<string>): void {
  const tracer = trace.getTracer('cinegraph');
  app.decorateRequest('span', null);
  app.addHook('onRequest', (request, _reply, done) => {
    if (ignore.has(request.url.split('?')[0]!)) return done();
    const parent: Context = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      `${request.method} ${request.routeOptions.url ?? request.url}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?')[0],
          'cinegraph.request_id': request.id,
        },
      },
      parent,
    );
    request.span = span;
    // Continue the request inside the span's context: later hooks and the handler start
    // from here, so the context follows them.
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = request.span;
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** The W3C `traceparent` of the active span, if a trace is being recorded. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}
