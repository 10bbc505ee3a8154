import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** Counts and times every GraphQL operation by name and outcome. */
  plugin: ApolloServerPlugin;
}

/**
 * Who called, for the `client` label: what the context says (`clientName`, set by the
 * gateway from an API key or `apollographql-client-name`), else `unknown`.
 */
function clientOf(context: unknown): string {
  const name = (context as { clientName?: unknown } | undefined)?.clientName;
  return typeof name === 'string' && name ? name : 'unknown';
}

/** A Prometheus registry with the process's default metrics and GraphQL request metrics. */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations served, by operation name, type, client and outcome.',
    labelNames: ['operation', 'type', 'client', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time to serve a GraphQL operation, by operation name, type and client.',
    labelNames: ['operation', 'type', 'client'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const stop = process.hrtime.bigint();
      let failed = false;
      return {
        async didEncounterErrors() {
          failed = true;
        },
        async willSendResponse({ operationName, operation, response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors?.length)
            failed = true;
          const labels = {
            operation: operationName ?? 'anonymous',
            type: operation?.operation ?? 'unknown',
            client: clientOf(contextValue),
          };
          requests.inc({ ...labels, outcome: failed ? 'error' : 'success' });
          duration.observe(labels, Number(process.hrtime.bigint() - stop) / 1e9);
        },
      };
    },
  };
  return { registry, plugin };
}
