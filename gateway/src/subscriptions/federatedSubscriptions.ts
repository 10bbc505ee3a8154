import { randomUUID } from 'node:crypto';
import type {
  DocumentNode,
  ExecutionResult,
  FormattedExecutionResult,
  GraphQLFormattedError,
} from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Counter, Gauge } from 'prom-client';
import type { PushIterator } from '@cinegraph/service-kit';
import { createPushIterator } from '@cinegraph/service-kit';
import type { GatewayContext } from '../context.ts';
import type { PreparedSubscription, SubscriptionPlanning } from '../execution/planExecution.ts';
import { downstreamServiceError } from '../execution/planExecutor.ts';
import { freezeDeep, thawed } from '../execution/sharedAnswers.ts';
import type { SubscriptionPlacement } from './subscriptionSharing.ts';
import { createSubscriptionPlacement } from './subscriptionSharing.ts';
import type { UpstreamSubscriptions } from './upstreamSubscriptions.ts';
import type { IsViewerDependent } from './viewerDependence.ts';

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
  context: GatewayContext;
}

/** One stream from the owning subgraph, shared by every audience placed on it. */
interface Upstream {
  key: string;
  audiences: Map<string, Audience>;
  /** No audience joins it from now on (it failed, completed, or its last client left). */
  ended: boolean;
  stop: () => void;
}

/** The clients of one upstream whose events are resolved together: one `rest` run per event. */
interface Audience {
  key: string;
  upstream: Upstream;
  prepared: PreparedSubscription;
  variables: Record<string, unknown> | undefined;
  /** The joins carry a member's token (one viewer's audience), or nobody's. */
  perViewer: boolean;
  /** What the joins run with: the newest member's context, or an anonymous one. */
  context: Partial<GatewayContext>;
  clients: Map<PushIterator<ExecutionResult>, Client>;
  /** Its events are resolved one at a time, so each client sees them in order. */
  queue: Promise<void>;
  ended: boolean;
}

/**
 * Federated subscriptions: the owning subgraph's stream (the plan's primary fetch) opened
 * through `upstreams`, and for each of its events the plan's other fetches run through
 * the gateway's executor, so the event carries fields other subgraphs own, shaped as the
 * client asked. Clients share what does not depend on who they are
 * (subscriptionSharing.ts): one upstream stream for every viewer when its selection is
 * viewer-independent, and on it one resolution per event for each audience (the clients
 * of one operation and variables, and of one viewer when the joins depend on the
 * viewer), pushed to every client of the audience. Audiences resolve concurrently, each
 * in order.
 */
