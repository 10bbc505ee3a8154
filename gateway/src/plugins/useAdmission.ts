import type { FastifyInstance, FastifyReply } from 'fastify';
import type { GraphQLError } from 'graphql';
import { errorCodes, isErrorCode } from '@cinegraph/service-kit';
import type { AdmitOperation } from '../admission/admitOperation.ts';
import type { RateDecision } from '../admission/rateLimit.ts';
import { wantsEventStream } from '../subscriptions/serverSentEventsTransport.ts';
import { isGraphQLRequest, requestedOperations } from './requestedOperations.ts';

/**
 * The admission chain (admission/admitOperation.ts) on HTTP, a thin shell: each operation
 * of a GET, a POST or a batch is admitted before Apollo Server sees the request, and the
 * first refusal answers the whole request, with the HTTP status of its code. Every answer
 * carries the caller's RateLimit-* headers. Event streams run the chain in their own
 * transport, per operation (subscriptions/serverSentEventsTransport.ts).
 */
export function useAdmission(
  app: FastifyInstance,
  options: { admit: AdmitOperation; path: string; batching: boolean },
): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!isGraphQLRequest(request, options.path)) return;
    if (wantsEventStream(request.headers.accept)) return;
    // A batch where batching is off: Apollo Server refuses it whole, nothing to admit.
    if (!options.batching && Array.isArray(request.body)) return;
    const caller = { client: request.client ?? null, address: request.ip, log: request.log };
    let rate: RateDecision | undefined;
    for (const operation of requestedOperations(request)) {
      const admission = await options.admit(caller, operation, { apq: true });
      rate = admission.rate ?? rate;
      if ('errors' in admission) {
        if (rate) rateHeaders(reply, rate);
        return refuse(reply, admission.errors);
      }
    }
    if (rate) rateHeaders(reply, rate);
  });
}

function rateHeaders(reply: FastifyReply, rate: RateDecision): void {
  reply.headers({
    'ratelimit-limit': String(rate.limit),
    'ratelimit-remaining': String(rate.remaining),
    'ratelimit-reset': String(rate.resetSeconds),
  });
}

/** A refusal as Apollo Server would answer it: the errors, and the status of the first's code. */
function refuse(reply: FastifyReply, errors: readonly GraphQLError[]): FastifyReply {
  const code = errors[0]?.extensions['code'];
  // Apollo's protocol: an unknown hash is a 200 that asks for the text.
  const status =
    code === 'PERSISTED_QUERY_NOT_FOUND' ? 200 : isErrorCode(code) ? errorCodes[code].status : 400;
  const retryAfter = errors[0]?.extensions['retryAfterSeconds'];
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  if (code === 'PERSISTED_QUERY_NOT_FOUND')
    reply.header('cache-control', 'private, no-cache, must-revalidate');
  return reply
    .code(status)
    .type('application/json')
    .send({ errors: errors.map((error) => error.toJSON()) });
}
