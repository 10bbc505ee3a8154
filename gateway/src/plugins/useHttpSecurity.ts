import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { API_KEY_HEADER, CLIENT_NAME_HEADER } from './useClientIdentity.ts';

/**
 * Browser-facing protections around the endpoint:
 * - CORS for the configured origins only (none by default: same-origin callers and
 *   non-browser clients need none), with the headers CineGraph clients send;
 * - security headers (helmet): nosniff, no framing, no referrer, a CSP that allows this
 *   origin's own scripts and styles only (for the GraphQL IDE served from local assets).
 * CSRF prevention itself is Apollo Server's (`security.csrfPrevention`).
 */
export async function useHttpSecurity(app: FastifyInstance, config: GatewayConfig): Promise<void> {
  if (config.cors.origins.length) {
    await app.register(fastifyCors, {
      origin: config.cors.origins,
      credentials: config.cors.credentials,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: [
        'content-type',
        'authorization',
        'apollo-require-preflight',
        'x-apollo-operation-name',
        'x-request-id',
        CLIENT_NAME_HEADER,
        'apollographql-client-version',
        API_KEY_HEADER,
        'traceparent',
      ],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
      ],
      maxAge: 600,
    });
  }
  if (config.security.headers) {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    });
  }
}
