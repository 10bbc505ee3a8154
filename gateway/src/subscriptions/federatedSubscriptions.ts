import type { DocumentNode, ExecutionResult, GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Counter, Gauge } from 'prom-client';
import type { PushIterator } from '@cinegraph/service-kit';
import { createPushIterator } from '@cinegraph/service-kit';
import type { GatewayContext } from '../context.ts';
import type { PreparedSubscription, SubscriptionPlanning } from '../execution/planExecution.ts';
import { downstreamServiceError } from '../execution/planExecutor.ts';
import { freezeDeep } from '../execution/sharedAnswers.ts';
import type { UpstreamSubscriptions } from './upstreamSubscriptions.ts';

export type Transport = 'ws' | 'sse';

export interface SubscriptionRequest {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  context: GatewayContext;
  transport: Transport;
  /**
   * Called (once) when the client has fallen `maxBacklog` events behind: it stopped
   * reading. The transport cuts it off; its stream has ended by then.
   */
  onSlowReader: () => void;
}

export interface FederatedSubscriptions {
  /**
   * Plans the subscription (the transport's admission has coerced its variables): the
   * errors to refuse it with, or none. The transports call it before accepting one.
   */
  check(request: Pick<SubscriptionRequest, 'document' | 'operationName'>): readonly GraphQLError[];
  /** The client's stream of responses (or the errors that refuse it). */
  subscribe(request: SubscriptionRequest): AsyncIterableIterator<ExecutionResult> | ExecutionResult;
  /** Completes every stream, as on shutdown: each client is told `complete`. */
  completeAll(): void;
}

interface Client {
  transport: Transport;
  onSlowReader: () => void;
}

interface SharedStream {
  key: string;
  clients: Map<PushIterator<ExecutionResult>, Client>;
  /** Events are resolved one at a time, so each client sees them in order. */
  queue: Promise<void>;
  ended: boolean;
  stop: () => void;
}

/**
 * Federated subscriptions: the owning subgraph's stream (the plan's primary fetch) opened
 * through `upstreams`, and for each of its events the plan's other fetches run through
 * the gateway's executor, so the event carries fields other subgraphs own, shaped as the
 * client asked. Identical subscriptions (the same operation and variables in the same
 * authorisation scope: one user, or everyone anonymous) share one upstream stream and
 * one resolution per event, pushed to every client on it.
 */