export function createFederatedSubscriptions(options: {
  planning: SubscriptionPlanning;
  upstreams: UpstreamSubscriptions;
  /** Whether an operation's answer depends on the viewer (a PRIVATE field or type in it). */
  isViewerDependent: IsViewerDependent;
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
  const streams = new Map<string, Upstream>();
  const placementOf = createSubscriptionPlacement(options.isViewerDependent);

  function openUpstream(
    placement: SubscriptionPlacement['upstream'],
    primary: PreparedSubscription['primary'],
  ): Upstream {
    const upstream: Upstream = {
      key: placement.key,
      audiences: new Map(),
      ended: false,
      stop: () => {},
    };
    streams.set(upstream.key, upstream);
    const { serviceName } = primary;
    /** The stream is over: each audience gets what is queued for it, then `last`. */
    const finish = (last: (audience: Audience) => void) => {
      retireUpstream(upstream);
      // A step later: the sink may be called before `subscribe` has placed its client.
      void Promise.resolve().then(() => {
        for (const audience of [...upstream.audiences.values()])
          later(audience, () => last(audience));
      });
    };
    upstream.stop = options.upstreams.subscribe(
      serviceName,
      {
        query: primary.operation,
        operationName: primary.operationName ?? null,
        variables: placement.variables,
      },
      placement.authorization,
      {
        next(result) {
          const audiences = [...upstream.audiences.values()];
          // Each audience joins into its own tree: the event they share is frozen, and the
          // executor copies what it writes into (execution/sharedAnswers.ts).
          if (audiences.length > 1) freezeDeep(result.data);
          for (const audience of audiences)
            later(audience, () => deliver(audience, result, serviceName));
        },
        error(error) {
          options.logger.warn(
            { err: error, subgraph: serviceName },
            'an upstream subscription failed; its clients get an error',
          );
          const errors = upstreamFailure(error, serviceName);
          finish((audience) => {
            broadcast(audience, { errors });
            end(audience);
          });
        },
        complete: () => finish(end),
      },
    );
    return upstream;
  }

  function join(
    upstream: Upstream,
    placement: SubscriptionPlacement['audience'],
    request: SubscriptionRequest,
    prepared: PreparedSubscription,
  ): Audience {
    const known = upstream.audiences.get(placement.key);
    if (known) return known;
    const audience: Audience = {
      key: placement.key,
      upstream,
      prepared,
      variables: request.variables,
      perViewer: placement.perViewer,
      context: placement.perViewer
        ? request.context
        : // Joins for everyone carry no one's token, address or request id.
          { viewer: null, requestId: randomUUID(), forwardedFor: '', clientName: 'anonymous' },
      clients: new Map(),
      queue: Promise.resolve(),
      ended: false,
    };
    upstream.audiences.set(audience.key, audience);
    return audience;
  }

  function later(audience: Audience, step: () => Promise<void> | void) {
    audience.queue = audience.queue.then(step).catch((error: unknown) => {
      options.logger.error({ err: error }, 'a subscription event could not be resolved');
      broadcast(audience, { errors: [internalError()] });
    });
  }

  async function deliver(
    audience: Audience,
    result: FormattedExecutionResult<Record<string, unknown>, unknown>,
    serviceName: string,
  ) {
    if (audience.ended) return;
    const upstreamErrors = (result.errors ?? []).map((error) => subgraphError(error, serviceName));
    if (!result.data) return broadcast(audience, { errors: upstreamErrors });
    const response = await audience.prepared.resolveEvent(
      Object.isFrozen(result.data) ? thawed(result.data) : result.data,
      audience.context,
      audience.variables,
    );
    if (audience.ended) return;
    broadcast(
      audience,
      upstreamErrors.length
        ? { ...response, errors: [...upstreamErrors, ...(response.errors ?? [])] }
        : response,
    );
  }

  function broadcast(audience: Audience, result: ExecutionResult) {
    // Every client of the audience gets this one result: frozen, so that nothing a
    // transport does for one client can change what another receives.
    freezeDeep(result.data);
    const sent: Record<Transport, number> = { ws: 0, sse: 0 };
    for (const [client, { transport, onSlowReader }] of audience.clients) {
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

  /** No new audience joins the upstream from now on. */
  function retireUpstream(upstream: Upstream) {
    upstream.ended = true;
    if (streams.get(upstream.key) === upstream) streams.delete(upstream.key);
  }

  /** No new client joins the audience; the last one out of the upstream releases it. */
  function retire(audience: Audience) {
    audience.ended = true;
    const { upstream } = audience;
    if (upstream.audiences.get(audience.key) === audience) upstream.audiences.delete(audience.key);
    if (upstream.audiences.size > 0 || upstream.ended) return;
    retireUpstream(upstream);
    upstream.stop();
  }

  /** The audience is done (its upstream ended or failed): every client's stream completes. */
  function end(audience: Audience) {
    if (audience.ended) return;
    retire(audience);
    for (const client of [...audience.clients.keys()]) client.end();
  }

  function leave(audience: Audience, client: PushIterator<ExecutionResult>) {
    const member = audience.clients.get(client);
    if (!member) return;
    audience.clients.delete(client);
    options.metrics.active.dec({ transport: member.transport });
    if (audience.perViewer && audience.context === member.context) {
      // Its token may be about to expire (that is how it left): another member's.
      const next = audience.clients.values().next();
      if (!next.done) audience.context = next.value.context;
    }
    if (audience.clients.size > 0 || audience.ended) return;
    retire(audience);
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
      const placement = placementOf(prepared, request);
      const upstream =
        streams.get(placement.upstream.key) ?? openUpstream(placement.upstream, prepared.primary);
      const audience = join(upstream, placement.audience, request, prepared);
      const client = createPushIterator<ExecutionResult>(() => leave(audience, client));
      audience.clients.set(client, {
        transport: request.transport,
        onSlowReader: request.onSlowReader,
        context: request.context,
      });
      // The newest member's token is the one furthest from expiring.
      if (audience.perViewer) audience.context = request.context;
      options.metrics.active.inc({ transport: request.transport });
      options.metrics.started.inc({ transport: request.transport });
      return client;
    },

    completeAll() {
      for (const upstream of [...streams.values()]) {
        for (const audience of [...upstream.audiences.values()]) end(audience);
        retireUpstream(upstream);
        upstream.stop();
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
