import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { BrokenCircuitError } from 'cockatiel';
import { GraphQLError } from 'graphql';
import type { Counter, Histogram } from 'prom-client';
import type { GatewayContext } from './context.ts';
import type { SubgraphPolicy } from './resilience/subgraphPolicy.ts';
import type { SubgraphFetcher } from './subgraphFetcher.ts';
import { createSubgraphFetcher } from './subgraphFetcher.ts';

export interface SubgraphFetchMetrics {
  duration: Histogram<'subgraph' | 'outcome'>;
  errors: Counter<'subgraph' | 'reason'>;
  deduplicated: Counter<'subgraph'>;
}

const MUTATION = /^\s*mutation\b/;

/**
 * How the gateway calls a subgraph:
 * - it forwards the caller's Authorization header (each subgraph verifies the token
 *   again), the request id, and the client's address;
 * - each attempt has a timeout (the fetch is aborted), queries are retried with backoff,
 *   mutations never, and a circuit breaker per subgraph makes calls fail at once
 *   (SUBGRAPH_UNAVAILABLE) while the subgraph keeps failing;
 * - identical queries in flight (same text, variables and caller) share one fetch.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #name: string;
  readonly #policy: SubgraphPolicy;
  readonly #metrics: SubgraphFetchMetrics;
  readonly #dedupe: boolean;
  readonly #inFlight = new Map<string, Promise<GatewayGraphQLResponse>>();
  readonly #fetcher: SubgraphFetcher;

  constructor(options: {
    name: string;
    url: string;
    policy: SubgraphPolicy;
    metrics: SubgraphFetchMetrics;
    dedupeQueries: boolean;
  }) {
    const fetcher = createSubgraphFetcher({
      url: options.url,
      timeoutMs: options.policy.settings.timeoutMs,
    });
    super({ url: options.url, fetcher: fetcher as never });
    this.#fetcher = fetcher;
    this.#name = options.name;
    this.#policy = options.policy;
    this.#metrics = options.metrics;
    this.#dedupe = options.dedupeQueries;
  }

  /** Closes the connection pool (when the gateway stops). */
  close(): Promise<void> {
    return this.#fetcher.close();
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers || !context.requestId) return;
    headers.set('x-request-id', context.requestId);
    headers.set('x-forwarded-for', context.forwardedFor);
    if (context.authorization) headers.set('authorization', context.authorization);
    // The active span is the gateway's fetch span: the subgraph continues the trace.
    propagation.inject(otelContext.active(), headers, {
      set: (carrier, key, value) => carrier.set(key, value),
    });
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const isMutation = MUTATION.test(options.request.query ?? '');
    if (isMutation || !this.#dedupe) return this.#call(options, isMutation);
    const key = JSON.stringify([
      options.request.query,
      options.request.variables ?? {},
      (options.context as Partial<GatewayContext>).authorization ?? null,
    ]);
    const shared = this.#inFlight.get(key);
    if (shared) {
      this.#metrics.deduplicated.inc({ subgraph: this.#name });
      return shared;
    }
    const call = this.#call(options, false).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, call);
    return call;
  }

  async #call(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    isMutation: boolean,
  ): Promise<GatewayGraphQLResponse> {
    const policy = isMutation ? this.#policy.mutation : this.#policy.query;
    const stop = this.#metrics.duration.startTimer({ subgraph: this.#name });
    try {
      const response = await policy.execute(() => super.process(options));
      stop({ outcome: 'success' });
      return response;
    } catch (error) {
      stop({ outcome: 'error' });
      if (error instanceof BrokenCircuitError) {
        this.#metrics.errors.inc({ subgraph: this.#name, reason: 'circuit_open' });
        throw new GraphQLError(`The ${this.#name} subgraph is unavailable; try again shortly.`, {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.#name },
        });
      }
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      this.#metrics.errors.inc({ subgraph: this.#name, reason: timedOut ? 'timeout' : 'error' });
      if (timedOut)
        throw new GraphQLError(`The ${this.#name} subgraph did not answer in time.`, {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.#name },
        });
      throw error;
    }
  }
}
