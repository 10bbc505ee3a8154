import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { LogFormat } from './prettyLogs.ts';
import { createPrettyStream } from './prettyLogs.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Probes and scrapes arrive every few seconds; logging each would drown the real traffic. */
export const QUIET_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/** Keeps a well-formed incoming request id (from the gateway or a client), else makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The process's logger (pino): every entry carries the service name. JSON lines for
 * machines (a supervisor, k8s, a log shipper), or pino-pretty's one-line form for a person
 * at a terminal (see prettyLogs.ts and LOG_FORMAT).
 */
export function createLogger(service: string, level: string, format: LogFormat = 'json'): Logger {
  const options = {
    level,
    base: { service },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
  return format === 'pretty' ? pino(options, createPrettyStream()) : pino(options);
}

/**
 * Fastify's request lines at `debug`: at the default `info` a terminal shows what happens
 * to the system (starts, warnings, failures), not every request of every process.
 * `LOG_LEVEL=debug` brings them back. Errors keep their level.
 */
class RequestLogs extends LogController {
  override incomingRequest(request: FastifyRequest) {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, request, reply);
    if (!this.isLogDisabled(request))
      reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Fastify options for request logs that carry the request id, on the process's logger. */
export function loggingOptions(logger: Logger): Partial<FastifyServerOptions> {
  return {
    loggerInstance: logger,
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new RequestLogs({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: (request) => QUIET_PATHS.has(request.url),
    }),
  };
}
