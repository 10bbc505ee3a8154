import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { eventsEnv } from '@cinegraph/events';
import { ConfigError, env } from '@cinegraph/service-kit';

/** What a client may run: anything, anything but reported when off-list, or its list only. */
export const safelistModes = ['allow', 'log', 'enforce'] as const;
export type SafelistMode = (typeof safelistModes)[number];

/** A rate limit: so many requests per window. */
const window = (defaults: { requests: number; windowSeconds: number }) =>
  z
    .object({
      requests: z.coerce.number().int().min(1).default(defaults.requests),
      windowSeconds: z.coerce.number().int().min(1).default(defaults.windowSeconds),
    })
    .strict()
    .prefault({});

/** Timeout, retries and circuit breaker for calls to a subgraph. */
const subgraphPolicyFields = {
  /** Per attempt; no response headers in this time, or a body that stalls this long, and the call is abandoned. */
  timeoutMs: z.coerce.number().int().min(10),
  /** Extra attempts for queries (never mutations), with exponential backoff. */
  retries: z.coerce.number().int().min(0).max(5),
  /** Consecutive failures that open the circuit: then calls fail at once. */
  breakerFailures: z.coerce.number().int().min(1),
  /** How long the circuit stays open before one trial call. */
  breakerHalfOpenAfterMs: z.coerce.number().int().min(100),
};

/** A response-cache override: another maxAge, or not cached at all. */
const cacheOverride = z
  .object({
    maxAge: z.coerce.number().int().min(0).optional(),
    enabled: env.boolean(true).or(z.boolean()),
  })
  .strict();

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

/**
 * gateway.yaml, every option with its default (docs/gateway-config.md is the reference).
 * Strings may say `${env.NAME}` or `${env.NAME:-default}`; the environment variables in
 * `environmentOverrides` override single options.
 */
