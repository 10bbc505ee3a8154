import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { pino } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Probes and scrapes arrive every few seconds; logging each would drown the real traffic. */
export const QUIET_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** Keeps a well-formed incoming request id (from the gateway or a client), else makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The process's JSON logger (pino): every line carries the service name. */
export function createLogger(service: string, level: string): Logger {
  return pino({
    level,
    base: { service },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}

/** Fastify options for request logs that carry the request id, on the process's logger. */
export function loggingOptions(logger: Logger): Partial<FastifyServerOptions> {
  return {
    loggerInstance: logger,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => QUIET_PATHS.has(request.url),
    }),
  };
}
