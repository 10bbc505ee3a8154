import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { GraphQLError } from 'graphql';
import type { OperationArgs, OperationContext, Response } from 'graphql-sse';
import type { HandlerOptions } from 'graphql-sse/lib/use/fastify';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import type { Gauge } from 'prom-client';
import { createError, errorCodes, isErrorCode, replyWithError } from '@cinegraph/service-kit';
import type { GatewayContext } from '../context.ts';
import { createContext } from '../context.ts';
import type { ConnectionLimiter } from './connectionLimiter.ts';
import type { FederatedSubscriptions } from './federatedSubscriptions.ts';
import type { AdmitOperation } from '../admission/admitOperation.ts';
import { requestedOperation } from '../plugins/requestedOperations.ts';
import { operationRunners } from './operationRunners.ts';
import { whenTokenExpires } from './tokenExpiry.ts';
import type { OperationRunner } from './operationRunners.ts';

/** Whether the client asks for an event stream (graphql-sse's distinct connections mode). */
export function wantsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => type.trim().startsWith('text/event-stream'));
}

/**
 * GraphQL over Server-Sent Events (graphql-sse, distinct connections mode) on the GraphQL
 * path, for clients that cannot open WebSockets: a GET or POST with
 * `Accept: text/event-stream` is answered with a stream of `next` events and a final
 * `complete`. The request has been through the HTTP edge (the token and its
 * verification, client identity) like any other; then its operation passes the
 * admission chain (admission/admitOperation.ts), whose refusals are answered as on a
 * POST: a JSON body of errors with the status of the first one's code (400 for a bad
 * document). A stream opened with a token ends when the token expires.
 */
export function serveServerSentEvents(
  app: FastifyInstance,
  options: {
    path: string;
    connections: ConnectionLimiter;
    admit: AdmitOperation;
    subscriptions: FederatedSubscriptions;
    runOperation: OperationRunner;
    openConnections: Gauge<'transport'>;
  },
): void {
  /** Each operation's response, to cut off a subscriber that stopped reading. */
  const responseOf = new WeakMap<GatewayContext, ServerResponse>();
  const handler = createHandler({
    async onSubscribe(request, params): Promise<Response | OperationArgs<OperationContext>> {
      const http = request.raw;
      const caller = { client: http.client ?? null, address: http.ip, log: http.log };
      const admission = await options.admit(caller, requestedOperation(params), { apq: false });
      // Refused before anything runs: an HTTP error with the GraphQL errors, as on a POST.
      if ('errors' in admission) return refusal(admission.errors);
      const { admitted } = admission;
      const context = await createContext(request.raw);
      responseOf.set(context, request.context.reply.raw);
      return {
        schema: admitted.schema,
        document: admitted.document,
        operationName: admitted.operationName,
        variableValues: admitted.variables,
        contextValue: context as unknown as OperationContext,
      };
    },
    ...(operationRunners(options, 'sse', (context) => responseOf.get(context)?.destroy()) as Pick<
      HandlerOptions<OperationContext>,
      'execute' | 'subscribe'
    >),
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== options.path) return;
    if (request.method !== 'GET' && request.method !== 'POST') return;
    if (!wantsEventStream(request.headers.accept)) return;
    const address = request.ip;
    if (!options.connections.acquire(address))
      return replyWithError(
        reply,
        createError('RATE_LIMITED', 'Too many open streams from this address; close one first.'),
      );
    reply.hijack();
    options.openConnections.inc({ transport: 'sse' });
    // The stream ends with its token: the client reconnects with a fresh one.
    const { authorization } = request.headers;
    const cancelExpiry =
      request.viewer && authorization
        ? whenTokenExpires(authorization, () => reply.raw.destroy())
        : () => {};
    reply.raw.once('close', () => {
      cancelExpiry();
      options.connections.release(address);
      options.openConnections.dec({ transport: 'sse' });
    });
    try {
      await handler(request, reply);
    } catch (error) {
      request.log.error({ err: error }, 'an event stream failed');
      if (!reply.raw.headersSent)
        reply.raw.writeHead(500, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            errors: [
              { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          }),
        );
      else reply.raw.end();
    }
  });
}

function refusal(errors: readonly GraphQLError[]): Response {
  const code = errors[0]?.extensions['code'];
  const status = isErrorCode(code) ? errorCodes[code].status : 400;
  return [
    JSON.stringify({ errors }),
    {
      status,
      statusText: STATUS_CODES[status] ?? 'Bad Request',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  ];
}
