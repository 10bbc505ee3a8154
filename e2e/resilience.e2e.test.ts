import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningProcess } from '@cinegraph/stack';
import { gateway, spawnProcess } from '@cinegraph/stack';
import { errorCodes, freePort, graphqlRequest } from '@cinegraph/testing';
import type { ToySubgraph } from './support/toySubgraph.ts';
import { planetList, startToySubgraph } from './support/toySubgraph.ts';

// Two toy subgraphs; `moons` sits behind a proxy the tests control, to make it slow,
// failing or hanging, and to count what reaches it.
const planets = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Planet @key(fields: "id") { id: ID! name: String! }
  type Query { planets: [Planet!]! }
`);
const moons = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Planet @key(fields: "id") { id: ID! moons: [String!] }
  type Mutation { discoverMoon(planetId: ID!): Boolean! }
`);

type Mode = 'pass' | 'hang' | 'fail' | 'failOnce' | 'slow' | 'unauthorized' | 'forbidden' | 'html';
const proxy = { mode: 'pass' as Mode, requests: 0, target: '' };

async function startProxy(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      proxy.requests++;
      const mode = proxy.mode;
      if (mode === 'hang') return; // never answers
      if (mode === 'fail' || mode === 'failOnce') {
        if (mode === 'failOnce') proxy.mode = 'pass';
        response.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
        return;
      }
      // What an upstream proxy or a misconfigured subgraph may say, with internals in it.
      if (mode === 'unauthorized' || mode === 'forbidden') {
        response
          .writeHead(mode === 'unauthorized' ? 401 : 403, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: `token refused by ${proxy.target}` }] }));
        return;
      }
      if (mode === 'html') {
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(`<h1>nginx at ${proxy.target}</h1>`);
        return;
      }
      if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 120));
      const upstream = await fetch(proxy.target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.concat(chunks),
      });
      response.writeHead(upstream.status, { 'content-type': 'application/json' });
      response.end(await upstream.text());
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}/graphql` };
}

describe('subgraph resilience', () => {
  const servers: ToySubgraph[] = [];
  let proxyServer: Server;
  let dir: string;
  let router: RunningProcess;
  let url: string;

  beforeAll(async () => {
    const planetsSubgraph = await startToySubgraph(planets, { Query: { planets: planetList } });
    const moonsSubgraph = await startToySubgraph(moons, {
      Planet: {
        moons: (planet: { id: string }) => (planet.id === 'mars' ? ['Phobos', 'Deimos'] : ['Moon']),
      },
      Mutation: { discoverMoon: () => true },
    });
    servers.push(planetsSubgraph, moonsSubgraph);
    const urls: Record<string, string> = { planets: planetsSubgraph.url, moons: moonsSubgraph.url };
    const started = await startProxy();
    proxyServer = started.server;
    proxy.target = urls['moons']!;
    const composed = composeServices([
      { name: 'planets', typeDefs: planets, url: urls['planets']! },
      { name: 'moons', typeDefs: moons, url: started.url },
    ]);
    if (composed.errors) throw composed.errors[0];
    dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-resilience-'));
    await writeFile(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
    await writeFile(
      path.join(dir, 'gateway.yaml'),
      [
        'supergraph: { path: supergraph.graphql }',
        'rateLimits: { enabled: false }',
        'subgraphs:',
        '  overrides:',
        '    moons: { timeoutMs: 1000, retries: 1, breakerFailures: 2, breakerHalfOpenAfterMs: 60000 }',
      ].join('\n'),
    );
    const port = await freePort();
    router = await spawnProcess({
      name: 'gateway',
      entry: gateway.entry,
      port,
      args: ['--config', path.join(dir, 'gateway.yaml'), '--port', String(port)],
      env: { LOG_LEVEL: 'warn', RATE_LIMITS_ENABLED: 'false' },
    });
    url = `${router.url}/graphql`;
  });

  afterAll(async () => {
    await router?.stop();
    await new Promise((resolve) => proxyServer?.close(resolve));
    await Promise.all(servers.map((server) => server.stop()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    proxy.mode = 'pass';
    proxy.requests = 0;
  });

  const PLANETS = '{ planets { name moons } }';

  it('retries a query once the subgraph failed, and answers in full', async () => {
    proxy.mode = 'failOnce';
    const response = await graphqlRequest(url, PLANETS);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      planets: [
        { name: 'Earth', moons: ['Moon'] },
        { name: 'Mars', moons: ['Phobos', 'Deimos'] },
      ],
    });
    expect(proxy.requests).toBe(2);
  });

  it('never retries a mutation', async () => {
    proxy.mode = 'failOnce';
    const response = await graphqlRequest(url, 'mutation { discoverMoon(planetId: "mars") }');
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(proxy.requests).toBe(1);
  });

  it('shares one fetch between identical queries in flight', async () => {
    proxy.mode = 'slow';
    const answers = await Promise.all([graphqlRequest(url, PLANETS), graphqlRequest(url, PLANETS)]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(proxy.requests).toBe(1);
  });

  it.each([
    ['fail', 'SUBGRAPH_UNAVAILABLE'],
    ['unauthorized', 'INTERNAL_SERVER_ERROR'],
    ['forbidden', 'INTERNAL_SERVER_ERROR'],
    ['html', 'SUBGRAPH_UNAVAILABLE'],
  ] as const)(
    'tells the client of a subgraph answering %s only %s and the request id, never its URL or body',
    async (mode, code) => {
      proxy.mode = mode;
      // A mutation: never retried, so one failure, which the next success forgives.
      const response = await graphqlRequest(url, 'mutation { discoverMoon(planetId: "mars") }');
      proxy.mode = 'pass';
      expect(
        errorCodes(await graphqlRequest(url, 'mutation { discoverMoon(planetId: "mars") }')),
      ).toEqual([]);
      expect(errorCodes(response)).toEqual([code]);
      expect(response.errors![0]!.extensions).toEqual({
        code,
        serviceName: 'moons',
        requestId: response.headers.get('x-request-id'),
      });
      const text = JSON.stringify(response);
      expect(text).not.toContain(proxy.target);
      expect(text).not.toMatch(/127\.0\.0\.1|refused by|nginx|boom/);
    },
  );

  // Last: it leaves the moons circuit open.
  it('answers with the other subgraphs’ data when one hangs, then stops waiting for it', async () => {
    proxy.mode = 'hang';
    const first = await graphqlRequest(url, PLANETS);
    // Earth and Mars come from planets; their moons are missing, with an error saying why.
    expect(first.data).toEqual({
      planets: [
        { name: 'Earth', moons: null },
        { name: 'Mars', moons: null },
      ],
    });
    expect(errorCodes(first)).toContain('SUBGRAPH_UNAVAILABLE');
    expect(proxy.requests).toBe(2); // the attempt and its retry, each timed out

    await graphqlRequest(url, PLANETS); // the second failure opens the circuit
    const reached = proxy.requests;
    const open = await graphqlRequest(url, PLANETS);
    expect(open.data).toEqual(first.data);
    expect(errorCodes(open)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(open.errors?.[0]?.message).toContain('unavailable');
    // The open circuit answered without calling (and so without waiting for) the subgraph.
    expect(proxy.requests).toBe(reached);

    const metrics = await (await fetch(`${router.url}/metrics`)).text();
    expect(metrics).toMatch(/subgraph_circuit_state\{[^}]*subgraph="moons"[^}]*\} 2/);
    expect(metrics).toMatch(
      /subgraph_fetch_errors_total\{[^}]*subgraph="moons",reason="circuit_open"/,
    );
  });
});
