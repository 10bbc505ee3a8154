import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DATABASE_PROTOCOLS } from '@cinegraph/database';
import { KEYSPACE_PROTOCOLS } from '@cinegraph/keyspace';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses environment variables with a zod object schema into a frozen, typed config.
 * A bad or missing value throws a ConfigError that names every offending variable.
 */
export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Record<string, string | undefined>,
): Readonly<z.infer<z.ZodObject<Shape>>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      const value = env[variable];
      return `  ${variable}: ${issue.message}${value === undefined ? ' (not set)' : ''}`;
    });
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return Object.freeze(result.data);
}

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

/** Reusable variable schemas, so every process spells and checks them the same way. */
export const env = {
  port: (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort),
  host: () => z.string().min(1).default('127.0.0.1'),
  logLevel: () =>
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `LOG_FORMAT`: `json`, `pretty` (one line per entry, for a person), or `auto` (pretty on a terminal). */
  logFormat: () => z.enum(['auto', 'json', 'pretty']).default('auto'),
  /**
   * `INSTANCE_ID`, on `/health`: which start launched this process. A supervisor sets it to
   * know that the process answering on a port is the one it spawned; by default a fresh id.
   */
  instanceId: () =>
    z
      .string()
      .regex(/^[\w.:-]{1,64}$/, 'letters, digits and . _ : - only (at most 64)')
      .default(() => randomUUID()),
  /** A service's database: a PostgreSQL server, or `pglite:<folder>` (embedded). */
  postgresUrl: () => url(DATABASE_PROTOCOLS),
  /** The keyspace: a Redis server, or `memory://<name>` (in-process). */
  redisUrl: () => url(KEYSPACE_PROTOCOLS).default('redis://127.0.0.1:6379'),
  httpUrl: () => url(['http:', 'https:']),
  /** A URL of one of these protocols, e.g. `env.url(['amqp:', 'amqps:'])`. */
  url,
  boolean: (defaultValue: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(defaultValue ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy): `true`, `false`, or a
   * comma list of addresses, CIDRs or the names `loopback`, `linklocal`, `uniquelocal`.
   */
  trustProxy: () =>
    z
      .string()
      .default('loopback')
      .transform((value): boolean | string[] => {
        if (value === 'true') return true;
        if (value === 'false') return false;
        return value.split(',').map((part) => part.trim());
      }),
};

/** The variables every subgraph reads. */
export const subgraphEnv = {
  HOST: env.host(),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
  INSTANCE_ID: env.instanceId(),
  DATABASE_URL: env.postgresUrl(),
  REDIS_URL: env.redisUrl(),
  /** Prepended to every Redis key this process writes, so stacks can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('cinegraph:'),
  TRUST_PROXY: env.trustProxy(),
  /** Send traces here (OTLP over HTTP, e.g. http://collector:4318); unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']).optional(),
};
