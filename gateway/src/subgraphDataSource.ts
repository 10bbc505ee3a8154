import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { BrokenCircuitError } from 'cockatiel';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Counter, Histogram } from 'prom-client';
import { errors as undiciErrors } from 'undici';
import type { GatewayContext } from './context.ts';
import { copyJson, errorForCaller, freezeDeep } from './execution/sharedAnswers.ts';
import type { SubgraphPolicy } from './resilience/subgraphPolicy.ts';
import type { SubgraphFetcher, SubgraphResponse } from './subgraphFetcher.ts';
import { createSubgraphFetcher } from './subgraphFetcher.ts';

export interface SubgraphFetchMetrics {
  duration: Histogram<'subgraph' | 'outcome'>;
  errors: Counter<'subgraph' | 'reason'>;
  deduplicated: Counter<'subgraph'>;
}

/** One operation for a subgraph. */
export interface SubgraphRequest {
  query: string;
  operationName?: string | undefined;
  variables?: Record<string, unknown> | undefined;
}

type CacheHint = { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' };

/** The part of Apollo Server's cache policy a subgraph's Cache-Control header narrows. */
export interface CachePolicy {
  restrict(hint: CacheHint): void;
}

/** A subgraph's parsed answer and the cache hint of its Cache-Control header. */
interface SubgraphAnswer {
  response: GatewayGraphQLResponse;
  hint: CacheHint;
}

/** A call that identical queries joined while it was in flight. */
interface SharedCall {
  answer: Promise<SubgraphAnswer>;
  /** The requests waiting on it: more than one, and its answer is frozen before they get it. */
  callers: number;
}

const MUTATION = /^\s*mutation\b/;

/**
 * How the gateway calls a subgraph:
 * - it forwards the caller's Authorization header (each subgraph verifies the token
 *   again), the request id, the client's address and the trace context;
 * - each attempt has a timeout (the call is abandoned), queries are retried with backoff,
 *   mutations never, and a circuit breaker per subgraph makes calls fail at once
 *   (SUBGRAPH_UNAVAILABLE) while the subgraph keeps failing;
 * - identical queries in flight (same text, variables and caller) share one call: one
 *   round trip and one parse. An answer that more than one request received is
 *   deep-frozen, and the plan executor copies what it writes into
 *   (execution/sharedAnswers.ts), so no request can change another's answer;
 * - a subgraph's Cache-Control header narrows each caller's cache policy;
 * - a failed call (no answer, HTTP 5xx or 4xx, a body that is not JSON) reaches the
 *   client as SUBGRAPH_UNAVAILABLE (the subgraph is down or failing) or
 *   INTERNAL_SERVER_ERROR (it refused the gateway's request), with the subgraph's name
 *   and the caller's request id, never its URL, status line or body: those go to the log.
 *
 * `send()` is the executor's path; `process()` adapts it to @apollo/gateway's data source
 * interface for the operations its executor still runs.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly #name: string;
  readonly #url: string;
  readonly #policy: SubgraphPolicy;
  readonly #metrics: SubgraphFetchMetrics;
  readonly #dedupe: boolean;
  readonly #inFlight = new Map<string, SharedCall>();
  readonly #fetcher: SubgraphFetcher;
  readonly #logger: Pick<Logger, 'warn'> | undefined;

  constructor(options: {
    name: string;
    url: string;
    policy: SubgraphPolicy;
    metrics: SubgraphFetchMetrics;
    dedupeQueries: boolean;
    /** Where a failed call's details go (its URL, status and body), never to the client. */
    logger?: Pick<Logger, 'warn'>;
  }) {
    this.#logger = options.logger;
    this.#fetcher = createSubgraphFetcher({
      url: options.url,
      timeoutMs: options.policy.settings.timeoutMs,
    });
    this.#name = options.name;
    this.#url = options.url;
    this.#policy = options.policy;
    this.#metrics = options.metrics;
    this.#dedupe = options.dedupeQueries;
  }

  /** Closes the connection pool (when the gateway stops). */
  close(): Promise<void> {
    return this.#fetcher.close();
  }

  async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const incoming =
      'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const extraHeaders = request.http?.headers
      ? Object.fromEntries(request.http.headers as Iterable<[string, string]>)
      : undefined;
    const response = await this.send(
      { query: request.query, operationName: request.operationName, variables: request.variables },
      options.context,
      { cachePolicy: cachePolicyOf(incoming), extraHeaders },
    );
    // @apollo/gateway's executor merges into the answers it receives: a shared one is copied.
    return Object.isFrozen(response) ? copyJson(response) : response;
  }

  /**
   * The subgraph's answer to one request. It may be shared with identical requests in
   * flight, and then it is deep-frozen: read it, or copy before writing.
   */
  async send(
    request: SubgraphRequest,
    context: Partial<GatewayContext>,
    options: {
      cachePolicy?: CachePolicy | undefined;
      extraHeaders?: Record<string, string>;
      /**
       * Only calls with the same key share a fetch in flight. The response cache gives its
       * purge clock: a request that looked up after a purge must not join a fetch that
       * started before it (it would store data older than its clock says).
       */
      shareKey?: string | undefined;
    } = {},
  ): Promise<GatewayGraphQLResponse> {
    const isMutation = MUTATION.test(request.query);
    let answer: SubgraphAnswer;
    try {
      answer =
        isMutation || !this.#dedupe
          ? await this.#call(request, context, options.extraHeaders, isMutation)
          : await this.#shared(request, context, options.extraHeaders, options.shareKey);
    } catch (error) {
      // Each caller's own request id (a shared call's error was raised for the first).
      if (error instanceof GraphQLError && context.requestId)
        throw new GraphQLError(error.message, {
          extensions: { ...error.extensions, requestId: context.requestId },
        });
      throw error;
    }
    if (options.cachePolicy) options.cachePolicy.restrict(answer.hint);
    return answer.response;
  }

  /**
   * Joins the identical call in flight, or starts one. Whether its answer is shared is
   * settled the moment it arrives: the call leaves the in-flight map in the same step, so
   * no request can join after its callers were counted.
   */
  #shared(
    request: SubgraphRequest,
    context: Partial<GatewayContext>,
    extraHeaders: Record<string, string> | undefined,
    shareKey: string | undefined,
  ): Promise<SubgraphAnswer> {
    const key = JSON.stringify([
      request.query,
      request.variables ?? {},
      context.authorization ?? null,
      shareKey ?? null,
    ]);
    const joined = this.#inFlight.get(key);
    if (joined) {
      joined.callers++;
      this.#metrics.deduplicated.inc({ subgraph: this.#name });
      return joined.answer.catch((error: unknown) => {
        throw errorForCaller(error);
      });
    }
    const call: SharedCall = { answer: undefined as never, callers: 1 };
    call.answer = this.#call(request, context, extraHeaders, false).then(
      (answer) => {
        this.#inFlight.delete(key);
        if (call.callers > 1) freezeDeep(answer.response);
        return answer;
      },
      (error: unknown) => {
        this.#inFlight.delete(key);
        throw error;
      },
    );
    this.#inFlight.set(key, call);
    return call.answer;
  }

  async #call(
    request: SubgraphRequest,
    context: Partial<GatewayContext>,
    extraHeaders: Record<string, string> | undefined,
    isMutation: boolean,
  ): Promise<SubgraphAnswer> {
    const policy = isMutation ? this.#policy.mutation : this.#policy.query;
    const stop = this.#metrics.duration.startTimer({ subgraph: this.#name });
    try {
      const headers = this.#headers(context, extraHeaders);
      const body = JSON.stringify(request);
      const answer = await policy.execute(() => this.#post(headers, body));
      stop({ outcome: 'success' });
      return answer;
    } catch (error) {
      stop({ outcome: 'error' });
      if (error instanceof BrokenCircuitError) {
        this.#metrics.errors.inc({ subgraph: this.#name, reason: 'circuit_open' });
        throw new GraphQLError(`The ${this.#name} subgraph is unavailable; try again shortly.`, {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.#name },
        });
      }
      const timedOut =
        error instanceof undiciErrors.HeadersTimeoutError ||
        error instanceof undiciErrors.BodyTimeoutError;
      this.#metrics.errors.inc({ subgraph: this.#name, reason: timedOut ? 'timeout' : 'error' });
      if (timedOut)
        throw new GraphQLError(`The ${this.#name} subgraph did not answer in time.`, {
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.#name },
        });
      if (error instanceof SubgraphFailure) throw error;
      // No answer at all (refused, reset): its message names the subgraph's address.
      this.#logger?.warn(
        { err: error, subgraph: this.#name, url: this.#url, requestId: context.requestId },
        'subgraph call failed',
      );
      throw new GraphQLError(`The ${this.#name} subgraph could not be reached.`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.#name },
      });
    }
  }

  #headers(
    context: Partial<GatewayContext>,
    extraHeaders: Record<string, string> | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = { ...extraHeaders, 'content-type': 'application/json' };
    if (!context.requestId) return headers;
    headers['x-request-id'] = context.requestId;
    if (context.forwardedFor) headers['x-forwarded-for'] = context.forwardedFor;
    if (context.authorization) headers['authorization'] = context.authorization;
    // The active span is the gateway's fetch span: the subgraph continues the trace.
    propagation.inject(otelContext.active(), headers);
    return headers;
  }

  async #post(headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
    const response = await this.#fetcher(this.#url, { method: 'POST', headers, body });
    let parsed: unknown;
    try {
      parsed = response.ok ? parseBody(response) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok || !isObject(parsed)) {
      this.#logger?.warn(
        {
          subgraph: this.#name,
          url: response.url,
          status: response.status,
          body: response.text.slice(0, 2_000),
          requestId: headers['x-request-id'],
        },
        response.ok
          ? 'subgraph answered with a body that is not JSON'
          : 'subgraph answered with an HTTP error',
      );
      throw new SubgraphFailure(this.#name, response.ok ? 502 : response.status);
    }
    return {
      response: parsed as GatewayGraphQLResponse,
      hint: cacheHint(response.headers.get('cache-control')),
    };
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBody(response: SubgraphResponse): unknown {
  const type = response.headers.get('content-type');
  return type &&
    (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'))
    ? JSON.parse(response.text)
    : response.text;
}

/**
 * A subgraph's HTTP answer the gateway cannot use, as the client sees it: the subgraph
 * failing (5xx, 429) is SUBGRAPH_UNAVAILABLE; refusing the gateway's request (other 4xx,
 * a 401 or 403 included: the gateway verified the caller's token already) is the
 * gateway's own INTERNAL_SERVER_ERROR. `status` tells the retry policy which.
 */
export class SubgraphFailure extends GraphQLError {
  readonly status: number;
  constructor(subgraph: string, status: number) {
    const unavailable = status >= 500 || status === 429;
    super(
      unavailable
        ? `The ${subgraph} subgraph failed to answer; try again shortly.`
        : `The ${subgraph} subgraph refused the gateway's request.`,
      {
        extensions: {
          code: unavailable ? 'SUBGRAPH_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR',
          serviceName: subgraph,
        },
      },
    );
    this.status = status;
  }
}

/** The request's cache policy, when Apollo Server's cache control is on. */
export function cachePolicyOf(
  incoming: { overallCachePolicy?: unknown } | undefined,
): CachePolicy | undefined {
  const policy = incoming?.overallCachePolicy;
  return policy && typeof policy === 'object' && 'restrict' in policy
    ? (policy as CachePolicy)
    : undefined;
}

/**
 * A subgraph's Cache-Control header as a cache hint, read as @apollo/gateway reads it; no
 * header means no caching.
 */
function cacheHint(header: string | null): CacheHint {
  const hint: CacheHint = { maxAge: 0 };
  if (!header) return hint;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name, value] = part.split(/\s*=\s*/, 2);
    const unquoted = value?.replace(/^"|"$/g, '');
    if (name === 'max-age' && unquoted && /^[0-9]+$/.test(unquoted)) hint.maxAge = Number(unquoted);
    else if (name === 'private' && value === undefined) hint.scope = 'PRIVATE';
    else if (name === 'public' && value === undefined) hint.scope = 'PUBLIC';
  }
  return hint;
}
