import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Probes and scrapes arrive every few seconds; logging each would drown the real traffic. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/** Keeps a well-formed incoming request id (from the gateway or a client), else makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Fastify options for JSON logs (pino) that carry the service name and the request id. */
export function loggingOptions(service: string, level: string): Partial<FastifyServerOptions> {
  return {
    logger: {
      level,
      base: { service },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => QUIET_PATHS.has(request.url),
    }),
  };
}
