import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@cinegraph/stack';
import { errorCodes } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();

const processes = [
  'gateway',
  'users',
  'movies',
  'reviews',
  'watchlists',
  'bookings',
  'payments',
  'notifications',
  'recommendations',
] as const;

/**
 * What each process's /ready checks. The keyspace (Redis) is not among them where it is
 * only a cache (movies, reviews, recommendations): they serve from PostgreSQL without it
 * (docs/caching.md).
 */
const dependencies: Record<(typeof processes)[number], string[]> = {
  gateway: ['keyspace', 'subgraphs'],
  users: ['broker', 'database', 'keyspace'],
  movies: ['broker', 'database'],
  reviews: ['broker', 'database', 'knownMovies'],
  watchlists: ['broker', 'database', 'knownMovies'],
  bookings: ['broker', 'catalog', 'database', 'keyspace'],
  payments: ['broker', 'database'],
  notifications: ['broker', 'database'],
  recommendations: ['broker', 'catalog', 'database'],
};

describe('every process', () => {
  it('reports on /health the one start it belongs to', async () => {
    const instances = await Promise.all(
      processes.map(async (name) => {
        const health = (await (await fetch(`${stack.urls[name]}/health`)).json()) as {
          instance: string;
        };
        return health.instance;
      }),
    );
    expect(new Set(instances).size).toBe(1);
  });

  it.each(processes)('%s serves /health, /ready and /metrics', async (name) => {
    const base = stack.urls[name]!;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    // Who answers: the process, and the start it belongs to (npm start's readiness check).
    expect(await health.json()).toEqual({
      status: 'ok',
      service: name,
      instance: expect.stringMatching(/^[\w.:-]+$/),
    });

    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { status: string; checks: Record<string, string> };
    expect(readiness.status).toBe('ready');
    expect(Object.values(readiness.checks).every((state) => state === 'ok')).toBe(true);
    expect(Object.keys(readiness.checks).sort()).toEqual([...dependencies[name]].sort());

    await stack.graphql('query CatalogProbe { genres { id } }');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
    expect(metrics).toContain('graphql_request_duration_seconds_bucket');
    // The gateway counts the client's operation; a subgraph sees the planner's name for its part.
    if (name === 'gateway')
      expect(metrics).toMatch(/graphql_requests_total\{[^}]*operation="CatalogProbe"/);
    if (name === 'movies')
      expect(metrics).toMatch(/graphql_requests_total\{[^}]*operation="CatalogProbe__movies__0"/);
    // Producers report their outbox; the consumer its queue's traffic.
    if (['users', 'movies', 'reviews', 'watchlists', 'bookings', 'payments'].includes(name)) {
      expect(metrics).toMatch(/^outbox_pending_events\{[^}]*\} \d+$/m);
      expect(metrics).toMatch(/^outbox_oldest_pending_age_seconds\{[^}]*\} [\d.]+$/m);
      expect(metrics).toContain('events_published_total');
    }
    if (
      [
        'notifications',
        'reviews',
        'watchlists',
        'bookings',
        'payments',
        'recommendations',
      ].includes(name)
    ) {
      expect(metrics).toContain('events_consumed_total');
      expect(metrics).toContain('events_dead_lettered_total');
    }
    // Every subgraph counts its SQL statements; the movies probe above sent some.
    if (name !== 'gateway') expect(metrics).toContain('db_statements_total');
    if (name === 'movies') expect(metrics).toMatch(/^db_statements_total\{[^}]*\} [1-9]/m);
  });
});

/**
 * The metric names a PromQL expression reads: label matchers, ranges, strings and grouping
 * clauses removed, what is left that is not a function, keyword or number.
 */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/(?<![\w:])\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, ' ');
  const keywords = new Set(['and', 'or', 'unless', 'bool', 'offset']);
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter(([, name, call]) => !call && !keywords.has(name!) && !/^\d/.test(name!))
    .map(([, name]) => name!);
}