export function createFederatedSubscriptions(options: {
  planning: SubscriptionPlanning;
  upstreams: UpstreamSubscriptions;
  logger: Logger;
  /** Events a client may fall behind (unsent) before it is cut off as a slow reader. */
  maxBacklog: number;
  metrics: {
    active: Gauge<'transport'>;
    started: Counter<'transport'>;
    delivered: Counter<'transport'>;
    slowReaders: Counter<'transport'>;
  };
}): FederatedSubscriptions {
  const shared = new Map<string, SharedStream>();

  function open(key: string, prepared: PreparedSubscription, request: SubscriptionRequest) {
    const stream: SharedStream = {
      key,
      clients: new Map(),
      queue: Promise.resolve(),
      ended: false,
      stop: () => {},
    };
    shared.set(key, stream);
    const { primary } = prepared;
    const variables: Record<string, unknown> = {};
    for (const name of primary.variableUsages ?? [])
      if (request.variables && request.variables[name] !== undefined)
        variables[name] = request.variables[name];
    const later = (step: () => Promise<void> | void) => {
      stream.queue = stream.queue.then(step).catch((error: unknown) => {
        options.logger.error({ err: error }, 'a subscription event could not be resolved');
        broadcast(stream, { errors: [internalError()] });
      });
    };
    stream.stop = options.upstreams.subscribe(
      primary.serviceName,
      { query: primary.operation, operationName: primary.operationName ?? null, variables },
      request.context.authorization,
      {
        next: (result) =>
          later(async () => {
            if (stream.ended) return;
            const upstreamErrors = (result.errors ?? []).map((error) =>
              subgraphError(error, primary.serviceName),
            );
            if (!result.data) return broadcast(stream, { errors: upstreamErrors });
            const response = await prepared.resolveEvent(
              result.data as Record<string, unknown>,
              request.context,
              request.variables,
            );
            if (stream.ended) return;
            broadcast(
              stream,
              upstreamErrors.length
                ? { ...response, errors: [...upstreamErrors, ...(response.errors ?? [])] }
                : response,
            );
          }),
        error: (error) =>
          later(() => {
            options.logger.warn(
              { err: error, subgraph: primary.serviceName },
              'an upstream subscription failed; its clients get an error',
            );
            broadcast(stream, { errors: upstreamFailure(error, primary.serviceName) });
            end(stream);
          }),
        complete: () => later(() => end(stream)),
      },
    );
    return stream;
  }

  function broadcast(stream: SharedStream, result: ExecutionResult) {
    // Every client of the stream gets this one result: frozen, so that nothing a transport
    // does for one client can change what another receives.
    freezeDeep(result.data);
    const sent: Record<Transport, number> = { ws: 0, sse: 0 };
    for (const [client, { transport, onSlowReader }] of stream.clients) {
      if (client.backlog >= options.maxBacklog) {
        options.metrics.slowReaders.inc({ transport });
        options.logger.warn(
          { transport, backlog: client.backlog },
          'cut off a subscriber that stopped reading its events',
        );
        client.return?.();
        onSlowReader();
        continue;
      }
      client.push(result);
      sent[transport]++;
    }
    for (const transport of ['ws', 'sse'] as const)
      if (sent[transport]) options.metrics.delivered.inc({ transport }, sent[transport]);
  }

  /** No new client joins the stream from now on. */
  function retire(stream: SharedStream) {
    stream.ended = true;
    if (shared.get(stream.key) === stream) shared.delete(stream.key);
  }

  /** The upstream is done (or failed): every client's stream completes. */
  function end(stream: SharedStream) {
    if (stream.ended) return;
    retire(stream);
    for (const client of [...stream.clients.keys()]) client.end();
  }

  function leave(stream: SharedStream, client: PushIterator<ExecutionResult>) {
    const transport = stream.clients.get(client)?.transport;
    if (!transport) return;
    stream.clients.delete(client);
    options.metrics.active.dec({ transport });
    if (stream.clients.size > 0 || stream.ended) return;
    // The last client left: the upstream stream is released.
    retire(stream);
    stream.stop();
  }

  return {
    check(request) {
      try {
        options.planning.prepare(request.document, request.operationName);
        return [];
      } catch (error) {
        return [error instanceof GraphQLError ? error : internalError()];
      }
    },

    subscribe(request) {
      let prepared: PreparedSubscription;
      try {
        // Planned already by `check`: a lookup.
        prepared = options.planning.prepare(request.document, request.operationName);
      } catch (error) {
        return { errors: [error instanceof GraphQLError ? error : internalError()] };
      }
      const { viewer } = request.context;
      const key = JSON.stringify([
        viewer ? `${viewer.id}:${viewer.role}` : 'anonymous',
        prepared.key,
        canonical(request.variables ?? {}),
      ]);
      const stream = shared.get(key) ?? open(key, prepared, request);
      const client = createPushIterator<ExecutionResult>(() => leave(stream, client));
      stream.clients.set(client, {
        transport: request.transport,
        onSlowReader: request.onSlowReader,
      });
      options.metrics.active.inc({ transport: request.transport });
      options.metrics.started.inc({ transport: request.transport });
      return client;
    },

    completeAll() {
      for (const stream of [...shared.values()]) {
        end(stream);
        stream.stop();
      }
    },
  };
}

const internalError = () =>
  new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });

/** A subgraph's error in an event, as in any federated answer (the event is the root). */
const subgraphError = (error: GraphQLFormattedError, serviceName: string): GraphQLError =>
  downstreamServiceError(error, serviceName, (path) => (path ? [...path] : undefined));

/** Why an upstream ended: the subgraph's own errors, or its stream became unavailable. */
function upstreamFailure(error: unknown, serviceName: string): GraphQLError[] {
  if (Array.isArray(error) && error.length)
    return (error as GraphQLFormattedError[]).map((item) => subgraphError(item, serviceName));
  return [
    new GraphQLError(`The ${serviceName} subgraph's stream ended unexpectedly; subscribe again.`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName },
    }),
  ];
}

/** A value with object keys in sorted order, so that `{a, b}` and `{b, a}` share a key. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}
