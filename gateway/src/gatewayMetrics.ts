import { Counter, Gauge, Histogram } from 'prom-client';
import type { Metrics } from '@cinegraph/service-kit';
import { createMetrics } from '@cinegraph/service-kit';

/** The gateway's Prometheus metrics: the shared HTTP/GraphQL ones plus its features'. */
export function createGatewayMetrics() {
  const metrics: Metrics = createMetrics('gateway');
  const registers = [metrics.registry];
  return {
    ...metrics,
    persistedQueryLookups: new Counter({
      name: 'persisted_query_lookups_total',
      help: 'Persisted queries looked up by hash, by source (manifest, apq) and outcome (hit, miss).',
      labelNames: ['source', 'outcome'] as const,
      registers,
    }),
    documentCacheLookups: new Counter({
      name: 'graphql_document_cache_lookups_total',
      help: 'Parsed-and-validated operation cache lookups, by outcome (hit: no parsing or validation).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    operationExecutions: new Counter({
      name: 'gateway_operation_executions_total',
      help: "Operations executed, by executor (cinegraph: the gateway's plan executor; apollo: @apollo/gateway's, for what it leaves there).",
      labelNames: ['executor'] as const,
      registers,
    }),
    preparedOperationLookups: new Counter({
      name: 'gateway_prepared_operation_lookups_total',
      help: 'Lookups of prepared operations (plan and response shaping), by outcome (hit; text: a differently formatted copy of a known operation; miss: planned now).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    safelistViolations: new Counter({
      name: 'safelist_violations_total',
      help: "Operations outside a client's safelist, by client and mode (log: let through, enforce: refused).",
      labelNames: ['client', 'mode'] as const,
      registers,
    }),
    subgraphFetch: {
      duration: new Histogram({
        name: 'subgraph_fetch_duration_seconds',
        help: 'Calls from the gateway to a subgraph, retries included, by subgraph and outcome.',
        labelNames: ['subgraph', 'outcome'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers,
      }),
      errors: new Counter({
        name: 'subgraph_fetch_errors_total',
        help: 'Failed calls to a subgraph, by subgraph and reason (timeout, circuit_open, error).',
        labelNames: ['subgraph', 'reason'] as const,
        registers,
      }),
      deduplicated: new Counter({
        name: 'subgraph_fetches_deduplicated_total',
        help: 'Subgraph queries answered by an identical fetch already in flight.',
        labelNames: ['subgraph'] as const,
        registers,
      }),
    },
    breakerState: new Gauge({
      name: 'subgraph_circuit_state',
      help: "Each subgraph's circuit breaker: 0 closed, 1 half-open, 2 open.",
      labelNames: ['subgraph'] as const,
      registers,
    }),
    subscriptions: {
      connections: new Gauge({
        name: 'gateway_subscription_connections',
        help: 'Open subscription connections, by transport (ws: WebSocket, sse: event stream).',
        labelNames: ['transport'] as const,
        registers,
      }),
      active: new Gauge({
        name: 'gateway_subscriptions_active',
        help: "Clients' active subscriptions, by transport.",
        labelNames: ['transport'] as const,
        registers,
      }),
      started: new Counter({
        name: 'gateway_subscriptions_started_total',
        help: 'Subscriptions clients started (accepted and joined to an upstream stream), by transport.',
        labelNames: ['transport'] as const,
        registers,
      }),
      upstreams: new Gauge({
        name: 'gateway_subscription_upstreams',
        help: 'Open upstream subscriptions to subgraphs (shared by the client subscriptions selecting the same from a subgraph, whoever the viewer, unless PRIVATE), by subgraph.',
        labelNames: ['subgraph'] as const,
        registers,
      }),
      slowReaders: new Counter({
        name: 'gateway_subscription_slow_readers_total',
        help: 'Subscribers cut off because they stopped reading: subscriptions.maxEventBacklog events unsent, by transport.',
        labelNames: ['transport'] as const,
        registers,
      }),
      delivered: new Counter({
        name: 'gateway_subscription_events_delivered_total',
        help: 'Subscription events sent to clients, by transport.',
        labelNames: ['transport'] as const,
        registers,
      }),
    },
    responseCache: {
      lookups: new Counter({
        name: 'gateway_response_cache_lookups_total',
        help: 'Response cache lookups of cacheable queries, by outcome (hit; miss; stale: purged since it was stored; bypass: the keyspace unavailable or slow).',
        labelNames: ['outcome'] as const,
        registers,
      }),
      purges: new Counter({
        name: 'gateway_response_cache_purges_total',
        help: 'Response cache purges, by source (mutation: a write through the gateway; event: a catalog or review event) and outcome (done, failed).',
        labelNames: ['source', 'outcome'] as const,
        registers,
      }),
    },
    rateLimited: new Counter({
      name: 'rate_limited_requests_total',
      help: 'Requests refused with 429, by client (anonymous: limited by IP).',
      labelNames: ['client'] as const,
      registers,
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