describe('the alert rules and dashboards', () => {
  it('read only metrics that the processes export', async () => {
    const exported = new Set(['up']); // Prometheus's own, per scrape target
    for (const name of processes) {
      const text = await (await fetch(`${stack.urls[name]}/metrics`)).text();
      for (const [, metric, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
        exported.add(metric!);
        if (type === 'histogram')
          for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${metric}${suffix}`);
      }
    }
    const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
    const rules = (
      parse(read('observability/prometheus/alerts.yml')) as {
        groups: { rules: { alert: string; expr: string }[] }[];
      }
    ).groups.flatMap((group) => group.rules.map((rule) => [rule.alert, rule.expr] as const));
    const dashboards = readdirSync(path.join(repoRoot, 'observability/grafana/dashboards')).flatMap(
      (file) =>
        (
          JSON.parse(read(`observability/grafana/dashboards/${file}`)) as {
            panels: { title: string; targets: { expr: string }[] }[];
          }
        ).panels.flatMap((panel) =>
          panel.targets.map((target) => [`${file}: ${panel.title}`, target.expr] as const),
        ),
    );
    const used = [...rules, ...dashboards];
    expect(used.length).toBeGreaterThan(40);
    const missing = used.flatMap(([where, expr]) =>
      metricsIn(expr)
        .filter((metric) => !exported.has(metric))
        .map((metric) => `${where}: ${metric}`),
    );
    expect(missing).toEqual([]);
    // The extractor finds what it should (a guard against a vacuous pass).
    expect(
      metricsIn(
        'sum by (le) (rate(graphql_request_duration_seconds_bucket{service="gateway"}[5m])) / up > 1e9',
      ),
    ).toEqual(['graphql_request_duration_seconds_bucket', 'up']);
  });
});

describe('the gateway', () => {
  it('counts operations by name and by client', async () => {
    await stack.graphql('query ClientProbe { genres { id } }', {
      headers: { 'apollographql-client-name': 'ios' },
    });
    const metrics = await (await fetch(`${stack.urls['gateway']}/metrics`)).text();
    expect(metrics).toMatch(
      /graphql_requests_total\{[^}]*operation="ClientProbe",type="query",client="ios",outcome="success"[^}]*\} 1/,
    );
    expect(metrics).toMatch(
      /graphql_request_duration_seconds_count\{[^}]*operation="ClientProbe"[^}]*client="ios"/,
    );
    expect(metrics).toMatch(/subgraph_fetch_duration_seconds_count\{[^}]*subgraph="movies"/);
    // The same operation again skips parsing and validation: a document cache hit.
    await stack.graphql('query ClientProbe { genres { id } }');
    const after = await (await fetch(`${stack.urls['gateway']}/metrics`)).text();
    expect(after).toMatch(/graphql_document_cache_lookups_total\{[^}]*outcome="hit"[^}]*\} [1-9]/);
  });

  it('echoes the request id it was given, and makes one otherwise', async () => {
    const given = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: '{ genres { id } }' }),
    });
    expect(given.headers.get('x-request-id')).toBe('trace-me-123');
    const made = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ genres { id } }' }),
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed body with a GraphQL error, not a stack trace', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|node_modules/);
  });

  it('reports parse and validation errors with their codes', async () => {
    expect((await stack.graphql('{ movies(')).errors![0]!.extensions!['code']).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
    expect((await stack.graphql('{ nope }')).errors![0]!.extensions!['code']).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});

/** Runs a process entry until it exits; returns its exit code and standard error. */
async function runToExit(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

describe('configuration', () => {
  it('a bad value stops a process with a message naming the variable', async () => {
    const { code, stderr } = await runToExit('subgraphs/movies/src/index.ts', {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://nope',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreadable supergraph or signing key stops the process the same way', async () => {
    const gateway = await runToExit('gateway/src/cli.ts', {
      SUPERGRAPH_PATH: '/nonexistent/supergraph.graphql',
      PORT: '0',
    });
    expect(gateway.code).toBe(1);
    expect(gateway.stderr).toContain('SUPERGRAPH_PATH');
    const users = await runToExit('subgraphs/users/src/index.ts', {
      JWT_PRIVATE_KEY: 'not a key',
      DATABASE_URL: 'postgresql://127.0.0.1/unused',
    });
    expect(users.code).toBe(1);
    expect(users.stderr).toContain('JWT_PRIVATE_KEY');
    expect(users.stderr).not.toMatch(/\n\s+at /);
  });
});

// Last in this file: it stops a subgraph of this file's stack.
describe('with a subgraph down', () => {
  // It stops the movies process: services mode only.
  it.skipIf(stack.mode === 'embedded')(
    'the gateway reports not ready, and still answers what other subgraphs own',
    async () => {
      const session = await stack.graphql<{ login: { accessToken: string } }>(
        'mutation { login(input: { email: "alice@cinegraph.dev", password: "cinegraph-demo-password" }) { accessToken } }',
      );
      // An answer the gateway's response cache holds (docs/caching.md) outlives the outage.
      const cached = await stack.graphql('{ genres { id } }');
      expect(cached.errors).toBeUndefined();
      await stack.stopProcess('movies');

      const ready = await fetch(`${stack.urls['gateway']}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'not ready',
        checks: { keyspace: 'ok', subgraphs: 'failing' },
      });

      const me = await stack.graphql<{ me: { displayName: string } }>('{ me { displayName } }', {
        token: session.data!.login.accessToken,
      });
      expect(me.data!.me.displayName).toBe('Alice Moreau');

      expect((await stack.graphql('{ genres { id } }')).data).toEqual(cached.data);

      const genres = await stack.graphql('query NotCachedYet { genres { id slug } }');
      expect(genres.data).toBeNull();
      // The connection failure is logged whole; the client learns the subgraph is down and
      // the request id to quote, nothing of the network.
      expect(errorCodes(genres)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      expect(genres.errors![0]!.extensions).toMatchObject({
        serviceName: 'movies',
        requestId: genres.headers.get('x-request-id'),
      });
      expect(JSON.stringify(genres.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\n\s+at /);
    },
  );
});