export const gatewayConfigSchema = z
  .object({
    server: z
      .object({
        host: env.host(),
        port: env.port(4000),
        /** Which proxies may set X-Forwarded-For (see TRUST_PROXY in docs/gateway.md). */
        trustProxy: z.union([z.boolean(), z.array(z.string()), env.trustProxy()]),
        logLevel: env.logLevel(),
        /** `json`, `pretty` (one line per entry, for a person) or `auto` (pretty on a terminal). */
        logFormat: env.logFormat(),
        /** Which start launched the process, on `/health` (a supervisor sets it); by default a fresh id. */
        instanceId: env.instanceId(),
        /** Largest request body accepted; bigger is HTTP 413. */
        bodyLimitBytes: z.coerce.number().int().min(1_024).default(1_048_576),
        /** Several operations in one HTTP request (a JSON array). */
        batching: env.boolean(false).or(z.boolean()),
      })
      .strict()
      .prefault({}),
    supergraph: z
      .object({
        /** The composed supergraph SDL to serve. */
        path: z.string().min(1).default('supergraph.graphql'),
        /** Overrides of the routing URLs written in the supergraph, by subgraph name. */
        subgraphUrls: z.record(z.string(), env.httpUrl()).default({}),
      })
      .strict()
      .prefault({}),
    auth: z
      .object({
        /** The JWKS that access tokens are verified against. */
        jwksUrl: env.httpUrl().default('http://127.0.0.1:4001/.well-known/jwks.json'),
      })
      .strict()
      .prefault({}),
    /** Defaults to true, except under NODE_ENV=production (see loadGatewayConfig). */
    introspection: env.boolean(true).or(z.boolean()),
    telemetry: z
      .object({
        /** Send traces here (OTLP over HTTP, e.g. http://collector:4318); unset: no tracing. */
        otlpEndpoint: env.httpUrl().optional(),
      })
      .strict()
      .prefault({}),
    /** GraphiQL at GET /graphql for browsers, from local assets. */
    ide: z
      .object({ enabled: env.boolean(true).or(z.boolean()) })
      .strict()
      .prefault({}),
    cors: z
      .object({
        /** Browser origins allowed to call (exact, e.g. https://app.example.com); none by default. */
        origins: z.array(z.string().min(1)).default([]),
        /** Whether those origins may send cookies and HTTP auth. */
        credentials: env.boolean(false).or(z.boolean()),
      })
      .strict()
      .prefault({}),
    security: z
      .object({
        /** Apollo Server's CSRF prevention: refuse "simple" requests without a preflight header. */
        csrfPrevention: env.boolean(true).or(z.boolean()),
        /** Security headers on every answer (helmet): nosniff, frame-ancestors 'none', a CSP, ... */
        headers: env.boolean(true).or(z.boolean()),
      })
      .strict()
      .prefault({}),
    /** Checked before an operation is planned; each has its own error code. */
    limits: z
      .object({
        maxDepth: z.coerce.number().int().min(1).default(15),
        maxAliases: z.coerce.number().int().min(0).default(30),
        maxRootFields: z.coerce.number().int().min(1).default(20),
        /** Characters of the operation text, checked before anything reads it. */
        maxTextLength: z.coerce.number().int().min(100).default(65_536),
        maxTokens: z.coerce.number().int().min(10).default(5_000),
        /** Field selections once fragments are expanded where they are spread. */
        maxSelections: z.coerce.number().int().min(1).default(1_000),
        /** Times one place may select one response name, or spread fragments. */
        maxRepeats: z.coerce.number().int().min(1).default(25),
        /** Variables an operation declares. */
        maxVariables: z.coerce.number().int().min(0).default(100),
        /** Operations one document defines. */
        maxOperations: z.coerce.number().int().min(1).default(20),
        /** Fragments one document defines. */
        maxFragments: z.coerce.number().int().min(0).default(200),
        maxCost: z.coerce.number().int().min(1).default(50_000),
        /** The size assumed for a list field with no @listSize and no slicing argument. */
        defaultListSize: z.coerce.number().int().min(1).default(20),
      })
      .strict()
      .prefault({}),
    /** How the gateway calls subgraphs: defaults, and overrides by subgraph name. */
    subgraphs: z
      .object({
        defaults: z
          .object({
            timeoutMs: subgraphPolicyFields.timeoutMs.default(10_000),
            retries: subgraphPolicyFields.retries.default(2),
            breakerFailures: subgraphPolicyFields.breakerFailures.default(5),
            breakerHalfOpenAfterMs: subgraphPolicyFields.breakerHalfOpenAfterMs.default(10_000),
          })
          .strict()
          .prefault({}),
        overrides: z
          .record(z.string(), z.object(subgraphPolicyFields).partial().strict())
          .default({}),
        /** Identical queries in flight to one subgraph (same text, variables and caller) share one fetch. */
        dedupeQueries: env.boolean(true).or(z.boolean()),
      })
      .strict()
      .prefault({}),
    /** Subscriptions: graphql-ws on the GraphQL path, and Server-Sent Events (graphql-sse). */
    subscriptions: z
      .object({
        enabled: env.boolean(true).or(z.boolean()),
        /** Open WebSocket and SSE connections one client address may hold; more get HTTP 429. */
        maxConnectionsPerIp: z.coerce.number().int().min(1).default(100),
        /** Active subscriptions on one WebSocket; more are refused (TOO_MANY_SUBSCRIPTIONS). */
        maxSubscriptionsPerConnection: z.coerce.number().int().min(1).default(25),
        /** Largest WebSocket message accepted; a bigger one closes the socket (1009). */
        maxMessageBytes: z.coerce.number().int().min(1_024).default(65_536),
        /** Events a subscriber may fall behind (a client that stopped reading); more cuts it off. */
        maxEventBacklog: z.coerce.number().int().min(1).default(100),
        /** A ping this often keeps idle sockets (and the proxies between) alive. */
        keepAliveMs: z.coerce.number().int().min(1_000).default(12_000),
        /** Time a client has to send connection_init before the socket is closed (4408). */
        connectionInitTimeoutMs: z.coerce.number().int().min(100).default(3_000),
      })
      .strict()
      .prefault({}),
    rateLimits: z
      .object({
        enabled: env.boolean(true).or(z.boolean()),
        /** For callers without an API key (anonymous, or a client that only names itself), by IP. */
        perIp: window({ requests: 100, windowSeconds: 60 }),
        /** For clients identified by an API key, by client, whatever their address. */
        perClient: window({ requests: 1_000, windowSeconds: 60 }),
        /** Per-client budgets that differ from perClient. */
        clients: z.record(z.string(), window({ requests: 1_000, windowSeconds: 60 })).default({}),
      })
      .strict()
      .prefault({}),
    redis: z
      .object({
        url: env.redisUrl(),
        keyPrefix: z.string().default('cinegraph:'),
      })
      .strict()
      .prefault({}),
    /** The response cache: whole answers in the keyspace, by the subgraphs' @cacheControl hints. */
    responseCache: z
      .object({
        enabled: env.boolean(true).or(z.boolean()),
        /** maxAge of a root or object field with no hint (Apollo's defaultMaxAge): 0 caches only hinted answers. */
        defaultMaxAgeSeconds: z.coerce.number().int().min(0).default(0),
        /** No answer is kept longer than this, whatever its hints say. */
        maxTtlSeconds: z.coerce.number().int().min(1).default(300),
        /** A keyspace call slower than this bypasses the cache for that request. */
        timeoutMs: z.coerce.number().int().min(1).default(250),
        /** The entity a viewer is (its id is the token's subject): a viewer's mutations purge it. */
        viewerType: z.string().min(1).default('User'),
        /** A bigger answer is not stored (it would take the keyspace's memory from seat holds). */
        maxEntryBytes: z.coerce.number().int().min(1_024).default(524_288),
        /** In-process store only (memory:// keyspace): the most bytes of answers kept. */
        memoryMaxBytes: z.coerce.number().int().min(1_024).default(67_108_864),
        /** Purge on the catalog and review events (movie.*, showtime.created, review.created). */
        purgeOnEvents: env.boolean(true).or(z.boolean()),
        /** By type (`Movie`) or field (`Movie.title`): a maxAge instead of the hint's, or not cached. */
        types: z.record(z.string(), cacheOverride).default({}),
        /** By operation name: a maxAge instead of the hints', or not cached. */
        operations: z.record(z.string(), cacheOverride).default({}),
      })
      .strict()
      .prefault({}),
    /** The event bus, which the gateway consumes to purge its response cache. */
    events: z
      .object({
        /** RabbitMQ, or `memory://<name>` in embedded mode; unset: no event consumer. */
        url: env.url(['amqp:', 'amqps:', 'memory:']).optional(),
        prefix: eventsEnv.EVENTS_PREFIX,
        /** The broker user each producing service publishes as (`{service}`: its name). */
        producerUser: eventsEnv.EVENTS_PRODUCER_USER,
      })
      .strict()
      .prefault({}),
    persistedQueries: z
      .object({
        /** Automatic persisted queries (Apollo's protocol), stored in Redis for every replica. */
        apq: z
          .object({
            enabled: env.boolean(true).or(z.boolean()),
            ttlSeconds: z.coerce.number().int().min(60).default(86_400),
            /** The largest document that may be registered, in bytes. */
            maxDocumentBytes: z.coerce.number().int().min(256).default(16_384),
            /** New documents each client (by API key) or address may register an hour. */
            registrationsPerHour: z.coerce.number().int().min(1).default(100),
            /** New documents all callers together may register per ttlSeconds. */
            maxEntries: z.coerce.number().int().min(1).default(10_000),
          })
          .strict()
          .prefault({}),
        /** Persisted query manifests (Apollo's format) by name: path to the JSON file. */
        manifests: z.record(z.string(), z.string().min(1)).default({}),
        safelist: z
          .object({
            /** For clients not listed below (and anonymous ones). */
            defaultMode: z.enum(safelistModes).default('allow'),
            clients: z
              .record(
                z.string(),
                z
                  .object({
                    mode: z.enum(safelistModes),
                    /** The manifests whose operations this client may run. */
                    manifests: z.array(z.string()).default([]),
                    /** SHA-256 (hex) of the API keys that identify this client (`x-api-key`). */
                    apiKeySha256: z.array(sha256Hex).default([]),
                  })
                  .strict(),
              )
              .default({}),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const manifests = config.persistedQueries.manifests;
    for (const [client, settings] of Object.entries(config.persistedQueries.safelist.clients)) {
      for (const name of settings.manifests) {
        if (!Object.hasOwn(manifests, name))
          ctx.addIssue({
            code: 'custom',
            path: ['persistedQueries', 'safelist', 'clients', client, 'manifests'],
            message: `names manifest "${name}", which persistedQueries.manifests does not define`,
          });
      }
    }
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema> & {
  /** The file the configuration came from, if any (its relative paths are from its folder). */
  readonly file: string | null;
};

/** Environment variables that override one option each (they win over the file). */
export const environmentOverrides: Record<string, string[]> = {
  HOST: ['server', 'host'],
  PORT: ['server', 'port'],
  TRUST_PROXY: ['server', 'trustProxy'],
  LOG_LEVEL: ['server', 'logLevel'],
  LOG_FORMAT: ['server', 'logFormat'],
  INSTANCE_ID: ['server', 'instanceId'],
  SUPERGRAPH_PATH: ['supergraph', 'path'],
  SUBGRAPH_URLS: ['supergraph', 'subgraphUrls'],
  JWKS_URL: ['auth', 'jwksUrl'],
  INTROSPECTION: ['introspection'],
  REDIS_URL: ['redis', 'url'],
  REDIS_KEY_PREFIX: ['redis', 'keyPrefix'],
  APQ_ENABLED: ['persistedQueries', 'apq', 'enabled'],
  RESPONSE_CACHE_ENABLED: ['responseCache', 'enabled'],
  AMQP_URL: ['events', 'url'],
  EVENTS_PREFIX: ['events', 'prefix'],
  EVENTS_PRODUCER_USER: ['events', 'producerUser'],
  RATE_LIMITS_ENABLED: ['rateLimits', 'enabled'],
  SUBSCRIPTIONS_ENABLED: ['subscriptions', 'enabled'],
  SUBSCRIPTIONS_MAX_CONNECTIONS_PER_IP: ['subscriptions', 'maxConnectionsPerIp'],
  CORS_ORIGINS: ['cors', 'origins'],
  IDE_ENABLED: ['ide', 'enabled'],
  OTEL_EXPORTER_OTLP_ENDPOINT: ['telemetry', 'otlpEndpoint'],
};

/** `${env.NAME}` / `${env.NAME:-default}` in any string of the file. */
function expandEnvironment(
  value: unknown,
  source: Record<string, string | undefined>,
  at: string,
): unknown {
  if (typeof value === 'string')
    return value.replace(
      /\$\{env\.([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
      (_, name: string, fallback?: string) => {
        const found = source[name] ?? fallback;
        if (found === undefined)
          throw new ConfigError(`Invalid configuration:\n  ${at}: \${env.${name}} is not set`);
        return found;
      },
    );
  if (Array.isArray(value))
    return value.map((item, index) => expandEnvironment(item, source, `${at}.${index}`));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        expandEnvironment(item, source, at ? `${at}.${key}` : key),
      ]),
    );
  return value;
}

/** `users=http://127.0.0.1:5001/graphql,movies=...` → { users: 'http://...' } */
function parseSubgraphUrls(value: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const pair of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name, url] = pair.split(/=(.*)/s);
    if (!name || !url || !URL.canParse(url))
      throw new ConfigError(`Invalid configuration:\n  SUBGRAPH_URLS: "${pair}" is not name=url`);
    urls[name] = url;
  }
  return urls;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/**
 * Reads the gateway's configuration: the YAML file (`GATEWAY_CONFIG`, else `gateway.yaml`
 * in the working directory when there is one), `${env.*}` expanded, then the single-option
 * environment variables on top, validated as a whole. Any problem is a ConfigError naming
 * the option.
 */
export function loadGatewayConfig(
  source: Record<string, string | undefined>,
  cwd = process.cwd(),
): Readonly<GatewayConfig> {
  const explicit = source['GATEWAY_CONFIG'];
  const file = explicit ? path.resolve(cwd, explicit) : path.resolve(cwd, 'gateway.yaml');
  const hasFile = Boolean(explicit) || existsSync(file);
  let raw: Record<string, unknown> = {};
  if (hasFile) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(
        `GATEWAY_CONFIG: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (error) {
      throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message}`);
    }
    if (
      parsed !== null &&
      parsed !== undefined &&
      (typeof parsed !== 'object' || Array.isArray(parsed))
    )
      throw new ConfigError(`${file} must hold a mapping of options`);
    raw = (expandEnvironment(parsed ?? {}, source, '') as Record<string, unknown>) ?? {};
    resolveFilePaths(raw, path.dirname(file));
  }
  for (const [variable, keys] of Object.entries(environmentOverrides)) {
    const value = source[variable];
    if (value === undefined) continue;
    setPath(
      raw,
      keys,
      variable === 'SUBGRAPH_URLS'
        ? parseSubgraphUrls(value)
        : variable === 'SUPERGRAPH_PATH'
          ? path.resolve(cwd, value)
          : variable === 'CORS_ORIGINS'
            ? value
                .split(',')
                .map((origin) => origin.trim())
                .filter(Boolean)
            : value,
    );
  }

  // Introspection answers anyone what the schema holds: off in production unless asked for.
  raw['introspection'] ??= source['NODE_ENV'] !== 'production';
  const result = gatewayConfigSchema.safeParse(raw);
  if (!result.success) {
    const variables = Object.fromEntries(
      Object.entries(environmentOverrides).map(([variable, keys]) => [keys.join('.'), variable]),
    );
    const problems = result.error.issues.map((issue) => {
      const option = issue.path.join('.');
      const variable = variables[option];
      return `  ${option}${variable && source[variable] !== undefined ? ` (${variable})` : ''}: ${issue.message}`;
    });
    throw new ConfigError(
      `Invalid configuration${hasFile ? ` (${file})` : ''}:\n${problems.join('\n')}`,
    );
  }
  return Object.freeze({ ...result.data, file: hasFile ? file : null });
}

/** Paths written in the file are relative to the file's folder. */
function resolveFilePaths(raw: Record<string, unknown>, folder: string): void {
  const at = (value: unknown) => (typeof value === 'string' ? path.resolve(folder, value) : value);
  const supergraph = raw['supergraph'] as Record<string, unknown> | undefined;
  if (supergraph && 'path' in supergraph) supergraph['path'] = at(supergraph['path']);
  const persisted = raw['persistedQueries'] as Record<string, unknown> | undefined;
  const manifests = persisted?.['manifests'];
  if (manifests && typeof manifests === 'object')
    for (const [name, target] of Object.entries(manifests))
      (manifests as Record<string, unknown>)[name] = at(target);
}
